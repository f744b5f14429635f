import { localise, type Language, type LocalisedText } from '@prevention/core';

/** How the plan pages write money and shares in the reader's language. */
export interface PlanFormat {
  /** Whole US dollars from cents, e.g. "US$1,250,000". */
  usd: (cents: number) => string;
  /** A share 0–1 as a percentage, e.g. "15 %". */
  percent: (share: number | null) => string;
  date: (isoDate: string) => string;
}

export function planFormat(language: Language): PlanFormat {
  const money = new Intl.NumberFormat(language, {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0,
  });
  const share = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    usd: (cents) => money.format(Math.round(cents / 100)),
    percent: (value) => (value === null ? '—' : share.format(value)),
    date: (isoDate) => day.format(new Date(`${isoDate}T00:00:00Z`)),
  };
}

/**
 * A risk model node by its title in the reader's language, from the titles the analysis sends
 * (the model the country's profile is computed under); a node it does not know, by its id.
 */
export function riskNodeTitle(
  titles: Readonly<Record<string, LocalisedText>>,
  nodeId: string,
  language: Language,
): string {
  const title = titles[nodeId];
  return title ? localise(title, language) : nodeId;
}
