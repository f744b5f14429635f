import {
  addMonths,
  derivedReliability,
  isCorroborated,
  monthOfSignal,
  monthRange,
  monthsBetween,
  type DerivationContext,
  type Month,
  type Observation,
  type Signal,
} from '@prevention/core';
import { disorderTypesOf } from './acled/codebook.js';
import { ConflictEvent } from './signals/conflict-event.js';
import { MediationEngagement, pooledShareOfWomen } from './signals/mediation.js';
import { TensionSignal, type TensionType } from './signals/tension.js';

const pillar = 'peace-security';
const code = (name: string) => `${pillar}.${name}`;
/** A baseline needs this many earlier months of observation of the area. */
const baselineMonths = 12;

interface MonthTally {
  byEventType: Map<string, number>;
  politicalViolence: number;
  demonstrations: number;
  excessiveForce: number;
  territorialGains: number;
  civilianTargeting: number;
  fatalities: number;
  civilianFatalities: number;
  tension: Map<TensionType, number>;
  mediation: MediationEngagement[];
  verified: number;
  signals: number;
}

function emptyTally(): MonthTally {
  return {
    byEventType: new Map(),
    politicalViolence: 0,
    demonstrations: 0,
    excessiveForce: 0,
    territorialGains: 0,
    civilianTargeting: 0,
    fatalities: 0,
    civilianFatalities: 0,
    tension: new Map(),
    mediation: [],
    verified: 0,
    signals: 0,
  };
}

function tally(signal: Signal, into: MonthTally) {
  into.signals += 1;
  if (isCorroborated(signal)) into.verified += 1;
  switch (signal.kind) {
    case 'conflict-event': {
      const event = ConflictEvent.parse(signal.payload);
      into.byEventType.set(event.eventType, (into.byEventType.get(event.eventType) ?? 0) + 1);
      const disorder = disorderTypesOf(event.subEventType);
      if (disorder.includes('Political violence')) into.politicalViolence += 1;
      if (disorder.includes('Demonstrations')) into.demonstrations += 1;
      if (event.subEventType === 'Excessive force against protesters') into.excessiveForce += 1;
      if (event.subEventType === 'Non-state actor overtakes territory') into.territorialGains += 1;
      into.fatalities += event.fatalities;
      if (event.civilianTargeting) {
        into.civilianTargeting += 1;
        into.civilianFatalities += event.fatalities;
      }
      return;
    }
    case 'tension': {
      const tension = TensionSignal.parse(signal.payload);
      const highest = into.tension.get(tension.tensionType) ?? 0;
      into.tension.set(tension.tensionType, Math.max(highest, signal.severity));
      return;
    }
    case 'mediation-engagement':
      into.mediation.push(MediationEngagement.parse(signal.payload));
      return;
  }
}

/** Percentage change of `value` against the mean of the previous twelve months. */
function changeAgainstBaseline(series: (m: Month) => number, month: Month): number {
  let sum = 0;
  for (let i = 1; i <= baselineMonths; i += 1) sum += series(addMonths(month, -i));
  const baseline = sum / baselineMonths;
  return (100 * (series(month) - baseline)) / Math.max(baseline, 1);
}

/**
 * Indicator observations from peace-and-security signals, per area and month: event counts by
 * type, fatalities (per 100,000 people where the population is known), civilian targeting,
 * the change against the trailing 12-month average (once an area has 12 months of history),
 * tension scores and the share of women in mediation. Months without events count zero events:
 * an absent event is taken as no event once an area is being monitored.
 */
export function derivePeaceSecurityObservations(
  signals: readonly Signal[],
  context: DerivationContext,
): Observation[] {
  const byArea = new Map<string, Map<Month, MonthTally>>();
  const firstMonth = new Map<string, Month>();
  for (const signal of signals) {
    if (signal.pillar !== pillar) continue;
    const month = monthOfSignal(signal);
    if (month > context.to) continue;
    let months = byArea.get(signal.areaCode);
    if (!months) byArea.set(signal.areaCode, (months = new Map()));
    let monthTally = months.get(month);
    if (!monthTally) months.set(month, (monthTally = emptyTally()));
    tally(signal, monthTally);
    const first = firstMonth.get(signal.areaCode);
    if (first === undefined || month < first) firstMonth.set(signal.areaCode, month);
  }

  const observations: Observation[] = [];
  for (const [areaCode, months] of byArea) {
    const at = (m: Month) => months.get(m) ?? emptyTally();
    const first = firstMonth.get(areaCode) ?? context.from;
    for (const month of monthRange(context.from, context.to)) {
      const t = at(month);
      const reliability = derivedReliability(t.verified, t.signals);
      const add = (name: string, value: number, source = 'conflict-event signals') =>
        observations.push({
          indicatorCode: code(name),
          areaCode,
          period: month,
          value,
          source: `Derived from ${source}`,
          reliability,
        });

      add('battles', t.byEventType.get('Battles') ?? 0);
      add('explosions-remote-violence', t.byEventType.get('Explosions/Remote violence') ?? 0);
      add('violence-against-civilians', t.byEventType.get('Violence against civilians') ?? 0);
      add('protests', t.byEventType.get('Protests') ?? 0);
      add('riots', t.byEventType.get('Riots') ?? 0);
      add('strategic-developments', t.byEventType.get('Strategic developments') ?? 0);
      add('political-violence-events', t.politicalViolence);
      add('excessive-force-against-protesters', t.excessiveForce);
      add('non-state-territorial-gains', t.territorialGains);
      add('civilian-targeting-events', t.civilianTargeting);
      add('fatalities', t.fatalities);

      const population = context.populationOf(areaCode, month);
      if (population !== undefined && population > 0) {
        add('fatalities-per-100k', (100_000 * t.fatalities) / population);
        add('civilian-fatalities-per-100k', (100_000 * t.civilianFatalities) / population);
      }

      if (monthsBetween(first, month) >= baselineMonths) {
        add(
          'political-violence-change',
          changeAgainstBaseline((m) => at(m).politicalViolence, month),
        );
        add(
          'demonstrations-change',
          changeAgainstBaseline((m) => at(m).demonstrations, month),
        );
      }

      add('political-tension', 2 * (t.tension.get('political') ?? 0), 'tension signals');
      add('inter-communal-tension', 2 * (t.tension.get('inter-communal') ?? 0), 'tension signals');
      add('electoral-tension', 2 * (t.tension.get('electoral') ?? 0), 'tension signals');

      const active = t.mediation.filter((e) => e.stage !== 'stalled');
      const mediation = 'mediation-engagement signals';
      add('active-mediation-processes', new Set(active.map((e) => e.process)).size, mediation);
      const shares: [string, number | undefined][] = [
        ['women-among-negotiators', pooledShareOfWomen(t.mediation, (e) => e.negotiators)],
        ['women-among-mediators', pooledShareOfWomen(t.mediation, (e) => e.mediators)],
        ['women-among-signatories', pooledShareOfWomen(t.mediation, (e) => e.signatories)],
      ];
      for (const [name, share] of shares) if (share !== undefined) add(name, share, mediation);
    }
  }
  return observations;
}
