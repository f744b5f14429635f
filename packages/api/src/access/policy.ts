import {
  hasAnyRole,
  isGlobalScope,
  mayView,
  roles as allRoles,
  type Actor,
  type Role,
  type Sensitivity,
} from '@prevention/core';

/**
 * How a procedure relates to countries:
 * - `none`: it touches no country's records (reference data, one's own account);
 * - `records`: it reads or writes records of countries; its repository query is limited to the
 *   caller's countries and clearance, and a write must name a country in scope;
 * - `global`: it concerns the whole platform (users, the audit log); the caller needs a global scope.
 */
export type ScopeRule = 'none' | 'records' | 'global';

/** Who may call a procedure. Every procedure of the router has exactly one; see policies.ts. */
export type AccessPolicy =
  | { readonly access: 'public' }
  | {
      readonly access: 'signed-in';
      readonly roles: readonly Role[];
      readonly scope: ScopeRule;
      /** The lowest clearance that may call it at all. */
      readonly minClearance: Sensitivity;
    };

export const publicAccess: AccessPolicy = Object.freeze({ access: 'public' });

export function signedIn(
  roles: readonly Role[] | 'any-role',
  scope: ScopeRule,
  minClearance: Sensitivity,
): AccessPolicy {
  return Object.freeze({
    access: 'signed-in',
    roles: Object.freeze(roles === 'any-role' ? [...allRoles] : [...roles]),
    scope,
    minClearance,
  });
}

export type PolicyDecision =
  { allowed: true } | { allowed: false; reason: 'signed-out' | 'role' | 'scope' | 'clearance' };

/** Whether a caller (null when signed out) may call a procedure with this policy at all. */
export function decide(policy: AccessPolicy, actor: Actor | null): PolicyDecision {
  if (policy.access === 'public') return { allowed: true };
  if (!actor) return { allowed: false, reason: 'signed-out' };
  if (!hasAnyRole(actor, policy.roles)) return { allowed: false, reason: 'role' };
  if (policy.scope === 'global' && !isGlobalScope(actor.scope)) {
    return { allowed: false, reason: 'scope' };
  }
  if (!mayView(actor, policy.minClearance)) return { allowed: false, reason: 'clearance' };
  return { allowed: true };
}
