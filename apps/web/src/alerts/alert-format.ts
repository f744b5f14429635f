import type { Language } from '@prevention/core';

/** Dates, times, ages and numbers of the alert pages in the reader's language. */
export function alertFormat(language: Language) {
  const dateTime = new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  const shortMonth = new Intl.DateTimeFormat(language, {
    year: '2-digit',
    month: 'short',
    timeZone: 'UTC',
  });
  const hours = new Intl.NumberFormat(language, {
    style: 'unit',
    unit: 'hour',
    unitDisplay: 'long',
    maximumFractionDigits: 0,
  });
  const days = new Intl.NumberFormat(language, {
    style: 'unit',
    unit: 'day',
    unitDisplay: 'long',
    maximumFractionDigits: 0,
  });
  const decimal = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const share = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const dash = '–';
  return {
    /** An instant, in UTC: "4 Dec 2026, 09:30". */
    dateTime: (iso: string) => `${dateTime.format(new Date(iso))} UTC`,
    date: (isoDate: string) => day.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)),
    month: (value: string) => month.format(new Date(`${value}-01T00:00:00Z`)),
    shortMonth: (value: string) => shortMonth.format(new Date(`${value}-01T00:00:00Z`)),
    /** A duration in hours, as hours under two days and as days beyond. */
    duration: (value: number | null) =>
      value === null ? dash : value < 48 ? hours.format(value) : days.format(value / 24),
    number: (value: number | null) => (value === null ? dash : decimal.format(value)),
    share: (value: number | null) => (value === null ? dash : share.format(value)),
  };
}

export type AlertFormat = ReturnType<typeof alertFormat>;
