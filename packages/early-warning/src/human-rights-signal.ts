import { monthFromIndex } from '@prevention/core';
import type { z } from 'zod';
import type { SignalFact } from './history.js';
import { signalIdsIn } from './indexed-history.js';
import type { HumanRightsSignalRule } from './rule.js';
import { evidenceMonths, type RuleTest } from './rule-hit.js';

type HumanRightsSignal = z.infer<typeof HumanRightsSignalRule>;

/**
 * A severe human-rights signal: at least one signal of the human-rights pillar, of one of the
 * listed kinds, of at least `minSeverity`, with a listed verification status, occurred in the
 * month. Never strong: the rule's own level already says how grave such a signal is. The
 * evidence's series is the monthly count of such signals.
 */
export const testHumanRightsSignal: RuleTest<HumanRightsSignal> = (condition, history, index) => {
  const matches = (signal: SignalFact): boolean =>
    signal.pillar === 'human-rights' &&
    condition.signalKinds.includes(signal.kind) &&
    signal.severity >= condition.minSeverity &&
    condition.verification.includes(signal.verification);
  const found = history.signalsIn(index).filter(matches);
  if (found.length === 0) return null;
  return {
    strong: false,
    evidence: () => {
      const series = [];
      for (let i = index - evidenceMonths + 1; i <= index; i += 1)
        series.push({
          month: monthFromIndex(i),
          value: history.signalsIn(i).filter(matches).length,
        });
      const gravest = Math.max(...found.map((s) => s.severity));
      return {
        measure: `${condition.signalKinds.join(' or ')} signals of severity ${condition.minSeverity} or more`,
        series,
        observed: gravest,
        baseline: null,
        threshold: condition.minSeverity,
        reason: `${found.length} ${condition.verification.join(' or ')} human-rights signal${found.length === 1 ? '' : 's'} of severity ${condition.minSeverity} or more in ${monthFromIndex(index)}, the gravest of severity ${gravest}.`,
        sourceIds: signalIdsIn(history, index, index, matches),
      };
    },
  };
};
