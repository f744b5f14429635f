import { monthIndex, monthFromIndex, type Month } from '@prevention/core';
import type { Firing } from './alert.js';
import { testClassShift } from './class-shift.js';
import { testFieldJudgement } from './field-judgement.js';
import type { AreaHistory } from './history.js';
import { testHumanRightsSignal } from './human-rights-signal.js';
import { indexHistory, type IndexedHistory } from './indexed-history.js';
import { testRise } from './rise.js';
import { alertLevels, type AlertLevel, type AlertRule, type RuleCondition } from './rule.js';
import type { RuleHit } from './rule-hit.js';
import { testSpike } from './spike.js';

/** Whether `condition` holds in the month with index `index` of an indexed layer. */
export function testCondition(
  condition: RuleCondition,
  history: IndexedHistory,
  index: number,
): RuleHit | null {
  switch (condition.kind) {
    case 'class-shift':
      return testClassShift(condition, history, index);
    case 'rise':
      return testRise(condition, history, index);
    case 'spike':
      return testSpike(condition, history, index);
    case 'human-rights-signal':
      return testHumanRightsSignal(condition, history, index);
    case 'field-judgement':
      return testFieldJudgement(condition, history, index);
  }
}

/**
 * The level a firing raises: the rule's, one step higher (at most `urgent`) when the firing is
 * at least twice as strong as the rule's threshold asks — a rise of twice `delta`, a count at
 * twice the spike threshold. Class shifts, human-rights signals and field judgements are never
 * raised: their rule's level already says how grave the event is.
 */
export function firingLevel(ruleLevel: AlertLevel, strong: boolean): AlertLevel {
  if (!strong) return ruleLevel;
  return (
    alertLevels[Math.min(alertLevels.indexOf(ruleLevel) + 1, alertLevels.length - 1)] ?? ruleLevel
  );
}

function firingOf(rule: AlertRule, layer: AreaHistory, index: number, hit: RuleHit): Firing {
  return {
    ruleId: rule.id,
    ruleVersion: rule.version,
    areaCode: layer.areaCode,
    countryCode: layer.countryCode,
    period: monthFromIndex(index),
    level: firingLevel(rule.level, hit.strong),
    evidence: hit.evidence(),
    sensitivity: layer.sensitivity,
  };
}

/**
 * Whether `rule` fires for the layer's area in `month`, reading nothing after `month`. It does
 * not look at `enabled` or `countryCode`: a back-test runs a rule before anyone enables it, and
 * `evaluateArea` chooses which rules apply.
 */
export function evaluateRule(rule: AlertRule, layer: AreaHistory, month: Month): Firing | null {
  const index = monthIndex(month);
  const hit = testCondition(rule.condition, indexHistory(layer), index);
  return hit === null ? null : firingOf(rule, layer, index, hit);
}

/**
 * The rules that apply in a country: the global rules, except where the country has its own rule
 * of the same id, which replaces the global one there; and the country's own rules. Disabled rules
 * are left out unless `includeDisabled` (a back-test of a rule not yet enabled).
 */
export function rulesForCountry(
  rules: readonly AlertRule[],
  countryCode: string,
  { includeDisabled = false }: { includeDisabled?: boolean } = {},
): AlertRule[] {
  const own = new Set(rules.filter((r) => r.countryCode === countryCode).map((r) => r.id));
  return rules.filter(
    (r) =>
      (includeDisabled || r.enabled) &&
      (r.countryCode === countryCode || (r.countryCode === null && !own.has(r.id))),
  );
}

/**
 * What the rules raise for one area in `month`. `layers` is the area's history, one layer per
 * sensitivity level, least sensitive first. For each enabled rule that applies to the area
 * (`rulesForCountry`), the firing of the least sensitive layer in which it fires, with that
 * layer's sensitivity, so that an alert is seen by everyone who may know why it fired.
 */
export function evaluateArea(
  rules: readonly AlertRule[],
  layers: readonly AreaHistory[],
  month: Month,
): Firing[] {
  const first = layers[0];
  if (first === undefined) return [];
  const index = monthIndex(month);
  const indexed = layers.map(indexHistory);
  const firings: Firing[] = [];
  for (const rule of rulesForCountry(rules, first.countryCode)) {
    for (const history of indexed) {
      const hit = testCondition(rule.condition, history, index);
      if (hit === null) continue;
      firings.push(firingOf(rule, history.layer, index, hit));
      break;
    }
  }
  return firings;
}
