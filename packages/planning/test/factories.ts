import type {
  CollectiveOutcome,
  FundingFlow,
  OutcomeIndicator,
  PlanAction,
  PlanContent,
} from '../src/index.js';

/** A readable, valid UUIDv7 for test data: `testId(0x101)` ends in …000000000101. */
export function testId(n: number): string {
  return `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

export const outcomeId = (n: number) => testId(0x100 + n);
export const actionId = (n: number) => testId(0x200 + n);
export const organisationId = (n: number) => testId(0x300 + n);
export const flowId = (n: number) => testId(0x400 + n);
export const userId = (n: number) => testId(0x500 + n);
export const indicatorId = (n: number) => testId(0x600 + n);

export function indicator(overrides: Partial<OutcomeIndicator> = {}): OutcomeIndicator {
  return {
    id: indicatorId(1),
    title: 'Share of disputes settled by local peace committees',
    measure: 'percentage',
    ascending: true,
    baseline: { year: '2025', value: 20, narrative: null },
    targets: [{ date: '2027-12-31', value: 50, narrative: null }],
    actuals: [],
    ...overrides,
  };
}

export function outcome(overrides: Partial<CollectiveOutcome> = {}): CollectiveOutcome {
  return {
    id: outcomeId(1),
    title: 'Communities in Darfur settle land disputes without violence',
    description: null,
    pillars: ['peace-security', 'development'],
    indicators: [],
    sdgTargets: ['16.1', '1.4'],
    riskNodes: [],
    ...overrides,
  };
}

export function action(overrides: Partial<PlanAction> = {}): PlanAction {
  return {
    id: actionId(1),
    title: 'Local peace committees',
    outcomeIds: [outcomeId(1)],
    pillars: ['peace-security'],
    stage: 'prevention',
    leadOrganisationId: organisationId(1),
    partners: [],
    areas: [],
    plannedStart: '2026-01-01',
    plannedEnd: '2027-12-31',
    actualStart: null,
    actualEnd: null,
    status: 2,
    genderMarker: 1,
    humanRightsMarker: 1,
    riskDrivers: [],
    alertIds: [],
    requiredBudget: [],
    focalPointId: null,
    ...overrides,
  };
}

export function flow(overrides: Partial<FundingFlow> = {}): FundingFlow {
  return {
    id: flowId(1),
    sourceOrganisationId: organisationId(9),
    target: { kind: 'action', actionId: actionId(1) },
    status: 'committed',
    date: '2026-02-01',
    amount: '1000',
    currency: 'USD',
    usdRate: '1',
    description: null,
    ...overrides,
  };
}

export function planContent(overrides: Partial<PlanContent> = {}): PlanContent {
  return {
    title: 'Sudan prevention plan 2026–2028',
    cycle: { startYear: '2026', endYear: '2028' },
    outcomes: [outcome()],
    actions: [action()],
    flows: [],
    ...overrides,
  };
}
