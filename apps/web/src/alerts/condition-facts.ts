import type { RuleCondition } from '@prevention/early-warning';

/** A parameter of a rule's condition as the rule page lists it: its name and its value. */
export interface ConditionFact {
  /** The key of the parameter's label among the alert strings (`param.…`). */
  param: string;
  value: string;
}

/**
 * A rule's condition as a list of parameters, in the order a reader weighs them: what is
 * watched, then how far it must move, then the guards against flicker and noise.
 */
export function conditionFacts(condition: RuleCondition): ConditionFact[] {
  const fact = (param: string, value: string | number) => ({ param, value: String(value) });
  switch (condition.kind) {
    case 'class-shift':
      return [
        fact('node', condition.node),
        fact('toClass', condition.toClass),
        fact('persistMonths', condition.persistMonths),
        fact('margin', condition.margin),
      ];
    case 'rise':
      return [
        fact('node', condition.node),
        fact('delta', condition.delta),
        fact('months', condition.months),
      ];
    case 'spike': {
      const series =
        condition.series.source === 'indicator'
          ? fact('indicator', condition.series.indicatorId)
          : fact('signalKinds', condition.series.kinds.join(', '));
      return condition.spike.test === 'trailing-mean'
        ? [
            series,
            fact('test', 'trailing-mean'),
            fact('periods', condition.spike.periods),
            fact('ratio', condition.spike.ratio),
            fact('minBaseline', condition.spike.minBaseline),
          ]
        : [
            series,
            fact('test', 'record'),
            fact('window', condition.spike.window),
            fact('floor', condition.spike.floor),
          ];
    }
    case 'human-rights-signal':
      return [
        fact('signalKinds', condition.signalKinds.join(', ')),
        fact('minSeverity', condition.minSeverity),
        fact('verification', condition.verification.join(', ')),
      ];
    case 'field-judgement':
      return [fact('minScore', condition.minScore)];
  }
}
