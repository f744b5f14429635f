import type { Role } from '@prevention/core';

/**
 * Who reads alerts: everyone in scope and cleared but partners (the early-warning package's
 * `mayReadAlert`). The server decides every call; this only chooses what the app shows.
 */
export const alertReaderRoles: Role[] = [
  'field-officer',
  'country-team-lead',
  'reviewer',
  'hq-planner',
  'administrator',
];

/** Who saves alert rules (the package's `ruleEditorRoles`). */
export const ruleEditorRoles: Role[] = ['administrator', 'hq-planner'];
