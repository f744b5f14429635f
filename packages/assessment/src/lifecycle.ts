import { hasAnyRole, isCountryInScope, type Actor, type Role } from '@prevention/core';
import { z } from 'zod';

/**
 * The lifecycle of a joint assessment: drafted by the field team, submitted for review,
 * returned with comments or endorsed by a reviewer, published by the country team lead. A
 * published assessment is read-only; reopening it starts a new draft revision from it.
 */
export const AssessmentStatus = z.enum(['draft', 'submitted', 'returned', 'endorsed', 'published']);
export type AssessmentStatus = z.infer<typeof AssessmentStatus>;

export const LifecycleAction = z.enum(['submit', 'return', 'endorse', 'publish', 'reopen']);
export type LifecycleAction = z.infer<typeof LifecycleAction>;

/** What a revision did: created the assessment, saved content, or took a lifecycle step. */
export const RevisionAction = z.enum([
  'create',
  'save',
  'resolve-conflict',
  ...LifecycleAction.options,
]);
export type RevisionAction = z.infer<typeof RevisionAction>;

interface Step {
  from: readonly AssessmentStatus[];
  to: AssessmentStatus;
  roles: readonly Role[];
}

const authors: readonly Role[] = ['field-officer', 'country-team-lead'];

export const lifecycleSteps: Readonly<Record<LifecycleAction, Step>> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: authors },
  return: { from: ['submitted'], to: 'returned', roles: ['reviewer'] },
  endorse: { from: ['submitted'], to: 'endorsed', roles: ['reviewer'] },
  publish: { from: ['endorsed'], to: 'published', roles: ['country-team-lead', 'hq-planner'] },
  reopen: { from: ['published'], to: 'draft', roles: ['country-team-lead'] },
};

/** Who may change an assessment's content, and in which states content can change. */
export const editorRoles: readonly Role[] = authors;
export const editableStatuses: readonly AssessmentStatus[] = ['draft', 'returned'];

export interface AssessmentState {
  countryCode: string;
  status: AssessmentStatus;
  /** Who submitted the revision under review: a reviewer may not endorse their own submission. */
  submittedBy: string | null;
}

export type Decision =
  | { allowed: true; to: AssessmentStatus }
  | { allowed: false; code: 'FORBIDDEN' | 'CONFLICT'; reason: string };

/** Whether `actor` may take `action` on an assessment in `state`, and where it leads. */
export function decideTransition(
  actor: Actor,
  state: AssessmentState,
  action: LifecycleAction,
): Decision {
  const step = lifecycleSteps[action];
  if (!isCountryInScope(actor.scope, state.countryCode) || !hasAnyRole(actor, step.roles)) {
    return {
      allowed: false,
      code: 'FORBIDDEN',
      reason: `Your role does not allow you to ${action} this assessment.`,
    };
  }
  if (!step.from.includes(state.status)) {
    return {
      allowed: false,
      code: 'CONFLICT',
      reason: `An assessment that is ${state.status} cannot be ${pastTense[action]}.`,
    };
  }
  if ((action === 'endorse' || action === 'return') && state.submittedBy === actor.userId) {
    return {
      allowed: false,
      code: 'FORBIDDEN',
      reason: 'A reviewer does not review their own submission.',
    };
  }
  return { allowed: true, to: step.to };
}

/** Whether `actor` may change the content of an assessment in `state`. */
export function decideEdit(
  actor: Actor,
  state: Pick<AssessmentState, 'countryCode' | 'status'>,
): Decision {
  if (!isCountryInScope(actor.scope, state.countryCode) || !hasAnyRole(actor, editorRoles)) {
    return {
      allowed: false,
      code: 'FORBIDDEN',
      reason: 'Your role does not allow you to edit this assessment.',
    };
  }
  if (!editableStatuses.includes(state.status)) {
    return {
      allowed: false,
      code: 'CONFLICT',
      reason:
        state.status === 'published'
          ? 'A published assessment is read-only; reopen it to start a new revision.'
          : `An assessment that is ${state.status} cannot be edited until it is returned.`,
    };
  }
  return { allowed: true, to: state.status };
}

/** The actions `actor` may take now, for a client to offer only those. */
export function availableActions(actor: Actor, state: AssessmentState): LifecycleAction[] {
  return LifecycleAction.options.filter((action) => decideTransition(actor, state, action).allowed);
}

const pastTense: Record<LifecycleAction, string> = {
  submit: 'submitted',
  return: 'returned',
  endorse: 'endorsed',
  publish: 'published',
  reopen: 'reopened',
};
