import type { PlanContent } from '../src/index.js';
import {
  action,
  actionId,
  flow,
  flowId,
  organisationId,
  outcome,
  outcomeId,
  planContent,
} from './factories.js';

/** Organisations of the hand-made plan. */
export const undp = organisationId(1);
export const government = organisationId(2);
export const ohchr = organisationId(3);
export const donorX = organisationId(7);
export const donorY = organisationId(8);
export const worldBank = organisationId(9);

/**
 * A small plan whose every figure is worked out by hand in the tests.
 *
 * Outcomes: O1 serves peace-security and development; O2 development and human-rights.
 * Actions:
 * - A1 → O1; peace-security; prevention; requires 100,000.00 (2026) + 50,000.00 (2027).
 * - A2 → O1 and O2; development and human-rights; peacebuilding; requires 200,000.01 (2026).
 * - A3 → O2; human-rights; prevention; requires 30,000.00 (2026), and nobody funds it.
 * Flows:
 * - F1 donor X → A1, committed, 60,000 USD.
 * - F2 donor Y → A1, disbursed, 40,000 EUR at 1.1.
 * - F3 donor X → A2, pledged, 500,000 USD.
 * - F4 World Bank → A2, committed, 12,345.67 EUR at 1.0837.
 * - F5 donor Y → O2 directly, committed, 9,999.99 USD.
 */
export const handMadePlan: PlanContent = planContent({
  outcomes: [
    outcome({ id: outcomeId(1), pillars: ['peace-security', 'development'] }),
    outcome({
      id: outcomeId(2),
      title: 'People in Blue Nile reach justice for land and property',
      pillars: ['development', 'human-rights'],
    }),
  ],
  actions: [
    action({
      id: actionId(1),
      outcomeIds: [outcomeId(1)],
      pillars: ['peace-security'],
      stage: 'prevention',
      leadOrganisationId: undp,
      requiredBudget: [
        { year: '2026', amountUsd: '100000.00' },
        { year: '2027', amountUsd: '50000' },
      ],
    }),
    action({
      id: actionId(2),
      title: 'Land registries and mobile courts',
      outcomeIds: [outcomeId(2), outcomeId(1)],
      pillars: ['human-rights', 'development'],
      stage: 'peacebuilding',
      leadOrganisationId: government,
      requiredBudget: [{ year: '2026', amountUsd: '200000.01' }],
    }),
    action({
      id: actionId(3),
      title: 'Monitoring of housing, land and property rights',
      outcomeIds: [outcomeId(2)],
      pillars: ['human-rights'],
      stage: 'prevention',
      leadOrganisationId: ohchr,
      requiredBudget: [{ year: '2026', amountUsd: '30000' }],
    }),
  ],
  flows: [
    flow({ id: flowId(1), sourceOrganisationId: donorX, amount: '60000' }),
    flow({
      id: flowId(2),
      sourceOrganisationId: donorY,
      status: 'disbursed',
      amount: '40000',
      currency: 'EUR',
      usdRate: '1.1',
    }),
    flow({
      id: flowId(3),
      sourceOrganisationId: donorX,
      target: { kind: 'action', actionId: actionId(2) },
      status: 'pledged',
      amount: '500000',
    }),
    flow({
      id: flowId(4),
      sourceOrganisationId: worldBank,
      target: { kind: 'action', actionId: actionId(2) },
      amount: '12345.67',
      currency: 'EUR',
      usdRate: '1.0837',
    }),
    flow({
      id: flowId(5),
      sourceOrganisationId: donorY,
      target: { kind: 'outcome', outcomeId: outcomeId(2) },
      amount: '9999.99',
    }),
  ],
});
