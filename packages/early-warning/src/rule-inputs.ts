import type { OnsetDefinition } from './backtest.js';
import type { AlertRule } from './rule.js';

/**
 * What a set of rules reads of an area's history: the model nodes whose scores, the indicators
 * whose values and the signal kinds whose records they look at, and whether any reads field
 * judgements. A store reads only these, so that evaluating a few rules after an import does not
 * read every indicator of every area.
 */
export interface RuleInputs {
  nodeIds: string[];
  indicatorIds: string[];
  signalKinds: string[];
  judgements: boolean;
}

/** The inputs of `rules`, and of the onset a back-test measures them against, if any. */
export function inputsOfRules(rules: readonly AlertRule[], onset?: OnsetDefinition): RuleInputs {
  const nodes = new Set<string>();
  const indicators = new Set<string>();
  const kinds = new Set<string>();
  let judgements = false;
  for (const { condition } of rules) {
    switch (condition.kind) {
      case 'class-shift':
      case 'rise':
        nodes.add(condition.node);
        break;
      case 'spike':
        if (condition.series.source === 'indicator') indicators.add(condition.series.indicatorId);
        else for (const kind of condition.series.kinds) kinds.add(kind);
        break;
      case 'human-rights-signal':
        for (const kind of condition.signalKinds) kinds.add(kind);
        break;
      case 'field-judgement':
        judgements = true;
        break;
    }
  }
  if (onset?.kind === 'class-reached') nodes.add(onset.node);
  if (onset?.kind === 'indicator-above') indicators.add(onset.indicatorId);
  const sorted = (set: Set<string>) => [...set].sort();
  return {
    nodeIds: sorted(nodes),
    indicatorIds: sorted(indicators),
    signalKinds: sorted(kinds),
    judgements,
  };
}
