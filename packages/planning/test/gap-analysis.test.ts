import { describe, expect, it } from 'vitest';
import {
  analysePlanGaps,
  computePlanFinancing,
  continuumMatrix,
  emptyCells,
  fragmentation,
  fundingConcentration,
  genderEqualityShare,
  unaddressedRiskDrivers,
  unfundedOutcomes,
  type PlanContent,
  type ProfileRiskDriver,
} from '../src/index.js';
import { action, actionId, organisationId, outcome, outcomeId, planContent } from './factories.js';
import { donorX, donorY, handMadePlan, worldBank } from './hand-made-plan.js';

const driver = (
  node: string,
  pillar: string,
  score: number,
  trend: ProfileRiskDriver['trend'] = 'stable',
): ProfileRiskDriver => ({ node, pillar, score, trend });

/** The hand-made plan, with A1 addressing inter-communal tension and A3 (closed) displacement. */
const planWithDrivers: PlanContent = {
  ...handMadePlan,
  actions: handMadePlan.actions.map((a) =>
    a.id === actionId(1)
      ? { ...a, riskDrivers: ['ps.intercommunal-tension'] }
      : a.id === actionId(3)
        ? { ...a, status: 4, riskDrivers: ['dev.displacement'] }
        : a,
  ),
};

const profileDrivers = [
  driver('ps.intercommunal-tension', 'peace-security', 7.2),
  driver('dev.food-insecurity', 'development', 6.1),
  driver('dev.displacement', 'development', 8, 'rising'),
  driver('hr.civic-space', 'human-rights', 3, 'rising'),
  driver('ps.mediation', 'peace-security', 2, 'falling'),
];

describe('risks no action addresses', () => {
  it('finds the drivers above the threshold or rising that no active action names, by pillar', () => {
    expect(unaddressedRiskDrivers(planWithDrivers, profileDrivers)).toEqual({
      // Displacement is named only by a closed action: it is not addressed.
      development: [
        driver('dev.displacement', 'development', 8, 'rising'),
        driver('dev.food-insecurity', 'development', 6.1),
      ],
      // Low, but rising.
      'human-rights': [driver('hr.civic-space', 'human-rights', 3, 'rising')],
    });
  });

  it('no longer lists a driver once an active action names it', () => {
    const addressed = {
      ...planWithDrivers,
      actions: [
        ...planWithDrivers.actions,
        action({ id: actionId(9), status: 1, riskDrivers: ['dev.food-insecurity'] }),
      ],
    };
    expect(unaddressedRiskDrivers(addressed, profileDrivers).development).toEqual([
      driver('dev.displacement', 'development', 8, 'rising'),
    ]);
  });

  it('takes the threshold as an option', () => {
    const high = unaddressedRiskDrivers(planWithDrivers, profileDrivers, { scoreThreshold: 7 });
    expect(high.development?.map((d) => d.node)).toEqual(['dev.displacement']);
  });
});

describe('unfunded outcomes', () => {
  const financing = computePlanFinancing(handMadePlan);

  it('lists outcomes whose gap is more than half of what they require, the largest first', () => {
    // O1: gap 13,931,051 of 25,000,001 (55.7 %); O2: 11,331,051 of 13,000,000 (87.2 %).
    expect(unfundedOutcomes(financing).map((o) => [o.outcomeId, o.gapCommittedUsd])).toEqual([
      [outcomeId(1), 13_931_051],
      [outcomeId(2), 11_331_051],
    ]);
  });

  it('takes the threshold as an option', () => {
    const unfunded = unfundedOutcomes(financing, { gapShareAbove: 0.6 });
    expect(unfunded).toEqual([
      {
        outcomeId: outcomeId(2),
        requiredUsd: 13_000_000,
        committedUsd: 1_668_949,
        gapCommittedUsd: 11_331_051,
        gapShare: 11_331_051 / 13_000_000,
      },
    ]);
  });
});

describe('concentration', () => {
  it('gives each outcome its funders’ shares, the largest share and the Herfindahl index', () => {
    const [o1, o2] = fundingConcentration(handMadePlan, computePlanFinancing(handMadePlan));
    // O1: F1 donor X 6,000,000; F2 donor Y 4,400,000; half of F4 World Bank 668,950.
    const total = 6_000_000 + 4_400_000 + 668_950;
    expect(o1?.funders.map((f) => [f.organisationId, f.usd])).toEqual([
      [donorX, 6_000_000],
      [donorY, 4_400_000],
      [worldBank, 668_950],
    ]);
    expect(o1?.largestFunderShare).toBeCloseTo(6_000_000 / total, 12);
    expect(o1?.herfindahl).toBeCloseTo(
      (6_000_000 ** 2 + 4_400_000 ** 2 + 668_950 ** 2) / total ** 2,
      12,
    );
    // O2: F5 donor Y 999,999 and half of F4; the pledge F3 is not money yet.
    expect(o2?.committedUsd).toBe(999_999 + 668_950);
    expect(o2?.funders.map((f) => f.organisationId)).toEqual([donorY, worldBank]);
  });

  it('is 1 for a single funder and null without money', () => {
    const one = planContent({ flows: [] });
    expect(fundingConcentration(one, computePlanFinancing(one))[0]).toMatchObject({
      committedUsd: 0,
      largestFunderShare: null,
      herfindahl: null,
    });
  });
});

