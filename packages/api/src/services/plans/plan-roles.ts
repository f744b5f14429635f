import type { Role } from '@prevention/core';

/** Who records what a leadership meeting decided: the country's team lead, and HQ's planners. */
export const decisionRecorders: readonly Role[] = ['country-team-lead', 'hq-planner'];

/** Who reads the decision log, and so who may own a decision: the country's staff and HQ. */
export const decisionReaders: readonly Role[] = [
  'field-officer',
  'country-team-lead',
  'reviewer',
  'hq-planner',
];
