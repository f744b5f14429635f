import type { Actor, Role } from '@prevention/core';
import type { RecordReader } from '@prevention/db';

/**
 * Who reads alerts: a country's staff, HQ and administrators, within their countries and
 * clearance. A partner alone does not: an alert is an internal warning, not a published record.
 */
export const alertReaders: readonly Role[] = [
  'field-officer',
  'country-team-lead',
  'reviewer',
  'hq-planner',
  'administrator',
];

/** The reader the alert repositories filter by in SQL: the actor's countries and clearance. */
export function alertReaderFor(actor: Actor): RecordReader {
  return { scope: actor.scope, clearance: actor.clearance };
}
