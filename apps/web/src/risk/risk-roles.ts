import type { Role } from '@prevention/core';

/**
 * Who reads the risk picture, as the server's policies say (packages/api/src/policies.ts:
 * `risk.overview` and `risk.area`). The server decides every call, and scopes it to the
 * reader's countries; this only chooses what the app shows.
 */
export const riskReaderRoles: Role[] = [
  'field-officer',
  'country-team-lead',
  'reviewer',
  'hq-planner',
  'partner',
  'administrator',
];
