import type { Role } from '@prevention/core';

/**
 * Who brings data in from files and who takes it out, as the server's policies say
 * (packages/api/src/policies.ts: the `imports` procedures, `PUT /api/imports/upload` and
 * `GET /api/exports`). The server decides every call; these only choose what the app shows.
 */
export const importerRoles: Role[] = ['hq-planner', 'country-team-lead', 'administrator'];
export const exporterRoles: Role[] = [
  'field-officer',
  'country-team-lead',
  'reviewer',
  'hq-planner',
  'partner',
];
