import { editorRoles, type AssessmentStatus } from '@prevention/assessment';
import {
  hasAnyRole,
  isCountryInScope,
  mayView,
  type Actor,
  type Sensitivity,
} from '@prevention/core';
import type { AssessmentReader } from '@prevention/db';
import { readsPublishedOnly } from '../record-readers.js';

/** The reader the repositories filter by: the actor's countries, clearance and roles. */
export function readerFor(actor: Actor): AssessmentReader {
  return {
    scope: actor.scope,
    clearance: actor.clearance,
    publishedOnly: readsPublishedOnly(actor),
  };
}

/**
 * Whether the actor may see this assessment at all: the rule the repositories apply in SQL, for
 * the rows a write has locked without a reader's filter.
 */
export function isVisibleTo(
  actor: Actor,
  assessment: { countryCode: string; sensitivity: Sensitivity; status: AssessmentStatus },
): boolean {
  return (
    isCountryInScope(actor.scope, assessment.countryCode) &&
    mayView(actor, assessment.sensitivity) &&
    (!readerFor(actor).publishedOnly || assessment.status === 'published')
  );
}

/**
 * Whether the actor writes the content of assessments in this country, whatever their status
 * now: who sees, resolves and discards the versions kept in conflicts.
 */
export function isAuthorFor(actor: Actor, countryCode: string): boolean {
  return hasAnyRole(actor, editorRoles) && isCountryInScope(actor.scope, countryCode);
}