describe('fragmentation', () => {
  it('flags an outcome with many small actions by many organisations', () => {
    // One action of 1,000,000 and five of 10,000 (each under 10 % of 1,050,000) by four leads.
    const big = action({
      id: actionId(1),
      leadOrganisationId: organisationId(1),
      requiredBudget: [{ year: '2026', amountUsd: '1000000' }],
    });
    const small = [2, 3, 4, 5, 5].map((lead, i) =>
      action({
        id: actionId(10 + i),
        leadOrganisationId: organisationId(lead),
        requiredBudget: [{ year: '2026', amountUsd: '10000' }],
      }),
    );
    const [scattered] = fragmentation(planContent({ actions: [big, ...small] }));
    expect(scattered).toMatchObject({
      actions: 6,
      leadOrganisations: 5,
      smallActions: 5,
      smallActionLeads: 4,
      fragmented: true,
    });
    // Shares 1,000,000 : 10,000 : 10,000 : 10,000 : 20,000 of 1,050,000.
    const shares = [100, 1, 1, 1, 2].map((n) => n / 105);
    expect(scattered?.effectiveLeadOrganisations).toBeCloseTo(
      1 / shares.reduce((sum, s) => sum + s * s, 0),
      12,
    );
  });

  it('does not flag the hand-made plan’s outcomes', () => {
    expect(fragmentation(handMadePlan).map((o) => o.fragmented)).toEqual([false, false]);
  });
});

describe('pillars × stages', () => {
  const matrix = continuumMatrix(handMadePlan, computePlanFinancing(handMadePlan), {
    pillars: ['peace-security', 'development', 'human-rights'],
  });
  const cell = (pillar: string, stage: string) =>
    matrix.cells.find((c) => c.pillar === pillar && c.stage === stage);

  it('has a cell for every pillar and stage, empty ones included', () => {
    expect(matrix.cells).toHaveLength(3 * 5);
    expect(matrix.stages).toEqual([
      'prevention',
      'conflict-resolution',
      'peacekeeping',
      'peacebuilding',
      'sustainable-development',
    ]);
    expect(cell('peace-security', 'peacekeeping')?.actionIds).toEqual([]);
    expect(emptyCells(matrix)).toHaveLength(15 - 4);
  });

  it('puts each action in its pillars at its stage with its pillar share of the money', () => {
    expect(cell('peace-security', 'prevention')?.actionIds).toEqual([actionId(1)]);
    expect(cell('peace-security', 'prevention')?.money.committedUsd).toBe(10_400_000);
    // A2 at peacebuilding: development gets the odd cent of 20,000,001.
    expect(cell('development', 'peacebuilding')?.money).toMatchObject({
      requiredUsd: 10_000_001,
      pledgedUsd: 25_000_000,
      committedUsd: 668_950,
    });
    expect(cell('human-rights', 'prevention')?.actionIds).toEqual([actionId(3)]);
  });

  it('shows a pillar no action serves as an empty row', () => {
    const withHumanitarian = continuumMatrix(handMadePlan, computePlanFinancing(handMadePlan), {
      pillars: ['humanitarian'],
    });
    const row = withHumanitarian.cells.filter((c) => c.pillar === 'humanitarian');
    expect(row.map((c) => c.actionIds.length)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('gender equality against the 15 % commitment', () => {
  it('measures the share of actions and of committed money with a gender marker of 2 or 3', () => {
    const marked: PlanContent = {
      ...handMadePlan,
      actions: handMadePlan.actions.map((a) =>
        a.id === actionId(2) ? { ...a, genderMarker: 2 } : a,
      ),
    };
    // Committed on actions: F1 6,000,000 + F2 4,400,000 + F4 1,337,900; marked: A2's F4.
    expect(genderEqualityShare(marked, computePlanFinancing(marked))).toEqual({
      actions: { total: 3, marked: 1, share: 1 / 3 },
      money: { committedUsd: 11_737_900, markedUsd: 1_337_900, share: 1_337_900 / 11_737_900 },
      commitment: 0.15,
      meetsCommitment: false,
    });
  });
});

describe('the gap analysis of a hand-made plan', () => {
  it('finds an unaddressed driver, an unfunded outcome and an empty pillar × stage cell', () => {
    const gaps = analysePlanGaps(planWithDrivers, profileDrivers, {
      unfunded: { gapShareAbove: 0.6 },
    });
    expect(gaps.unaddressedRisks['development']?.map((d) => d.node)).toContain(
      'dev.food-insecurity',
    );
    expect(gaps.unfundedOutcomes.map((o) => o.outcomeId)).toEqual([outcomeId(2)]);
    expect(emptyCells(gaps.matrix).map((c) => `${c.pillar} × ${c.stage}`)).toContain(
      'peace-security × peacekeeping',
    );
    expect(gaps.concentration).toHaveLength(2);
    expect(gaps.genderEquality.actions.total).toBe(3);
  });

  it('reports nothing unaddressed when every concern has an active action', () => {
    const plan = planContent({
      outcomes: [outcome()],
      actions: [action({ riskDrivers: ['ps.intercommunal-tension'] })],
    });
    expect(
      analysePlanGaps(plan, [profileDrivers[0] as ProfileRiskDriver]).unaddressedRisks,
    ).toEqual({});
  });
});
