import { describe, expect, it } from 'vitest';
import { PlanContent, computePlanFinancing, type MoneyTotals } from '../src/index.js';
import { actionId, outcomeId } from './factories.js';
import { handMadePlan } from './hand-made-plan.js';

/** Totals from the four sums, gaps derived: required − committed, required − disbursed. */
const totals = (required: number, pledged: number, committed: number, disbursed: number) =>
  ({
    requiredUsd: required,
    pledgedUsd: pledged,
    committedUsd: committed,
    disbursedUsd: disbursed,
    gapCommittedUsd: required - committed,
    gapDisbursedUsd: required - disbursed,
  }) satisfies MoneyTotals;

// In US cents. Flows converted once, half up:
//   F1 60,000 USD              → 6,000,000
//   F2 40,000 EUR × 1.1        → 4,400,000 (disbursed: also committed)
//   F3 500,000 USD pledged     → 50,000,000 (shown as pledged, counted nowhere else)
//   F4 12,345.67 EUR × 1.0837  → 1,234,567 × 1.0837 = 1,337,900.2579 → 1,337,900
//   F5 9,999.99 USD to O2      → 999,999
// Requirements: A1 15,000,000; A2 20,000,001; A3 3,000,000.
describe('financing of the hand-made plan', () => {
  const financing = computePlanFinancing(PlanContent.parse(handMadePlan));

  it('totals and gaps per action', () => {
    // A1: committed F1 + F2 = 10,400,000; disbursed F2 = 4,400,000.
    expect(financing.byAction[actionId(1)]).toEqual(totals(15_000_000, 0, 10_400_000, 4_400_000));
    // A2: pledged F3 50,000,000 only shown; committed F4 1,337,900.
    expect(financing.byAction[actionId(2)]).toEqual(totals(20_000_001, 50_000_000, 1_337_900, 0));
    expect(financing.byAction[actionId(3)]).toEqual(totals(3_000_000, 0, 0, 0));
    // F5 went to O2 directly: it is in no action's totals, and is accounted for here.
    expect(financing.outcomeLevel).toEqual(totals(0, 0, 999_999, 0));
  });

  it('totals and gaps per outcome, an action serving two outcomes split in equal shares', () => {
    // A2's 20,000,001 splits 10,000,001 (O1, the earlier id) + 10,000,000 (O2);
    // F3's 50,000,000 pledged 25,000,000 each; F4's 1,337,900 → 668,950 each.
    // O1 = A1 + ½A2: required 15,000,000 + 10,000,001; committed 10,400,000 + 668,950.
    expect(financing.byOutcome[outcomeId(1)]).toEqual(
      totals(25_000_001, 25_000_000, 11_068_950, 4_400_000),
    );
    // O2 = ½A2 + A3 + F5: required 10,000,000 + 3,000,000; committed 668,950 + 999,999.
    expect(financing.byOutcome[outcomeId(2)]).toEqual(totals(13_000_000, 25_000_000, 1_668_949, 0));
  });

  it('totals and gaps per pillar', () => {
    // peace-security = A1.
    expect(financing.byPillar['peace-security']).toEqual(
      totals(15_000_000, 0, 10_400_000, 4_400_000),
    );
    // development = ½A2 (the odd cent: "development" sorts first) + ½F5 (500,000).
    expect(financing.byPillar['development']).toEqual(
      totals(10_000_001, 25_000_000, 668_950 + 500_000, 0),
    );
    // human-rights = ½A2 + A3 + ½F5 (499,999).
    expect(financing.byPillar['human-rights']).toEqual(
      totals(10_000_000 + 3_000_000, 25_000_000, 668_950 + 499_999, 0),
    );
  });

  it('totals and gaps for the plan', () => {
    // required 15,000,000 + 20,000,001 + 3,000,000; committed F1 + F2 + F4 + F5.
    expect(financing.plan).toEqual(
      totals(38_000_001, 50_000_000, 6_000_000 + 4_400_000 + 1_337_900 + 999_999, 4_400_000),
    );
    expect(financing.plan.gapCommittedUsd).toBe(25_262_102);
    expect(financing.plan.gapDisbursedUsd).toBe(33_600_001);
  });

  it('never counts a pledge as committed or disbursed', () => {
    const onlyPledge = computePlanFinancing({
      ...handMadePlan,
      flows: handMadePlan.flows.filter((f) => f.status === 'pledged'),
    });
    expect(onlyPledge.plan).toEqual(totals(38_000_001, 50_000_000, 0, 0));
  });

  it('exposes how each flow was apportioned', () => {
    const f4 = financing.apportionments.find(
      (a) => a.source.kind === 'flow' && a.usd === 1_337_900,
    );
    expect(f4).toEqual({
      source: { kind: 'flow', flowId: expect.any(String) },
      usd: 1_337_900,
      countedIn: ['committedUsd'],
      actionId: actionId(2),
      outcomes: [
        { id: outcomeId(1), usd: 668_950 },
        { id: outcomeId(2), usd: 668_950 },
      ],
      pillars: [
        { id: 'development', usd: 668_950 },
        { id: 'human-rights', usd: 668_950 },
      ],
    });
  });

  it('shows actions and outcomes without money with zero totals', () => {
    const empty = computePlanFinancing({ ...handMadePlan, flows: [] });
    expect(empty.byOutcome[outcomeId(2)]?.committedUsd).toBe(0);
    expect(Object.keys(empty.byAction)).toHaveLength(3);
  });
});
