import {
  addMonths,
  monthIndex,
  monthIndexBounds,
  monthOfSignal,
  newId,
  stricterSensitivity,
  type Month,
  type Sensitivity,
} from '@prevention/core';
import {
  findDerivingPillars,
  findImportBatch,
  findTouchedAreaMonths,
  findPopulations,
  findSignalsForDerivation,
  replaceDerivedObservations,
  type DatabaseClient,
} from '@prevention/db';
import { platformPillars } from '@prevention/risk';

/** The pillars' derived indicators for what a committed batch touched. */
export async function deriveForBatch(
  ctx: { db: DatabaseClient; now: () => Date },
  batchId: string,
): Promise<{ areas: number; observations: number }> {
  const batch = await findImportBatch(ctx.db, batchId);
  if (!batch) return { areas: 0, observations: 0 };
  const touched = await findTouchedAreaMonths(ctx.db, batchId, batch.target);
  // A population holds from its period on: every later month's per-capita values change.
  return deriveTouched({ ...ctx, systemUserId: batch.createdBy }, touched, {
    reach: batch.target === 'observations' ? 'until-today' : 'baseline-year',
  });
}

/** Months derived per pass: memory holds one area's signals for this span plus a baseline year. */
const windowMonths = 24;
/** Earlier months whose signals feed baselines (the trailing twelve-month means). */
const baselineMonths = 12;

export interface AreaMonth {
  areaCode: string;
  countryCode: string;
  month: string;
}

/**
 * Brings the pillars' derived indicators (conflict events become monthly fatalities, battles,
 * the change against the trailing year …) up to date for the areas and months an import
 * touched, and for the year after each, whose baselines those months feed. Each area is
 * derived a window at a time and written in one short transaction per pillar and window. A
 * derived value carries the strictest sensitivity of the signals of its area and month, so it
 * never tells a reader more than the signals would.
 */
export async function deriveTouched(
  ctx: { db: DatabaseClient; now: () => Date; systemUserId: string },
  touched: readonly AreaMonth[],
  options: { reach?: 'baseline-year' | 'until-today'; today?: Month } = {},
): Promise<{ areas: number; observations: number }> {
  const today = options.today ?? new Date().toISOString().slice(0, 7);
  const byArea = new Map<string, { countryCode: string; months: Set<Month> }>();
  for (const { areaCode, countryCode, month } of touched) {
    let entry = byArea.get(areaCode);
    if (!entry) byArea.set(areaCode, (entry = { countryCode, months: new Set() }));
    // A changed month also changes the baselines of the twelve after it.
    const reach =
      options.reach === 'until-today'
        ? Math.max(0, monthIndex(today) - monthIndex(month))
        : baselineMonths;
    for (let i = 0; i <= reach; i += 1) {
      const later = addMonths(month, i);
      if (later <= today) entry.months.add(later);
    }
  }
  let observations = 0;
  for (const [areaCode, { countryCode, months }] of byArea) {
    const deriving = await findDerivingPillars(ctx.db, areaCode);
    const pillars = platformPillars.filter((pillar) => deriving.has(pillar.id));
    if (pillars.length === 0) continue;
    const populations = await findPopulations(ctx.db, areaCode);
    const populationOf = (_area: string, month: Month) => {
      // The latest-starting population period that has begun by the month.
      let found: number | undefined;
      let start = -Infinity;
      const index = monthIndex(month);
      for (const p of populations) {
        const first = monthIndexBounds(p.period).first;
        if (first <= index && first >= start) [found, start] = [p.value, first];
      }
      return found;
    };
    for (const [from, to] of windows([...months].sort())) {
      for (const pillar of pillars) {
        const signals = await findSignalsForDerivation(ctx.db, {
          pillar: pillar.id,
          areaCode,
          from: `${addMonths(from, -baselineMonths)}-01`,
          to: lastDayOf(to),
        });
        // No signal left (a batch rolled back): the replacement below is empty and removes
        // what was derived from them.
        const levels = new Map<Month, Sensitivity>();
        for (const signal of signals) {
          const month = monthOfSignal(signal);
          levels.set(month, stricterSensitivity(levels.get(month) ?? 'public', signal.sensitivity));
        }
        const derived = pillar
          .deriveObservations(signals, { from, to, populationOf })
          .filter((o) => o.areaCode === areaCode);
        await replaceDerivedObservations(
          ctx.db,
          { pillar: pillar.id, areaCode, from, to, createdBy: ctx.systemUserId, now: ctx.now() },
          derived.map((o) => ({
            id: newId(),
            indicatorCode: o.indicatorCode,
            areaCode,
            countryCode,
            period: o.period,
            sex: o.disaggregation?.sex ?? null,
            age: o.disaggregation?.age ?? null,
            source: o.source,
            value: o.value,
            reliability: o.reliability,
            sensitivity: levels.get(o.period) ?? 'public',
          })),
        );
        observations += derived.length;
      }
    }
  }
  return { areas: byArea.size, observations };
}

function lastDayOf(month: Month): string {
  const next = new Date(`${addMonths(month, 1)}-01T00:00:00Z`);
  return new Date(next.getTime() - 86_400_000).toISOString().slice(0, 10);
}

/** Sorted months as runs of at most `windowMonths` consecutive months. */
function windows(months: readonly Month[]): [Month, Month][] {
  const runs: [Month, Month][] = [];
  for (const month of months) {
    const last = runs.at(-1);
    if (
      last &&
      monthIndex(month) === monthIndex(last[1]) + 1 &&
      monthIndex(month) - monthIndex(last[0]) < windowMonths
    )
      last[1] = month;
    else runs.push([month, month]);
  }
  return runs;
}
