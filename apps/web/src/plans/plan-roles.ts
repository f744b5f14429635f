import type { Role } from '@prevention/core';

/** Who reads plans (the server checks every call all the same; see the API's policies). */
export const planReaderRoles: Role[] = [
  'field-officer',
  'country-team-lead',
  'reviewer',
  'hq-planner',
  'partner',
];

/** Who reads and follows up the decision log. */
export const decisionReaderRoles: Role[] = [
  'field-officer',
  'country-team-lead',
  'reviewer',
  'hq-planner',
];

/** Who logs decisions. */
export const decisionRecorderRoles: Role[] = ['country-team-lead', 'hq-planner'];

/** Who reports progress on the actions of an active plan (the server checks the country). */
export const reporterRoles: Role[] = ['field-officer', 'country-team-lead'];
