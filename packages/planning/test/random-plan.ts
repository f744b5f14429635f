import fc from 'fast-check';
import { FlowStatus, formatUsd, type PlanContent } from '../src/index.js';
import { action, actionId, flow, flowId, organisationId, outcome, outcomeId } from './factories.js';

/** `npm run test:deep` sets PROPERTY_RUNS_SCALE to try many more cases than a default run. */
export const propertyRunsScale = Number(process.env.PROPERTY_RUNS_SCALE ?? 1);

const pillarIds = ['peace-security', 'development', 'human-rights', 'humanitarian'];
const cents = fc.integer({ min: 0, max: 10 ** 10 });
const rate = fc.constantFrom('1', '1.1', '0.0017', '1.0837', '0.000123', '250.5');

/** Random valid plans: a few outcomes, actions serving some of them, flows to either. */
export const randomPlan: fc.Arbitrary<PlanContent> = fc
  .record({
    outcomePillars: fc.array(fc.subarray(pillarIds, { minLength: 2 }), {
      minLength: 1,
      maxLength: 5,
    }),
    actions: fc.array(
      fc.record({
        outcomes: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        pillars: fc.subarray(pillarIds, { minLength: 1 }),
        required: fc.array(cents, { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    flows: fc.array(
      fc.record({
        toAction: fc.boolean(),
        target: fc.nat(),
        status: fc.constantFrom(...FlowStatus.options),
        amount: cents,
        rate,
        source: fc.integer({ min: 1, max: 5 }),
      }),
      { maxLength: 20 },
    ),
  })
  .map(({ outcomePillars, actions, flows }) => {
    const outcomes = outcomePillars.map((pillars, i) => outcome({ id: outcomeId(i), pillars }));
    const pickOutcome = (n: number) => outcomeId(n % outcomes.length);
    return {
      title: 'Random plan',
      cycle: { startYear: '2026', endYear: '2028' },
      outcomes,
      actions: actions.map((a, i) =>
        action({
          id: actionId(i),
          outcomeIds: [...new Set(a.outcomes.map(pickOutcome))],
          pillars: a.pillars,
          requiredBudget: a.required.map((c, y) => ({
            year: String(2026 + y),
            amountUsd: formatUsd(c),
          })),
        }),
      ),
      flows: flows.map((f, i) =>
        flow({
          id: flowId(i),
          sourceOrganisationId: organisationId(f.source),
          target: f.toAction
            ? { kind: 'action', actionId: actionId(f.target % actions.length) }
            : { kind: 'outcome', outcomeId: pickOutcome(f.target) },
          status: f.status,
          amount: formatUsd(f.amount),
          currency: f.rate === '1' ? 'USD' : 'EUR',
          usdRate: f.rate,
        }),
      ),
    };
  });
