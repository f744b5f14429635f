import { addMonths, type Month, type Sensitivity } from '@prevention/core';
import type {
  AlertRule,
  AreaHistory,
  CountPoint,
  JudgementFact,
  RuleCondition,
  ScorePoint,
  SignalFact,
} from '../src/index.js';

/** A readable, valid UUIDv7 for test data: `testId(0x101)` ends in …000000000101. */
export function testId(n: number): string {
  return `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function rule(condition: RuleCondition, overrides: Partial<AlertRule> = {}): AlertRule {
  return {
    id: 'test-rule',
    version: 1,
    title: { en: 'Test rule' },
    rationale: 'A rule for a test.',
    countryCode: null,
    enabled: true,
    level: 'warning',
    condition,
    cooldownDays: 30,
    acknowledgeWithinHours: 48,
    ...overrides,
  };
}

export function layer(overrides: Partial<AreaHistory> = {}): AreaHistory {
  return {
    areaCode: 'SDN',
    countryCode: 'SDN',
    sensitivity: 'public',
    scores: {},
    indicators: {},
    signals: [],
    judgements: [],
    ...overrides,
  };
}

/** Monthly scores from `first`, one a month; null is a month without a score. */
export function scores(first: Month, values: readonly (number | null)[]): ScorePoint[] {
  return values.map((score, i) => ({ month: addMonths(first, i), score }));
}

/** Monthly values from `first`; null leaves the month out (missing). */
export function values(first: Month, list: readonly (number | null)[]): CountPoint[] {
  return list.flatMap((value, i) =>
    value === null ? [] : [{ month: addMonths(first, i), value }],
  );
}

let nextSignal = 0x1000;

export function signal(overrides: Partial<SignalFact> = {}): SignalFact {
  nextSignal += 1;
  return {
    id: testId(nextSignal),
    pillar: 'peace-security',
    kind: 'conflict-event',
    areaCode: 'SDN',
    occurredOn: '2026-01-15',
    severity: 3,
    verification: 'reported',
    sensitivity: 'public',
    ...overrides,
  };
}

/** `count[i]` conflict events in the i-th month from `first`. */
export function monthlyEvents(
  first: Month,
  counts: readonly number[],
  overrides: Partial<SignalFact> = {},
): SignalFact[] {
  return counts.flatMap((count, i) =>
    Array.from({ length: count }, (_, k) =>
      signal({
        occurredOn: `${addMonths(first, i)}-${String(1 + (k % 28)).padStart(2, '0')}`,
        ...overrides,
      }),
    ),
  );
}

export function judgement(overrides: Partial<JudgementFact> = {}): JudgementFact {
  return {
    assessmentId: testId(0x2001),
    areaCode: 'SDN',
    month: '2026-01',
    title: 'Clashes over grazing land after the harvest',
    likelihood: 4,
    impact: 4,
    sensitivity: 'restricted' satisfies Sensitivity,
    ...overrides,
  };
}
