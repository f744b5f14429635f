import { hasAnyRole, isCleared, isCountryInScope, type Actor, type Role } from '@prevention/core';
import { z } from 'zod';
import type { Alert, AlertStatus } from './alert.js';

/**
 * The steps someone takes on an alert. A responder acknowledges an open alert, responds to an
 * open or acknowledged one (a response acknowledges an alert nobody had acknowledged), closes
 * any alert not yet closed, and snoozes any alert not yet closed (its status stays).
 */
export const AlertAction = z.enum(['acknowledge', 'respond', 'close', 'snooze']);
export type AlertAction = z.infer<typeof AlertAction>;

/** Who answers alerts: the country team lead and HQ planners, in scope and cleared. */
export const alertResponderRoles: readonly Role[] = ['country-team-lead', 'hq-planner'];
/** Who writes rules: administrators and HQ planners. */
export const ruleEditorRoles: readonly Role[] = ['administrator', 'hq-planner'];

export type AlertState = Pick<Alert, 'countryCode' | 'status' | 'sensitivity'>;

export type AlertVerdict =
  | { allowed: true; to: AlertStatus }
  | { allowed: false; code: 'FORBIDDEN' | 'CONFLICT' | 'NOT_FOUND'; reason: string };

const from: Readonly<Record<AlertAction, readonly AlertStatus[]>> = {
  acknowledge: ['open'],
  respond: ['open', 'acknowledged'],
  close: ['open', 'acknowledged', 'responded'],
  snooze: ['open', 'acknowledged', 'responded'],
};

const pastTense: Readonly<Record<AlertAction, string>> = {
  acknowledge: 'acknowledged',
  respond: 'responded to',
  close: 'closed',
  snooze: 'snoozed',
};

/**
 * Whether `actor` may read an alert: its country is in their scope, they are cleared for its
 * sensitivity, and they are not only a partner (alerts are internal to the UN system).
 */
export function mayReadAlert(
  actor: Actor,
  state: Pick<Alert, 'countryCode' | 'sensitivity'>,
): boolean {
  return (
    isCountryInScope(actor.scope, state.countryCode) &&
    isCleared(actor.clearance, state.sensitivity) &&
    !actor.roles.every((role) => role === 'partner')
  );
}

/**
 * Whether `actor` may take `action` on an alert in `state`, and the status it leads to. An alert
 * the actor may not read is NOT_FOUND, never FORBIDDEN, so that a refusal does not reveal it.
 */
export function decideAlertTransition(
  actor: Actor,
  state: AlertState,
  action: AlertAction,
): AlertVerdict {
  if (!mayReadAlert(actor, state))
    return { allowed: false, code: 'NOT_FOUND', reason: 'No such alert.' };
  if (!hasAnyRole(actor, alertResponderRoles))
    return {
      allowed: false,
      code: 'FORBIDDEN',
      reason: `Your role does not allow you to ${action} an alert.`,
    };
  if (!from[action].includes(state.status))
    return {
      allowed: false,
      code: 'CONFLICT',
      reason: `An alert that is ${state.status} cannot be ${pastTense[action]}.`,
    };
  const to: AlertStatus =
    action === 'acknowledge'
      ? 'acknowledged'
      : action === 'respond'
        ? 'responded'
        : action === 'close'
          ? 'closed'
          : state.status;
  return { allowed: true, to };
}

/** The actions `actor` may take now, for a client to offer only those. */
export function availableAlertActions(actor: Actor, state: AlertState): AlertAction[] {
  return AlertAction.options.filter(
    (action) => decideAlertTransition(actor, state, action).allowed,
  );
}
