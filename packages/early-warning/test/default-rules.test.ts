import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AlertRule, defaultRules, evaluateArea } from '../src/index.js';
import { layer, monthlyEvents, scores } from './factories.js';

describe('the default rules', () => {
  it('are valid rule documents with distinct ids', () => {
    for (const rule of defaultRules) expect(AlertRule.parse(rule)).toEqual(rule);
    expect(new Set(defaultRules.map((r) => r.id)).size).toBe(defaultRules.length);
  });

  it('are each explained in the package README', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const rule of defaultRules) expect(readme).toContain(`\`${rule.id}\``);
  });

  it('raise a violence spike, and nothing, on a doubling of events in a calm area', () => {
    const calm = layer({
      scores: { 'prevention-risk': scores('2026-01', [3, 3, 3, 3, 3]) },
      signals: monthlyEvents('2026-01', [3, 2, 3, 2, 6]),
    });
    expect(evaluateArea(defaultRules, [calm], '2026-05').map((f) => f.ruleId)).toEqual([
      'violence-spike',
    ]);
    expect(evaluateArea(defaultRules, [calm], '2026-04')).toEqual([]);
  });
});
