import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alertFromFiring,
  alertLevels,
  applyFiring,
  alertLevelRank,
  reconcileFiring,
  type AlertFacts,
  type Firing,
} from '../src/index.js';
import { testId } from './factories.js';

const now = new Date('2026-12-04T08:00:00Z');
const cooldown = { cooldownDays: 30, acknowledgeWithinHours: 48 };

function firing(overrides: Partial<Firing> = {}): Firing {
  return {
    ruleId: 'violence-spike',
    ruleVersion: 1,
    areaCode: 'SDN',
    countryCode: 'SDN',
    period: '2026-11',
    level: 'warning',
    evidence: {
      measure: 'conflict-event signals',
      series: [],
      observed: 9,
      baseline: 2,
      threshold: 4,
      reason: '9 conflict-event signals in 2026-11, more than 2 × the 4-month mean of 2.',
      sourceIds: [],
    },
    sensitivity: 'public',
    ...overrides,
  };
}

function facts(overrides: Partial<AlertFacts> = {}): AlertFacts {
  return {
    id: testId(0x901),
    status: 'open',
    level: 'warning',
    period: '2026-10',
    closedAt: null,
    snoozedUntil: null,
    snoozedAtLevel: null,
    ...overrides,
  };
}

describe('reconciling a firing with the latest alert of its rule and area', () => {
  it('raises a new alert when there is none', () => {
    expect(reconcileFiring(firing(), null, cooldown, now)).toEqual({ kind: 'raise' });
  });

  it('updates the open alert instead of raising a second, never lowering its level', () => {
    expect(reconcileFiring(firing({ level: 'watch' }), facts(), cooldown, now)).toEqual({
      kind: 'update',
      alertId: testId(0x901),
      level: 'warning',
      raised: false,
      notify: true,
    });
    expect(reconcileFiring(firing({ level: 'urgent' }), facts(), cooldown, now)).toMatchObject({
      level: 'urgent',
      raised: true,
    });
  });

  it('updates an acknowledged or responded alert too', () => {
    for (const status of ['acknowledged', 'responded'] as const)
      expect(reconcileFiring(firing(), facts({ status }), cooldown, now).kind).toBe('update');
  });

  it('skips a firing for a period already recorded at no higher level', () => {
    const same = facts({ period: '2026-11' });
    expect(reconcileFiring(firing(), same, cooldown, now)).toEqual({
      kind: 'skip',
      reason: 'same-period',
    });
    expect(reconcileFiring(firing({ period: '2026-09' }), same, cooldown, now).kind).toBe('skip');
    expect(reconcileFiring(firing({ level: 'urgent' }), same, cooldown, now).kind).toBe('update');
  });

  it('skips within the cooldown after a close and raises again after it', () => {
    const closed = (closedAt: string) => facts({ status: 'closed', closedAt });
    expect(reconcileFiring(firing(), closed('2026-11-20T08:00:00Z'), cooldown, now)).toEqual({
      kind: 'skip',
      reason: 'cooldown',
    });
    expect(reconcileFiring(firing(), closed('2026-11-04T08:00:00Z'), cooldown, now)).toEqual({
      kind: 'raise',
    });
    expect(
      reconcileFiring(firing(), closed('2026-11-20T08:00:00Z'), { cooldownDays: 0 }, now),
    ).toEqual({ kind: 'raise' });
  });

  it('does not notify while snoozed, unless the level rises above the snooze', () => {
    const snoozed = facts({ snoozedUntil: '2026-12-10', snoozedAtLevel: 'warning' });
    expect(reconcileFiring(firing(), snoozed, cooldown, now)).toMatchObject({
      kind: 'update',
      notify: false,
    });
    expect(reconcileFiring(firing({ level: 'urgent' }), snoozed, cooldown, now)).toMatchObject({
      notify: true,
      raised: true,
    });
    const ended = facts({ snoozedUntil: '2026-12-04', snoozedAtLevel: 'warning' });
    expect(reconcileFiring(firing(), ended, cooldown, now)).toMatchObject({ notify: true });
  });

  it("never lowers an open alert's level (property)", () => {
    const level = fc.constantFrom(...alertLevels);
    fc.assert(
      fc.property(level, fc.array(level, { minLength: 1, maxLength: 12 }), (first, levels) => {
        let alert = alertFromFiring(firing({ level: first }), testId(0x901), now, cooldown);
        levels.forEach((next, i) => {
          const period = `2027-${String(i + 1).padStart(2, '0')}`;
          const incoming = firing({ level: next, period });
          const decision = reconcileFiring(incoming, alert, cooldown, now);
          expect(decision.kind).toBe('update');
          const before = alertLevelRank(alert.level);
          alert = applyFiring(alert, incoming, now);
          if (decision.kind === 'update') expect(decision.level).toBe(alert.level);
          expect(alertLevelRank(alert.level)).toBeGreaterThanOrEqual(before);
          expect(alertLevelRank(alert.level)).toBeGreaterThanOrEqual(alertLevelRank(next));
        });
        expect(alert.firings).toBe(levels.length + 1);
      }),
    );
  });
});

describe('building and updating alerts', () => {
  it('raises an open alert due for acknowledgement after the rule’s hours', () => {
    const alert = alertFromFiring(firing(), testId(0x902), now, cooldown);
    expect(alert).toMatchObject({
      id: testId(0x902),
      status: 'open',
      firstPeriod: '2026-11',
      period: '2026-11',
      firings: 1,
      raisedAt: '2026-12-04T08:00:00.000Z',
      acknowledgeBy: '2026-12-06T08:00:00.000Z',
      acknowledgedAt: null,
    });
  });

  it('takes the latest evidence and keeps the stricter sensitivity and the status', () => {
    const alert = {
      ...alertFromFiring(firing({ sensitivity: 'confidential' }), testId(0x903), now, cooldown),
      status: 'acknowledged' as const,
    };
    const later = new Date('2026-12-05T08:00:00Z');
    const next = firing({
      period: '2026-12',
      ruleVersion: 2,
      evidence: { ...firing().evidence, observed: 12 },
    });
    const updated = applyFiring(alert, next, later);
    expect(updated).toMatchObject({
      status: 'acknowledged',
      period: '2026-12',
      firstPeriod: '2026-11',
      ruleVersion: 2,
      sensitivity: 'confidential',
      firings: 2,
      updatedAt: '2026-12-05T08:00:00.000Z',
      acknowledgeBy: alert.acknowledgeBy,
    });
    expect(updated.evidence.observed).toBe(12);
  });
});
