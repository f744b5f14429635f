import { newId, type Actor, type Sensitivity } from '@prevention/core';
import { insertOrganisations, type DatabaseClient } from '@prevention/db';
import { createTestUser } from '@prevention/db/testing';
import type { PlanAction, PlanContent } from '@prevention/planning';
import type { ApiDependencies } from '../src/index.js';
import { actorOf, callerFor } from './harness.js';

/** Who takes a plan through its lifecycle: a lead drafts and activates, a reviewer endorses. */
export interface PlanTeam {
  lead: Actor;
  reviewer: Actor;
  /** The organisations the plans name: one leads the actions, one funds them. */
  leadOrganisationId: string;
  funderId: string;
}

/** A team that works everywhere, cleared for everything, and two organisations of its own. */
export async function planTeam(db: DatabaseClient): Promise<PlanTeam> {
  const member = async (role: 'country-team-lead' | 'reviewer') =>
    actorOf(
      await createTestUser(db, {
        roles: [role],
        scope: { kind: 'global' },
        clearance: 'strictly-confidential',
      }),
    );
  const leadOrganisationId = newId();
  const funderId = newId();
  await insertOrganisations(db, [
    {
      id: leadOrganisationId,
      name: `UNDP ${leadOrganisationId}`,
      acronym: null,
      kind: 'un-entity',
      countryCode: null,
    },
    {
      id: funderId,
      name: `Peacebuilding Fund ${funderId}`,
      acronym: null,
      kind: 'un-entity',
      countryCode: null,
    },
  ]);
  return {
    lead: await member('country-team-lead'),
    reviewer: await member('reviewer'),
    leadOrganisationId,
    funderId,
  };
}

/**
 * A plan for the years given, with one outcome across two pillars, one action that serves it and
 * one committed flow of 250,000 USD to it.
 */
export function testPlanContent(
  team: Pick<PlanTeam, 'leadOrganisationId' | 'funderId'>,
  cycle: { startYear: number; endYear: number },
  overrides: Partial<PlanContent> = {},
): PlanContent {
  const outcomeId = newId();
  const actionId = newId();
  const action: PlanAction = {
    id: actionId,
    title: 'Local peace committees settle land disputes',
    outcomeIds: [outcomeId],
    pillars: ['peace-security', 'development'],
    stage: 'prevention',
    leadOrganisationId: team.leadOrganisationId,
    partners: [{ organisationId: team.funderId, role: 1 }],
    areas: [],
    plannedStart: `${cycle.startYear}-01-01`,
    plannedEnd: `${cycle.endYear}-12-31`,
    actualStart: null,
    actualEnd: null,
    status: 2,
    genderMarker: 2,
    humanRightsMarker: 1,
    riskDrivers: [],
    alertIds: [],
    requiredBudget: [{ year: String(cycle.startYear), amountUsd: '400000' }],
    focalPointId: null,
  };
  return {
    title: `Prevention plan ${cycle.startYear}–${cycle.endYear}`,
    cycle: { startYear: String(cycle.startYear), endYear: String(cycle.endYear) },
    outcomes: [
      {
        id: outcomeId,
        title: 'Communities settle land disputes without violence',
        description: null,
        pillars: ['peace-security', 'development'],
        indicators: [],
        sdgTargets: ['16.1'],
        riskNodes: [],
      },
    ],
    actions: [action],
    flows: [
      {
        id: newId(),
        sourceOrganisationId: team.funderId,
        target: { kind: 'action', actionId },
        status: 'committed',
        date: `${cycle.startYear}-02-01`,
        amount: '250000',
        currency: 'USD',
        usdRate: '1',
        description: null,
      },
    ],
    ...overrides,
  };
}

export type PlanStage = 'draft' | 'in-review' | 'endorsed' | 'active';

/** A plan of the country taken through the API to `stage`; its id and current revision. */
export async function planIn(
  deps: ApiDependencies,
  team: PlanTeam,
  stage: PlanStage,
  options: {
    countryCode?: string;
    sensitivity?: Sensitivity;
    cycle: { startYear: number; endYear: number };
  },
): Promise<{ id: string; revision: number; content: PlanContent }> {
  const lead = callerFor(deps, team.lead).plans;
  const reviewer = callerFor(deps, team.reviewer).plans;
  const content = testPlanContent(team, options.cycle);
  let plan = await lead.create({
    countryCode: options.countryCode ?? 'SDN',
    sensitivity: options.sensitivity ?? 'restricted',
    content,
  });
  const steps: [PlanStage, () => ReturnType<typeof lead.transition>][] = [
    [
      'in-review',
      () => lead.transition({ id: plan.id, action: 'submit', revision: plan.revision }),
    ],
    [
      'endorsed',
      () => reviewer.transition({ id: plan.id, action: 'endorse', revision: plan.revision }),
    ],
    ['active', () => lead.transition({ id: plan.id, action: 'activate', revision: plan.revision })],
  ];
  for (const [reached, step] of steps) {
    if (plan.status === stage) break;
    plan = await step();
    if (plan.status !== reached) throw new Error(`the plan is ${plan.status}, not ${reached}`);
  }
  return { id: plan.id, revision: plan.revision, content: plan.content };
}
