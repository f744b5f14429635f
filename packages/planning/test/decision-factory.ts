import type { LoggedDecision } from '../src/index.js';
import { testId, userId } from './factories.js';

export function decision(overrides: Partial<LoggedDecision> = {}): LoggedDecision {
  return {
    id: testId(0x900),
    countryCode: 'SDN',
    meeting: {
      body: 'country-team',
      bodyName: 'UN Country Team Sudan',
      title: 'Monthly UNCT meeting',
      date: '2026-10-15',
    },
    text: 'The resident coordinator convenes the donors on the land-dispute outcome.',
    kind: 'action',
    ownerId: userId(1),
    dueDate: '2026-11-30',
    links: { alertIds: [], outcomeIds: [], actionIds: [] },
    followUps: [],
    ...overrides,
  };
}
