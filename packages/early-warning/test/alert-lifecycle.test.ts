import type { Actor, Role } from '@prevention/core';
import { describe, expect, it } from 'vitest';
import {
  availableAlertActions,
  decideAlertTransition,
  isOverdue,
  isSnoozed,
  mayReadAlert,
  type AlertState,
} from '../src/index.js';
import { testId } from './factories.js';

function actor(roles: Role[], overrides: Partial<Actor> = {}): Actor {
  return {
    userId: testId(0x501),
    roles,
    scope: { kind: 'countries', countries: ['SDN'] },
    clearance: 'confidential',
    ...overrides,
  };
}
const state = (overrides: Partial<AlertState> = {}): AlertState => ({
  countryCode: 'SDN',
  status: 'open',
  sensitivity: 'restricted',
  ...overrides,
});
const lead = actor(['country-team-lead']);

describe('the alert lifecycle', () => {
  it('lets a team lead acknowledge, respond to, close and snooze an open alert', () => {
    expect(decideAlertTransition(lead, state(), 'acknowledge')).toEqual({
      allowed: true,
      to: 'acknowledged',
    });
    expect(decideAlertTransition(lead, state(), 'respond')).toEqual({
      allowed: true,
      to: 'responded',
    });
    expect(decideAlertTransition(lead, state(), 'close')).toEqual({ allowed: true, to: 'closed' });
    expect(decideAlertTransition(lead, state({ status: 'responded' }), 'snooze')).toEqual({
      allowed: true,
      to: 'responded',
    });
  });

  it('refuses steps out of order as CONFLICT', () => {
    expect(
      decideAlertTransition(lead, state({ status: 'acknowledged' }), 'acknowledge'),
    ).toMatchObject({
      allowed: false,
      code: 'CONFLICT',
    });
    expect(decideAlertTransition(lead, state({ status: 'responded' }), 'respond')).toMatchObject({
      code: 'CONFLICT',
    });
    for (const action of ['close', 'snooze', 'acknowledge'] as const)
      expect(decideAlertTransition(lead, state({ status: 'closed' }), action)).toMatchObject({
        code: 'CONFLICT',
      });
  });

  it('lets an HQ planner respond, and forbids a field officer or reviewer who may read it', () => {
    const planner = actor(['hq-planner'], { scope: { kind: 'global' } });
    expect(availableAlertActions(planner, state())).toEqual([
      'acknowledge',
      'respond',
      'close',
      'snooze',
    ]);
    for (const role of ['field-officer', 'reviewer', 'administrator'] as const) {
      expect(decideAlertTransition(actor([role]), state(), 'close')).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(availableAlertActions(actor([role]), state())).toEqual([]);
    }
  });

  it('answers NOT_FOUND for an alert out of scope or above the clearance', () => {
    const outOfScope = state({ countryCode: 'TCD' });
    expect(decideAlertTransition(lead, outOfScope, 'acknowledge')).toMatchObject({
      code: 'NOT_FOUND',
    });
    const secret = state({ sensitivity: 'strictly-confidential' });
    expect(decideAlertTransition(lead, secret, 'acknowledge')).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('lets readers in scope and cleared read, but not partners alone', () => {
    expect(mayReadAlert(actor(['field-officer']), state())).toBe(true);
    expect(mayReadAlert(actor(['partner']), state())).toBe(false);
    expect(mayReadAlert(actor(['partner', 'reviewer']), state())).toBe(true);
    expect(mayReadAlert(actor(['field-officer'], { clearance: 'public' }), state())).toBe(false);
  });
});

describe('overdue and snoozed alerts', () => {
  const by = '2026-12-06T08:00:00.000Z';

  it('is overdue once open past its acknowledge-by time', () => {
    expect(isOverdue({ status: 'open', acknowledgeBy: by }, new Date('2026-12-06T08:00:01Z'))).toBe(
      true,
    );
    expect(isOverdue({ status: 'open', acknowledgeBy: by }, new Date('2026-12-06T07:59:59Z'))).toBe(
      false,
    );
    expect(
      isOverdue({ status: 'acknowledged', acknowledgeBy: by }, new Date('2027-01-01T00:00:00Z')),
    ).toBe(false);
  });

  it('is snoozed until the date begins, or until the level rises above the snooze', () => {
    const snoozed = {
      status: 'open',
      level: 'warning',
      snoozedUntil: '2026-12-10',
      snoozedAtLevel: 'warning',
    } as const;
    expect(isSnoozed(snoozed, new Date('2026-12-09T23:59:59Z'))).toBe(true);
    expect(isSnoozed(snoozed, new Date('2026-12-10T00:00:00Z'))).toBe(false);
    expect(isSnoozed({ ...snoozed, level: 'urgent' }, new Date('2026-12-05T00:00:00Z'))).toBe(
      false,
    );
    expect(isSnoozed({ ...snoozed, status: 'closed' }, new Date('2026-12-05T00:00:00Z'))).toBe(
      false,
    );
    expect(isSnoozed({ ...snoozed, snoozedUntil: null }, new Date('2027-06-01T00:00:00Z'))).toBe(
      true,
    );
    expect(
      isSnoozed(
        { ...snoozed, snoozedUntil: null, snoozedAtLevel: null },
        new Date('2026-12-05T00:00:00Z'),
      ),
    ).toBe(false);
  });
});
