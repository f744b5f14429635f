import {
  CountryCode,
  Year,
  countryCodeOfArea,
  yearOf,
  type IsoDate,
  type Signal,
} from '@prevention/core';
import {
  MediationEngagement,
  mediationEngagementKind,
  type GenderComposition,
  pooledShareOfWomen,
} from '@prevention/peace-security';
import type { PlanFinancing } from './financing.js';
import { Share, UsdCents } from './money.js';
import { z } from 'zod';
import type { PlanContent } from './plan.js';

/**
 * The UN's commitment that at least 15 % of peacebuilding funds go to projects whose principal
 * objective is gender equality (the Secretary-General's seven-point action plan).
 */
export const GENDER_FUNDING_COMMITMENT = 0.15;

/** Actions with a gender equality marker of 2 or 3 count towards the commitment here. */
export const genderMarkedFrom = 2;

const Count = z.number().int().min(0);

export const GenderEqualityShare = z
  .object({
    actions: z.object({ total: Count, marked: Count, share: Share.nullable() }).strict(),
    /** Committed money on actions; money given to an outcome directly has no marker and is left out. */
    money: z
      .object({ committedUsd: UsdCents, markedUsd: UsdCents, share: Share.nullable() })
      .strict(),
    commitment: Share,
    /** Whether the money share reaches the commitment; null without committed money. */
    meetsCommitment: z.boolean().nullable(),
  })
  .strict();
export type GenderEqualityShare = z.infer<typeof GenderEqualityShare>;

/** The share of actions, and of committed money, whose gender marker is 2 or 3. */
export function genderEqualityShare(
  content: PlanContent,
  financing: PlanFinancing,
): GenderEqualityShare {
  const marked = new Set(
    content.actions.filter((a) => a.genderMarker >= genderMarkedFrom).map((a) => a.id),
  );
  let committedUsd = 0;
  let markedUsd = 0;
  for (const apportionment of financing.apportionments) {
    if (apportionment.actionId === null || !apportionment.countedIn.includes('committedUsd'))
      continue;
    committedUsd += apportionment.usd;
    if (marked.has(apportionment.actionId)) markedUsd += apportionment.usd;
  }
  const total = content.actions.length;
  const moneyShare = committedUsd === 0 ? null : markedUsd / committedUsd;
  return {
    actions: { total, marked: marked.size, share: total === 0 ? null : marked.size / total },
    money: { committedUsd, markedUsd, share: moneyShare },
    commitment: GENDER_FUNDING_COMMITMENT,
    meetsCommitment: moneyShare === null ? null : moneyShare >= GENDER_FUNDING_COMMITMENT,
  };
}

/** A share of women, 0–100; null where nobody is counted. */
const PercentOfWomen = z.number().min(0).max(100).nullable();

export const WomenInMediationYear = z
  .object({
    countryCode: CountryCode,
    year: Year,
    /** Mediation processes recorded in the year. */
    processes: Count,
    negotiators: PercentOfWomen,
    mediators: PercentOfWomen,
    signatories: PercentOfWomen,
  })
  .strict();
export type WomenInMediationYear = z.infer<typeof WomenInMediationYear>;

/** The kind of the signals `womenInMediationOverTime` reads, for a caller that fetches them. */
export const mediationSignalKind: string = mediationEngagementKind.kind;

/**
 * The share of women among negotiators, mediators and signatories, per country and year, from
 * the mediation-engagement signals of the peace-security pillar. Each process counts once a year,
 * as its latest engagement of that year stands, and the delegations of a country's processes are
 * pooled (everyone counted once). Oldest year first, countries in code order.
 */
export function womenInMediationOverTime(signals: readonly Signal[]): WomenInMediationYear[] {
  const years = new Map<string, CountryYear>();
  for (const signal of signals) {
    if (signal.kind !== mediationEngagementKind.kind) continue;
    const countryCode = countryCodeOfArea(signal.areaCode);
    if (countryCode === undefined) continue;
    const year = yearOf(signal.occurredOn);
    const key = `${countryCode} ${year}`;
    let countryYear = years.get(key);
    if (!countryYear) {
      countryYear = { countryCode, year, processes: new Map() };
      years.set(key, countryYear);
    }
    const engagement = MediationEngagement.parse(signal.payload);
    const seen = countryYear.processes.get(engagement.process);
    if (!seen || seen.on <= signal.occurredOn)
      countryYear.processes.set(engagement.process, { on: signal.occurredOn, engagement });
  }
  return [...years.values()]
    .map(shareOfWomenIn)
    .sort((a, b) => a.year.localeCompare(b.year) || a.countryCode.localeCompare(b.countryCode));
}

interface CountryYear {
  countryCode: CountryCode;
  year: Year;
  /** Each process's latest engagement of the year. */
  processes: Map<string, { on: IsoDate; engagement: MediationEngagement }>;
}

function shareOfWomenIn({ countryCode, year, processes }: CountryYear): WomenInMediationYear {
  const engagements = [...processes.values()].map((p) => p.engagement);
  const pooled = (group: (e: MediationEngagement) => GenderComposition | undefined) =>
    pooledShareOfWomen(engagements, group) ?? null;
  return {
    countryCode,
    year,
    processes: engagements.length,
    negotiators: pooled((e) => e.negotiators),
    mediators: pooled((e) => e.mediators),
    signatories: pooled((e) => e.signatories),
  };
}
