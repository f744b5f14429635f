import { newId, roles, type Actor, type Role } from '@prevention/core';
import { describe, expect, it } from 'vitest';
import {
  PlanLifecycleAction,
  PlanStatus,
  availablePlanActions,
  decidePlanEdit,
  decidePlanSave,
  decidePlanTransition,
  mayReadPlan,
  type PlanState,
} from '../src/index.js';

const actor = (role: Role, overrides: Partial<Actor> = {}): Actor => ({
  userId: newId(),
  roles: [role],
  scope: { kind: 'countries', countries: ['SDN'] },
  clearance: 'restricted',
  ...overrides,
});

const state = (status: PlanStatus, overrides: Partial<PlanState> = {}): PlanState => ({
  countryCode: 'SDN',
  status,
  submittedBy: status === 'in-review' ? newId() : null,
  ...overrides,
});

/** Who may take which step from which status: the rules written out once more, by hand. */
const expected: Record<PlanLifecycleAction, { from: PlanStatus; roles: Role[]; to: PlanStatus }> = {
  submit: { from: 'draft', roles: ['country-team-lead'], to: 'in-review' },
  return: { from: 'in-review', roles: ['reviewer', 'hq-planner'], to: 'draft' },
  endorse: { from: 'in-review', roles: ['reviewer', 'hq-planner'], to: 'endorsed' },
  activate: { from: 'endorsed', roles: ['country-team-lead'], to: 'active' },
  close: { from: 'active', roles: ['country-team-lead', 'hq-planner'], to: 'closed' },
};

describe('plan lifecycle per role', () => {
  for (const action of PlanLifecycleAction.options) {
    for (const role of roles) {
      for (const status of PlanStatus.options) {
        const rule = expected[action];
        const allowed = rule.roles.includes(role) && rule.from === status;
        it(`${allowed ? 'allows' : 'refuses'} a ${role} to ${action} a plan that is ${status}`, () => {
          const verdict = decidePlanTransition(actor(role), state(status), action);
          expect(verdict.allowed).toBe(allowed);
          if (verdict.allowed) expect(verdict.to).toBe(rule.to);
          else expect(verdict.code).toBe(rule.roles.includes(role) ? 'CONFLICT' : 'FORBIDDEN');
        });
      }
    }
  }

  it('says why a step is refused', () => {
    expect(decidePlanTransition(actor('partner'), state('draft'), 'submit')).toEqual({
      allowed: false,
      code: 'FORBIDDEN',
      reason: 'Your role does not allow you to submit this plan.',
    });
    expect(decidePlanTransition(actor('reviewer'), state('draft'), 'endorse')).toEqual({
      allowed: false,
      code: 'CONFLICT',
      reason: 'A plan that is draft cannot be endorsed.',
    });
  });

  it('refuses a reviewer who endorses or returns a plan they submitted', () => {
    const both = actor('hq-planner', { roles: ['hq-planner', 'country-team-lead'] });
    for (const action of ['endorse', 'return'] as const) {
      const verdict = decidePlanTransition(
        both,
        state('in-review', { submittedBy: both.userId }),
        action,
      );
      expect(verdict).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
    }
  });

  it('refuses anyone outside the plan’s country', () => {
    const elsewhere = actor('country-team-lead', {
      scope: { kind: 'countries', countries: ['MLI'] },
    });
    expect(decidePlanTransition(elsewhere, state('draft'), 'submit').allowed).toBe(false);
    expect(decidePlanEdit(elsewhere, state('draft')).allowed).toBe(false);
    expect(mayReadPlan(elsewhere, state('active'))).toBe(false);
  });

  it('offers the steps a role may take now', () => {
    expect(availablePlanActions(actor('reviewer'), state('in-review'))).toEqual([
      'return',
      'endorse',
    ]);
    expect(availablePlanActions(actor('country-team-lead'), state('active'))).toEqual(['close']);
    expect(availablePlanActions(actor('partner'), state('in-review'))).toEqual([]);
  });
});

describe('editing and reading a plan', () => {
  for (const role of roles) {
    for (const status of PlanStatus.options) {
      const allowed = role === 'country-team-lead' && (status === 'draft' || status === 'active');
      it(`${allowed ? 'lets' : 'does not let'} a ${role} edit a plan that is ${status}`, () => {
        expect(decidePlanEdit(actor(role), state(status)).allowed).toBe(allowed);
      });
    }
  }

  it('lets partners read a plan only once it is endorsed', () => {
    const readable = PlanStatus.options.filter((status) =>
      mayReadPlan(actor('partner'), state(status)),
    );
    expect(readable).toEqual(['endorsed', 'active', 'closed']);
    expect(mayReadPlan(actor('field-officer'), state('draft'))).toBe(true);
  });

  it('says a closed plan is read-only', () => {
    expect(decidePlanEdit(actor('country-team-lead'), state('closed'))).toEqual({
      allowed: false,
      code: 'CONFLICT',
      reason: 'A closed plan is read-only.',
    });
  });
});

describe('saving a plan', () => {
  const lead = actor('country-team-lead');
  const plan = { countryCode: 'SDN', status: 'active' as const, revision: 4 };

  it('saves an edit made from the current revision', () => {
    expect(decidePlanSave(lead, plan, 4)).toEqual({ allowed: true, to: 'active' });
  });

  it('returns CONFLICT for an edit made from a stale revision', () => {
    expect(decidePlanSave(lead, plan, 3)).toEqual({
      allowed: false,
      code: 'CONFLICT',
      reason: 'The plan has changed since revision 3: it is at revision 4.',
    });
  });

  it('refuses someone who may not edit before looking at revisions', () => {
    expect(decidePlanSave(actor('reviewer'), plan, 3)).toMatchObject({ code: 'FORBIDDEN' });
  });
});
