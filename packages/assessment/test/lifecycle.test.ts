import { newId, roles, type Actor, type Role } from '@prevention/core';
import { describe, expect, it } from 'vitest';
import {
  AssessmentStatus,
  LifecycleAction,
  availableActions,
  decideEdit,
  decideTransition,
  type AssessmentState,
} from '../src/index.js';

const actor = (role: Role, overrides: Partial<Actor> = {}): Actor => ({
  userId: newId(),
  roles: [role],
  scope: { kind: 'countries', countries: ['SDN'] },
  clearance: 'restricted',
  ...overrides,
});

const state = (
  status: AssessmentStatus,
  overrides: Partial<AssessmentState> = {},
): AssessmentState => ({
  countryCode: 'SDN',
  status,
  submittedBy: status === 'submitted' ? newId() : null,
  ...overrides,
});

/** Who may take which step from which status: the rules this package exists to keep. */
const expected: Record<
  LifecycleAction,
  { from: AssessmentStatus[]; roles: Role[]; to: AssessmentStatus }
> = {
  submit: {
    from: ['draft', 'returned'],
    roles: ['field-officer', 'country-team-lead'],
    to: 'submitted',
  },
  return: { from: ['submitted'], roles: ['reviewer'], to: 'returned' },
  endorse: { from: ['submitted'], roles: ['reviewer'], to: 'endorsed' },
  publish: { from: ['endorsed'], roles: ['country-team-lead', 'hq-planner'], to: 'published' },
  reopen: { from: ['published'], roles: ['country-team-lead'], to: 'draft' },
};

describe('lifecycle transitions', () => {
  for (const action of LifecycleAction.options) {
    for (const role of roles) {
      for (const status of AssessmentStatus.options) {
        const rule = expected[action];
        const allowed = rule.roles.includes(role) && rule.from.includes(status);
        it(`${allowed ? 'allows' : 'refuses'} a ${role} to ${action} a ${status} assessment`, () => {
          const decision = decideTransition(actor(role), state(status), action);
          expect(decision.allowed).toBe(allowed);
          if (decision.allowed) expect(decision.to).toBe(rule.to);
          else expect(decision.code).toBe(rule.roles.includes(role) ? 'CONFLICT' : 'FORBIDDEN');
        });
      }
    }
  }

  it('refuses every step on an assessment outside the actor’s countries', () => {
    for (const action of LifecycleAction.options) {
      const [role] = expected[action].roles;
      if (!role) continue;
      const decision = decideTransition(
        actor(role),
        state(expected[action].from[0] ?? 'draft', { countryCode: 'MLI' }),
        action,
      );
      expect(decision).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
    }
  });

  it('lets a globally scoped actor act in any country', () => {
    const planner = actor('hq-planner', { scope: { kind: 'global' } });
    expect(
      decideTransition(planner, state('endorsed', { countryCode: 'MLI' }), 'publish').allowed,
    ).toBe(true);
  });

  it('does not let a reviewer review their own submission', () => {
    const reviewer = actor('reviewer');
    const own = state('submitted', { submittedBy: reviewer.userId });
    expect(decideTransition(reviewer, own, 'endorse')).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
    });
    expect(decideTransition(reviewer, own, 'return')).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
    });
  });

  it('offers exactly the actions that are allowed', () => {
    expect(availableActions(actor('reviewer'), state('submitted'))).toEqual(['return', 'endorse']);
    expect(availableActions(actor('partner'), state('submitted'))).toEqual([]);
  });
});

describe('editing', () => {
  it('lets authors edit drafts and returned assessments only', () => {
    for (const status of AssessmentStatus.options) {
      expect(decideEdit(actor('field-officer'), state(status)).allowed).toBe(
        status === 'draft' || status === 'returned',
      );
    }
    expect(decideEdit(actor('reviewer'), state('draft'))).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
    });
    expect(decideEdit(actor('field-officer'), state('published'))).toMatchObject({
      allowed: false,
      code: 'CONFLICT',
      reason: expect.stringContaining('reopen'),
    });
  });
});
