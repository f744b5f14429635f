import { describe, expect, it } from 'vitest';
import { AlertResponseLinks, AlertRule } from '../src/index.js';

const rule = {
  id: 'violence-spike',
  version: 1,
  title: { en: 'Violence spike' },
  rationale: 'Conflict events more than double their trailing mean.',
  countryCode: null,
  enabled: true,
  level: 'warning',
  condition: {
    kind: 'spike',
    series: { source: 'signals', kinds: ['conflict-event'] },
    spike: { test: 'trailing-mean', periods: 4, ratio: 2, minBaseline: 1 },
  },
  cooldownDays: 30,
  acknowledgeWithinHours: 48,
};

describe('the rule schema', () => {
  it('accepts a well-formed rule', () => {
    expect(AlertRule.parse(rule)).toEqual(rule);
  });

  it('refuses a record window other than 12 or 36 months', () => {
    const bad = {
      ...rule,
      condition: { ...rule.condition, spike: { test: 'record', window: 24, floor: 5 } },
    };
    expect(AlertRule.safeParse(bad).success).toBe(false);
  });

  it('refuses a class shift into the lowest class, which is no shift up', () => {
    const bad = {
      ...rule,
      condition: {
        kind: 'class-shift',
        node: 'prevention-risk',
        toClass: 'very-low',
        persistMonths: 2,
        margin: 0.3,
      },
    };
    expect(AlertRule.safeParse(bad).success).toBe(false);
  });

  it('refuses a response that links nothing', () => {
    expect(AlertResponseLinks.safeParse({ planActionIds: [], decisionIds: [] }).success).toBe(
      false,
    );
  });
});
