import {
  addMonths,
  groupSignalsByArea,
  isCorroborated as isChecked,
  monthOfSignal as monthOf,
  monthRange,
  reliabilityOfSignals,
  totalOf,
  type DerivationContext,
  type Observation,
  type Signal,
} from '@prevention/core';
import { CivicSpaceEvent } from './signals/civic-space.js';
import { Recommendation } from './signals/recommendation.js';
import { Violation } from './signals/violation.js';
import { civicSpaceScore, type Act, type VictimGroup } from './vocabulary.js';

const pillar = 'human-rights';
const ratingValidityMonths = 12;
/** SDG 16.10.1: who, and what. */
const protectedGroups: readonly VictimGroup[] = [
  'human-rights-defender',
  'journalist',
  'trade-unionist',
];
const gravestActs: readonly Act[] = [
  'killing',
  'abduction',
  'enforced-disappearance',
  'arbitrary-detention',
  'torture-ill-treatment',
];

const kinds = {
  violation: Violation,
  'civic-space': CivicSpaceEvent,
  recommendation: Recommendation,
};

function share(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : (100 * part) / whole;
}

/**
 * Indicator observations from human-rights signals, per area and month: violations (all and
 * verified), victims per 100,000 people, the gravest acts, verified attacks on defenders,
 * journalists and trade unionists (SDG 16.10.1), civic-space incidents and the latest civic
 * space rating, and, over all recommendations received up to the month, the share the state
 * supported (UPR) and the share implemented fully or partially.
 */
export function deriveHumanRightsObservations(
  signals: readonly Signal[],
  context: DerivationContext,
): Observation[] {
  const observations: Observation[] = [];
  for (const [areaCode, byKind] of groupSignalsByArea(signals, pillar, kinds)) {
    const area = {
      violations: byKind.violation,
      civic: byKind['civic-space'],
      recommendations: byKind.recommendation,
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

      if (area.violations.length > 0) {
        const inMonth = area.violations.filter((v) => monthOf(v.signal) === month);
        const used = inMonth.map((v) => v.signal);
        const withAct = (act: Act) => inMonth.filter((v) => v.value.acts.includes(act)).length;
        add('violations', inMonth.length, used, 'violation');
        add(
          'verified-violations',
          inMonth.filter((v) => v.signal.verification === 'verified').length,
          used,
          'violation',
        );
        add('killings', withAct('killing'), used, 'violation');
        add('arbitrary-detention', withAct('arbitrary-detention'), used, 'violation');
        add('sexual-violence', withAct('sexual-violence'), used, 'violation');
        add('enforced-disappearance', withAct('enforced-disappearance'), used, 'violation');
        const population = context.populationOf(areaCode, month);
        if (population !== undefined && population > 0) {
          const victims = inMonth.reduce((sum, v) => sum + totalOf(v.value.victimCount), 0);
          add('victims-per-100k', (100_000 * victims) / population, used, 'violation');
        }
        const attacks = inMonth.filter(
          (v) =>
            isChecked(v.signal) &&
            v.value.victimGroups.some((g) => protectedGroups.includes(g)) &&
            v.value.acts.some((a) => gravestActs.includes(a)),
        );
        add(
          'attacks-on-defenders',
          attacks.length,
          attacks.map((a) => a.signal),
          'violation',
        );
      }

      if (area.civic.length > 0) {
        const inMonth = area.civic.filter((c) => monthOf(c.signal) === month);
        const used = inMonth.map((c) => c.signal);
        add('civic-space-restrictions', inMonth.length, used, 'civic-space');
        add(
          'internet-shutdowns',
          inMonth.filter((c) => c.value.eventType === 'internet-shutdown').length,
          used,
          'civic-space',
        );
        const rated = area.civic
          .filter(
            (c) =>
              c.value.rating !== undefined &&
              monthOf(c.signal) <= month &&
              monthOf(c.signal) > addMonths(month, -ratingValidityMonths),
          )
          .sort((a, b) => a.signal.occurredOn.localeCompare(b.signal.occurredOn))
          .at(-1);
        if (rated?.value.rating)
          add(
            'civic-space-rating',
            civicSpaceScore(rated.value.rating),
            [rated.signal],
            'civic-space',
          );
      }

      const received = area.recommendations.filter((r) => monthOf(r.signal) <= month);
      const upr = received.filter((r) => r.value.mechanism === 'upr');
      const supported = upr.filter(
        (r) => r.value.mechanism === 'upr' && r.value.response === 'supported',
      );
      const uprShare = share(supported.length, upr.length);
      if (uprShare !== undefined)
        add(
          'upr-supported-share',
          uprShare,
          upr.map((r) => r.signal),
          'recommendation',
        );
      const assessed = received.filter((r) => r.value.implementation !== 'not-assessed');
      const implemented = assessed.filter((r) => r.value.implementation !== 'not-implemented');
      const implementedShare = share(implemented.length, assessed.length);
      if (implementedShare !== undefined)
        add(
          'recommendations-implemented-share',
          implementedShare,
          assessed.map((r) => r.signal),
          'recommendation',
        );
    }
  }
  return observations;
}
