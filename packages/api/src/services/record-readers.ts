import { hasAnyRole, type Actor, type Role } from '@prevention/core';

/**
 * Roles that read a country's records in every status. A partner alone reads what has been
 * published (a published assessment, an endorsed plan) and nothing before it.
 */
const fullReaders: readonly Role[] = [
  'field-officer',
  'country-team-lead',
  'reviewer',
  'hq-planner',
];

/** Whether the actor reads only what is published: a partner who holds no other role. */
export function readsPublishedOnly(actor: Actor): boolean {
  return !hasAnyRole(actor, fullReaders);
}
