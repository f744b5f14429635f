import type { IndicatorUnit, Language } from '@prevention/core';

/** Numbers, shares and months of the risk pages in the reader's language. */
export function riskFormat(language: Language) {
  const score = new Intl.NumberFormat(language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const change = new Intl.NumberFormat(language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const whole = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const share = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const shareChange = new Intl.NumberFormat(language, {
    style: 'percent',
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
  });
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
  const decimal = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(language, {
    style: 'unit',
    unit: 'percent',
    maximumFractionDigits: 2,
  });
  const usd = new Intl.NumberFormat(language, {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0,
  });
  const dateOf = (value: string) =>
    new Date(`${value.length === 4 ? `${value}-01` : value}-01T00:00:00Z`);
  const dash = '–';
  return {
    score: (value: number | null | undefined) => (value == null ? dash : score.format(value)),
    change: (value: number | null | undefined) => (value == null ? dash : change.format(value)),
    whole: (value: number) => whole.format(value),
    share: (value: number) => share.format(value),
    /** A difference of two shares, in percentage points: "+5 %". */
    shareChange: (value: number | null | undefined) =>
      value == null ? dash : shareChange.format(value),
    /** A month (YYYY-MM) as "May 2026"; other periods (quarters, years) as they are. */
    month: (value: string) => (/^\d{4}-\d{2}$/.test(value) ? month.format(dateOf(value)) : value),
    shortMonth: (value: string) => shortMonth.format(dateOf(value)),
    /** An indicator's value, with its unit where a number format has one (percent, US$). */
    value: (value: number, unit: IndicatorUnit | null) =>
      unit === 'percent'
        ? percent.format(value)
        : unit === 'usd'
          ? usd.format(value)
          : decimal.format(value),
  };
}

export type RiskFormat = ReturnType<typeof riskFormat>;
