import { hasAnyRole, isCountryInScope, type Actor, type Role } from '@prevention/core';
import { z } from 'zod';
import type { Plan, PlanStatus } from './plan.js';

/**
 * The steps of a plan's lifecycle and who takes them. The country team lead drafts and submits;
 * a reviewer or an HQ planner returns the plan or endorses it (never their own submission); the
 * team lead puts an endorsed plan into effect, and the team lead or an HQ planner closes it.
 */
export const PlanLifecycleAction = z.enum(['submit', 'return', 'endorse', 'activate', 'close']);
export type PlanLifecycleAction = z.infer<typeof PlanLifecycleAction>;

interface PlanStep {
  from: PlanStatus;
  to: PlanStatus;
  roles: readonly Role[];
  /** How a refusal names the step: "cannot be <pastTense>". */
  pastTense: string;
}

const endorsers: readonly Role[] = ['reviewer', 'hq-planner'];

export const planLifecycleSteps: Readonly<Record<PlanLifecycleAction, PlanStep>> = {
  submit: { from: 'draft', to: 'in-review', roles: ['country-team-lead'], pastTense: 'submitted' },
  return: { from: 'in-review', to: 'draft', roles: endorsers, pastTense: 'returned' },
  endorse: { from: 'in-review', to: 'endorsed', roles: endorsers, pastTense: 'endorsed' },
  activate: {
    from: 'endorsed',
    to: 'active',
    roles: ['country-team-lead'],
    pastTense: 'activated',
  },
  close: {
    from: 'active',
    to: 'closed',
    roles: ['country-team-lead', 'hq-planner'],
    pastTense: 'closed',
  },
};

/**
 * Who may change a plan's content, and when: the team lead, while it is a draft or while it is
 * being carried out (an active plan is adjusted as it runs, every save a revision). A plan under
 * review or endorsed is frozen until it is returned or activated; a closed plan is read-only.
 */
export const planEditorRoles: readonly Role[] = ['country-team-lead'];
export const editablePlanStatuses: readonly PlanStatus[] = ['draft', 'active'];
/** Partners read a plan once it is endorsed. */
export const publishedPlanStatuses: readonly PlanStatus[] = ['endorsed', 'active', 'closed'];

export type PlanState = Pick<Plan, 'countryCode' | 'status' | 'submittedBy'>;

export type PlanVerdict =
  | { allowed: true; to: PlanStatus }
  | { allowed: false; code: 'FORBIDDEN' | 'CONFLICT'; reason: string };

const refuse = (code: 'FORBIDDEN' | 'CONFLICT', reason: string): PlanVerdict => ({
  allowed: false,
  code,
  reason,
});

/** Whether `actor` may take `action` on a plan in `state`, and where it leads. */
export function decidePlanTransition(
  actor: Actor,
  state: PlanState,
  action: PlanLifecycleAction,
): PlanVerdict {
  const step = planLifecycleSteps[action];
  if (!isCountryInScope(actor.scope, state.countryCode) || !hasAnyRole(actor, step.roles))
    return refuse('FORBIDDEN', `Your role does not allow you to ${action} this plan.`);
  if (state.status !== step.from)
    return refuse('CONFLICT', `A plan that is ${state.status} cannot be ${step.pastTense}.`);
  if ((action === 'endorse' || action === 'return') && state.submittedBy === actor.userId)
    return refuse('FORBIDDEN', 'Nobody reviews a plan they submitted themselves.');
  return { allowed: true, to: step.to };
}

/** Whether `actor` may change the content of a plan in `state`. */
export function decidePlanEdit(
  actor: Actor,
  state: Pick<PlanState, 'countryCode' | 'status'>,
): PlanVerdict {
  if (!isCountryInScope(actor.scope, state.countryCode) || !hasAnyRole(actor, planEditorRoles))
    return refuse('FORBIDDEN', 'Your role does not allow you to edit this plan.');
  if (!editablePlanStatuses.includes(state.status))
    return refuse(
      'CONFLICT',
      state.status === 'closed'
        ? 'A closed plan is read-only.'
        : `A plan that is ${state.status} cannot be edited until it is returned or activated.`,
    );
  return { allowed: true, to: state.status };
}

/**
 * Whether `actor` may save new content over a plan: they may edit it (`decidePlanEdit`), and
 * their edit starts from the plan's current revision. An edit against a stale revision is a
 * conflict, never a silent overwrite.
 */
export function decidePlanSave(
  actor: Actor,
  plan: Pick<Plan, 'countryCode' | 'status' | 'revision'>,
  baseRevision: number,
): PlanVerdict {
  const edit = decidePlanEdit(actor, plan);
  if (!edit.allowed || baseRevision === plan.revision) return edit;
  return refuse(
    'CONFLICT',
    `The plan has changed since revision ${baseRevision}: it is at revision ${plan.revision}.`,
  );
}

/** Whether `actor` may read a plan: anyone in its country's scope, partners once it is endorsed. */
export function mayReadPlan(
  actor: Actor,
  state: Pick<PlanState, 'countryCode' | 'status'>,
): boolean {
  if (!isCountryInScope(actor.scope, state.countryCode)) return false;
  const onlyPartner = actor.roles.every((role) => role === 'partner');
  return !onlyPartner || publishedPlanStatuses.includes(state.status);
}

/** The lifecycle actions `actor` may take now, for a client to offer only those. */
export function availablePlanActions(actor: Actor, state: PlanState): PlanLifecycleAction[] {
  return PlanLifecycleAction.options.filter(
    (action) => decidePlanTransition(actor, state, action).allowed,
  );
}
