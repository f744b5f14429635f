import {
  addMonths,
  groupSignalsByArea,
  monthOfSignal as monthOf,
  monthRange,
  reliabilityOfSignals,
  type DerivationContext,
  type Month,
  type Observation,
  type ParsedSignal,
  type Signal,
} from '@prevention/core';
import { DisplacementReport } from './signals/displacement.js';
import { FoodInsecurityAnalysis, shareInPhase3OrWorse } from './signals/food-insecurity.js';
import { HazardEvent } from './signals/hazard-event.js';

const pillar = 'development';
/** How long a displacement stock figure stands when no newer one comes. */
const stockValidityMonths = 12;

const kinds = {
  'hazard-event': HazardEvent,
  'food-insecurity': FoodInsecurityAnalysis,
  displacement: DisplacementReport,
};

/** The latest stock of displaced people of the given groups standing in `month`. */
function latestStock(
  reports: readonly ParsedSignal<DisplacementReport>[],
  groups: readonly DisplacementReport['group'][],
  month: Month,
): { people: number; signals: Signal[] } | undefined {
  let people = 0;
  const used: Signal[] = [];
  for (const group of groups) {
    const latest = reports
      .filter(
        (r) =>
          r.value.group === group &&
          r.value.measure === 'stock' &&
          monthOf(r.signal) <= month &&
          monthOf(r.signal) > addMonths(month, -stockValidityMonths),
      )
      .sort((a, b) => a.signal.occurredOn.localeCompare(b.signal.occurredOn))
      .at(-1);
    if (!latest) continue;
    people += latest.value.people;
    used.push(latest.signal);
  }
  return used.length === 0 ? undefined : { people, signals: used };
}

/**
 * Indicator observations from development signals, per area and month: hazard events and the
 * people they killed or affected per 100,000 (SDG 1.5.1), the IPC phase and the share of people
 * in Phase 3 or worse (current analyses preferred over projections), displaced people present
 * (the latest stock figure of the past year) and newly displaced people.
 */
export function deriveDevelopmentObservations(
  signals: readonly Signal[],
  context: DerivationContext,
): Observation[] {
  const observations: Observation[] = [];
  for (const [areaCode, byKind] of groupSignalsByArea(signals, pillar, kinds)) {
    const area = {
      hazards: byKind['hazard-event'],
      food: byKind['food-insecurity'],
      displacement: byKind.displacement,
    };
    for (const month of monthRange(context.from, context.to)) {
      const add = (name: string, value: number, from: readonly Signal[], source: string) =>
        observations.push({
          indicatorCode: `${pillar}.${name}`,
          areaCode,
          period: month,
          value,
          source: `Derived from ${source} signals`,
          reliability: reliabilityOfSignals(from),
        });
      const population = context.populationOf(areaCode, month);
      const perHundredThousand = (n: number) =>
        population !== undefined && population > 0 ? (100_000 * n) / population : undefined;

      if (area.hazards.length > 0) {
        const hazards = area.hazards.filter((h) => monthOf(h.signal) === month);
        const hazardSignals = hazards.map((h) => h.signal);
        add('hazard-events', hazards.length, hazardSignals, 'hazard');
        const toll = hazards.reduce(
          (sum, h) => sum + h.value.deaths + h.value.missing + h.value.directlyAffected,
          0,
        );
        const rate = perHundredThousand(toll);
        if (rate !== undefined) add('disaster-affected-per-100k', rate, hazardSignals, 'hazard');
      }

      const covering = area.food
        .filter((f) => f.value.validFrom <= month && month <= f.value.validTo)
        .sort(
          (a, b) =>
            Number(b.value.projection === false) - Number(a.value.projection === false) ||
            b.signal.occurredOn.localeCompare(a.signal.occurredOn),
        );
      const analysis = covering[0];
      if (analysis) {
        add('ipc-phase-3-plus', shareInPhase3OrWorse(analysis.value), [analysis.signal], 'IPC');
        add('ipc-area-phase', analysis.value.areaPhase, [analysis.signal], 'IPC');
      }

      if (area.displacement.length > 0) {
        const idps = latestStock(area.displacement, ['idps'], month);
        const idpRate = idps && perHundredThousand(idps.people);
        if (idps && idpRate !== undefined)
          add('idps-per-100k', idpRate, idps.signals, 'displacement');
        const hosted = latestStock(area.displacement, ['refugees', 'asylum-seekers'], month);
        const hostedRate = hosted && perHundredThousand(hosted.people);
        if (hosted && hostedRate !== undefined)
          add('refugees-hosted-per-100k', hostedRate, hosted.signals, 'displacement');

        const flows = area.displacement.filter(
          (d) => d.value.measure === 'flow' && monthOf(d.signal) === month,
        );
        const newlyDisplaced = flows.filter((d) => d.value.group !== 'returnees');
        const newRate = perHundredThousand(newlyDisplaced.reduce((s, d) => s + d.value.people, 0));
        const flowSignals = flows.map((d) => d.signal);
        if (newRate !== undefined)
          add('new-displacement-per-100k', newRate, flowSignals, 'displacement');
        const returned = flows.filter((d) => d.value.group === 'returnees');
        add(
          'returnees-in-month',
          returned.reduce((s, d) => s + d.value.people, 0),
          flowSignals,
          'displacement',
        );
      }
    }
  }
  return observations;
}
