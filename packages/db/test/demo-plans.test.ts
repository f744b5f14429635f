import {
  OrganisationKind,
  newId,
  nodesOf,
  parseSignal,
  type Organisation,
  type Role,
  type Sensitivity,
} from '@prevention/core';
import {
  PlanContent,
  ProgressReport,
  LoggedDecision,
  computePlanFinancing,
  isOverdue,
  lateActions,
  planLifecycleSteps,
  stageOrder,
  unaddressedRiskDrivers,
  unfundedOutcomes,
  womenInMediationOverTime,
  type PlanLifecycleAction,
} from '@prevention/planning';
import { platformPillars, preventionRiskModel } from '@prevention/risk';
import { describe, expect, it } from 'vitest';
import {
  demoPlansAsOf,
  findAuditEntries,
  findDecisions,
  findOrganisations,
  findPlanById,
  findPlanRevisions,
  findPlans,
  findProgressReports,
  findSignals,
  generateDemoData,
  generateDemoPlans,
  loadDemoData,
  loadDemoPlans,
  lockCountryPlans,
  verifyAuditChain,
  writePlanRevision,
  type DatabaseClient,
  type DemoPeople,
  type DemoPlan,
} from '../src/index.js';
import { createTestUser, databaseKinds, useTestDatabase } from '../src/testing/index.js';

const people: DemoPeople = {
  'country-team-lead': newId(Date.UTC(2026, 0, 1)),
  reviewer: newId(Date.UTC(2026, 0, 2)),
  'hq-planner': newId(Date.UTC(2026, 0, 3)),
  'field-officer': newId(Date.UTC(2026, 0, 4)),
};
const data = generateDemoData();
const demo = generateDemoPlans(data, people);
const current = (plan: DemoPlan): PlanContent => {
  const last = plan.revisions.at(-1);
  if (!last) throw new Error(`The ${plan.countryCode} plan has no revision`);
  return last.content;
};
const planOf = (countryCode: string): DemoPlan => {
  const plan = demo.plans.find((p) => p.countryCode === countryCode);
  if (!plan) throw new Error(`No demo plan for ${countryCode}`);
  return plan;
};
const organisationById = new Map(data.organisations.map((o) => [o.id, o]));
const kindOf = (id: string): Organisation['kind'] | undefined => organisationById.get(id)?.kind;
const modelNodes = new Set(nodesOf(preventionRiskModel.root).map((node) => node.id));

describe('the demo plans', () => {
  it('are the same for the same seed and people, and differ for another seed', () => {
    expect(generateDemoPlans(data, people)).toEqual(demo);
    const other = generateDemoPlans(generateDemoData(8), people);
    expect(other.plans.map((p) => p.id)).not.toEqual(demo.plans.map((p) => p.id));
  });

  it('give each demo country one plan, whose every revision passes PlanContent', () => {
    expect(demo.plans.map((p) => p.countryCode).sort()).toEqual(['MLI', 'SDN', 'SSD']);
    for (const plan of demo.plans) {
      expect(plan.revisions.map((r) => r.revision)).toEqual(plan.revisions.map((_, i) => i + 1));
      for (const revision of plan.revisions) {
        expect(PlanContent.safeParse(revision.content).success, plan.countryCode).toBe(true);
        expect(revision.id).toBe(plan.id);
      }
      const { cycle, outcomes, actions, title } = current(plan);
      const years = Number(cycle.endYear) - Number(cycle.startYear) + 1;
      expect(years).toBeGreaterThanOrEqual(3);
      expect(years).toBeLessThanOrEqual(5);
      expect(Number(cycle.startYear)).toBeGreaterThanOrEqual(2025);
      expect(title).toMatch(/^Joint Prevention Plan for /);
      expect(outcomes.length).toBeGreaterThanOrEqual(3);
      expect(outcomes.length).toBeLessThanOrEqual(5);
      expect(actions.length).toBeGreaterThanOrEqual(8);
      expect(actions.length).toBeLessThanOrEqual(15);
    }
    expect(planOf('SDN').revisions.at(-1)?.status).toBe('active');
    expect(planOf('MLI').revisions.at(-1)?.status).toBe('active');
    expect(['in-review', 'endorsed']).toContain(planOf('SSD').revisions.at(-1)?.status);
  });

  it('take each lifecycle step by a role that may take it, never endorsed by its submitter', () => {
    const roleOf = new Map(Object.entries(people).map(([role, id]) => [id, role as Role]));
    for (const plan of demo.plans) {
      const [created, ...steps] = plan.revisions;
      expect(created).toMatchObject({ action: 'create', status: 'draft', submittedBy: null });
      let previous = created;
      for (const revision of steps) {
        if (revision.action === 'save') {
          expect(revision.status).toBe(previous?.status);
          expect(revision.changes).toBeGreaterThan(0);
        } else {
          const step = planLifecycleSteps[revision.action as PlanLifecycleAction];
          expect(previous?.status).toBe(step.from);
          expect(revision.status).toBe(step.to);
          expect(step.roles).toContain(roleOf.get(revision.by));
          expect(revision.content).toEqual(previous?.content);
        }
        if (revision.action === 'submit') expect(revision.submittedBy).toBe(revision.by);
        if (revision.action === 'endorse') expect(revision.by).not.toBe(revision.submittedBy);
        previous = revision;
      }
      expect(previous?.submittedBy).toBe(people['country-team-lead']);
    }
  });

  it('have money pledged, committed and disbursed in several currencies, some given to outcomes', () => {
    for (const plan of demo.plans) {
      const { flows } = current(plan);
      expect(new Set(flows.map((f) => f.status))).toEqual(
        new Set(['pledged', 'committed', 'disbursed']),
      );
      expect(new Set(flows.map((f) => f.currency)).size).toBeGreaterThanOrEqual(4);
      expect(flows.some((f) => f.target.kind === 'outcome')).toBe(true);
    }
  });

  it('leave a positive funding gap, an underfunded outcome and unfunded actions in every plan', () => {
    for (const plan of demo.plans) {
      const financing = computePlanFinancing(current(plan));
      expect(financing.plan.gapCommittedUsd, plan.countryCode).toBeGreaterThan(0);
      expect(financing.plan.gapDisbursedUsd).toBeGreaterThan(financing.plan.gapCommittedUsd);
      expect(financing.plan.pledgedUsd).toBeGreaterThan(0);
      expect(unfundedOutcomes(financing).length, plan.countryCode).toBeGreaterThanOrEqual(1);
      const unfunded = Object.values(financing.byAction).filter(
        (totals) => totals.requiredUsd > 0 && totals.committedUsd === 0,
      );
      expect(unfunded.length, plan.countryCode).toBeGreaterThanOrEqual(1);
    }
  });

  it('have actions led by every kind of organisation, in every plan the five the plan joins up', () => {
    const leads = demo.plans.map(
      (plan) => new Set(current(plan).actions.map((a) => kindOf(a.leadOrganisationId))),
    );
    for (const kinds of leads)
      for (const kind of [
        'un-entity',
        'government',
        'international-financial-institution',
        'regional-organisation',
        'civil-society',
      ] as const)
        expect(kinds).toContain(kind);
    const everyLead = new Set(leads.flatMap((kinds) => [...kinds]));
    expect([...everyLead].sort()).toEqual([...OrganisationKind.options].sort());
  });

  it('name known organisations, the demo’s P-codes, IATI roles and real markers', () => {
    const stagesUsed = new Set<string>();
    for (const plan of demo.plans) {
      const content = current(plan);
      const pcodes = new Set(
        data.subnationalAreas.filter((a) => a.parentCode === plan.countryCode).map((a) => a.code),
      );
      for (const action of content.actions) {
        expect(kindOf(action.leadOrganisationId)).toBeDefined();
        for (const partner of action.partners) {
          expect(kindOf(partner.organisationId)).toBeDefined();
          expect([1, 2, 3, 4]).toContain(partner.role);
        }
        for (const area of action.areas) expect(pcodes).toContain(area);
        const years = action.requiredBudget.map((b) => Number(b.year));
        expect(Math.min(...years)).toBeGreaterThanOrEqual(Number(content.cycle.startYear));
        stagesUsed.add(action.stage);
      }
      for (const flow of content.flows) expect(kindOf(flow.sourceOrganisationId)).toBeDefined();
      expect(content.actions.some((a) => a.genderMarker >= 2)).toBe(true);
      expect(content.actions.some((a) => a.humanRightsMarker === 3)).toBe(true);
      expect(new Set(content.actions.map((a) => a.status)).size).toBeGreaterThanOrEqual(2);
      expect(content.actions.some((a) => a.focalPointId !== null)).toBe(true);
      for (const outcome of content.outcomes) {
        expect(outcome.pillars.length).toBeGreaterThanOrEqual(2);
        expect(outcome.sdgTargets.length).toBeGreaterThanOrEqual(1);
        expect(outcome.indicators.length).toBeGreaterThanOrEqual(1);
      }
    }
    expect([...stagesUsed].sort()).toEqual([...stageOrder].sort());
  });

  it('name only nodes of the prevention risk model as risks and drivers', () => {
    for (const plan of demo.plans) {
      const content = current(plan);
      const named = [
        ...content.outcomes.flatMap((o) => o.riskNodes),
        ...content.actions.flatMap((a) => a.riskDrivers),
      ];
      for (const node of named) expect(modelNodes, node).toContain(node);
    }
  });

  it('leave drivers of every pillar to no action, the deliberate blind spots among them', () => {
    // Every node of the model as a driver of concern: what no active action names is left.
    const drivers = nodesOf(preventionRiskModel.root).flatMap((node) => {
      const pillar = node.id.split('.')[0] ?? '';
      return node.id.includes('.')
        ? [{ node: node.id, pillar, score: 8, trend: 'unknown' as const }]
        : [];
    });
    const blindSpots: Record<string, string[]> = {
      SDN: ['development.natural-hazard-exposure', 'human-rights.rule-of-law'],
      SSD: ['peace-security.political-violence-change', 'human-rights.nhri-paris-principles'],
      MLI: ['development.women-in-parliament', 'human-rights.accountability'],
    };
    for (const plan of demo.plans) {
      const open = unaddressedRiskDrivers(current(plan), drivers);
      expect(Object.keys(open).sort()).toEqual(['development', 'human-rights', 'peace-security']);
      const nodes = Object.values(open).flatMap((list) => list.map((d) => d.node));
      for (const node of blindSpots[plan.countryCode] ?? ['none']) expect(nodes).toContain(node);
    }
  });

  it('have late actions and indicator values reported over time', () => {
    const reasons = new Set<string>();
    for (const plan of demo.plans) {
      const content = current(plan);
      for (const report of plan.reports) {
        expect(ProgressReport.safeParse(report).success).toBe(true);
        expect(report.date <= demoPlansAsOf).toBe(true);
      }
      const late = lateActions(content, plan.reports, demoPlansAsOf);
      expect(late.length, plan.countryCode).toBeGreaterThanOrEqual(1);
      expect(late.length).toBeLessThan(content.actions.length);
      for (const action of late) for (const reason of action.reasons) reasons.add(reason);
    }
    expect([...reasons].sort()).toEqual(['end-overdue', 'no-recent-report', 'start-overdue']);
    for (const country of ['SDN', 'MLI']) {
      const plan = planOf(country);
      expect(plan.reports.length).toBeGreaterThanOrEqual(20);
      const indicators = current(plan).outcomes.flatMap((o) => o.indicators);
      expect(indicators.filter((i) => i.actuals.length >= 2).length).toBeGreaterThanOrEqual(3);
    }
    expect(planOf('SSD').reports).toEqual([]);
  });

  it('log decisions of every kind, some overdue, with follow-ups, and HQ’s across countries', () => {
    const overdue = demo.decisions.filter(({ decision }) => isOverdue(decision, demoPlansAsOf));
    for (const countryCode of ['SDN', 'SSD', 'MLI', null]) {
      const own = demo.decisions.filter((d) => d.decision.countryCode === countryCode);
      expect(own.length, String(countryCode)).toBeGreaterThanOrEqual(countryCode ? 4 : 1);
      expect(overdue.some((d) => d.decision.countryCode === countryCode)).toBe(true);
    }
    const decisions = demo.decisions.map((d) => d.decision);
    for (const decision of decisions) expect(LoggedDecision.safeParse(decision).success).toBe(true);
    expect(new Set(decisions.map((d) => d.kind))).toEqual(
      new Set(['decision', 'information', 'action']),
    );
    expect(decisions.some((d) => d.followUps.at(-1)?.status === 'completed')).toBe(true);
    const everyone = new Set(Object.values(people));
    for (const decision of decisions) {
      if (decision.ownerId !== null) expect(everyone).toContain(decision.ownerId);
      for (const f of decision.followUps) expect(everyone).toContain(f.authorId);
    }
    for (const decision of decisions.filter((d) => d.countryCode === null))
      expect(decision.ownerId).toBe(people['hq-planner']);
  });

  it('give each country a share of women in mediation that changes over several years', () => {
    const signals = demo.mediation.map((m) => m.signal);
    for (const signal of signals) {
      expect(parseSignal(platformPillars, signal)).toEqual(signal);
      expect(signal.areaCode).toMatch(/^[A-Z]{2}\d{2}$/);
    }
    const series = womenInMediationOverTime(signals);
    for (const country of ['SDN', 'SSD', 'MLI']) {
      const years = series.filter((year) => year.countryCode === country);
      expect(years.length, country).toBeGreaterThanOrEqual(3);
      expect(new Set(years.map((y) => y.negotiators)).size).toBeGreaterThanOrEqual(3);
      expect(years.some((y) => y.signatories !== null)).toBe(true);
    }
  });
});

/** The four demo users the plans name, as the API creates them (same roles, scopes, levels). */
async function createDemoPeople(db: DatabaseClient): Promise<DemoPeople> {
  const user = (id: string, roles: Role[], countries: string[] | null, clearance: Sensitivity) =>
    createTestUser(db, {
      id,
      roles,
      scope: countries ? { kind: 'countries', countries } : { kind: 'global' },
      clearance,
    });
  await user(people['country-team-lead'], ['country-team-lead'], ['SDN'], 'strictly-confidential');
  await user(people.reviewer, ['reviewer'], ['SDN', 'SSD', 'MLI'], 'confidential');
  await user(people['hq-planner'], ['hq-planner'], null, 'restricted');
  await user(people['field-officer'], ['field-officer'], ['SDN', 'SSD', 'MLI'], 'confidential');
  return people;
}

describe.each(databaseKinds())('loading the demo plans on %s', (kind) => {
  const planner = { scope: { kind: 'global' as const }, clearance: 'restricted' as const };

  describe('into a new demo database', () => {
    const database = useTestDatabase(kind);

    it('stores them once, with their revisions, reports, decisions, engagements and audit', async () => {
      const { db } = database;
      await loadDemoData(db, data);
      await createDemoPeople(db);
      const result = await loadDemoPlans(db, data, people);
      expect(result).toEqual({
        loaded: true,
        plans: 3,
        revisions: demo.plans.reduce((n, p) => n + p.revisions.length, 0),
        reports: demo.plans.reduce((n, p) => n + p.reports.length, 0),
        decisions: demo.decisions.length,
        mediation: demo.mediation.length,
        skipped: [],
      });
      expect(await loadDemoPlans(db, data, people)).toEqual({
        loaded: false,
        reason: 'already-loaded',
      });

      const headers = await findPlans(db, { ...planner, publishedOnly: false }, {}, 10);
      expect(headers.map((h) => h.countryCode).sort()).toEqual(['MLI', 'SDN', 'SSD']);
      for (const plan of demo.plans) {
        const stored = await findPlanById(db, { ...planner, publishedOnly: false }, plan.id);
        expect(stored?.content).toEqual(current(plan));
        expect(stored?.status).toBe(plan.revisions.at(-1)?.status);
        expect(await findPlanRevisions(db, plan.id)).toHaveLength(plan.revisions.length);
        const reports = (await findProgressReports(db, [plan.id])).get(plan.id) ?? [];
        expect(reports).toHaveLength(plan.reports.length);
      }
      // The partner reads Mali's public, active plan, and no other.
      const partner = {
        scope: { kind: 'countries' as const, countries: ['MLI'] },
        clearance: 'public' as const,
      };
      const published = await findPlans(db, { ...partner, publishedOnly: true }, {}, 10);
      expect(published.map((h) => h.countryCode)).toEqual(['MLI']);

      const decisions = await findDecisions(db, planner, {}, 100);
      expect(decisions).toHaveLength(demo.decisions.length);
      const followedUp = decisions.find((d) => d.decision.followUps.length > 0);
      expect(followedUp?.updatedAt.getTime()).toBeGreaterThan(followedUp?.createdAt.getTime() ?? 0);

      const officer = {
        scope: { kind: 'countries' as const, countries: ['SDN', 'SSD', 'MLI'] },
        clearance: 'confidential' as const,
      };
      const { signals } = await findSignals(
        db,
        officer,
        { kind: 'mediation-engagement' },
        { limit: 100 },
      );
      expect(signals).toHaveLength(demo.mediation.length);

      expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
      const sudan = planOf('SDN');
      const trail = await findAuditEntries(db, { resourceId: sudan.id }, { limit: 500 });
      expect(trail.entries).toHaveLength(sudan.revisions.length + sudan.reports.length);
    });
  });

  describe('into a demo database loaded before plans existed', () => {
    const database = useTestDatabase(kind);

    it('adds the funders it lacks', async () => {
      const { db } = database;
      const before = data.organisations.filter(
        (o) => o.kind !== 'private-sector' && o.acronym !== 'PBF',
      );
      await loadDemoData(db, { ...data, organisations: before });
      await createDemoPeople(db);
      expect(await loadDemoPlans(db, data, people)).toMatchObject({ loaded: true, plans: 3 });
      expect(await findOrganisations(db)).toHaveLength(data.organisations.length);
    });
  });

  describe('into a database where a country has a plan of its own', () => {
    const database = useTestDatabase(kind);

    it('keeps that plan, and leaves the country out', async () => {
      const { db } = database;
      await loadDemoData(db, data);
      await createDemoPeople(db);
      const sudan = planOf('SDN');
      const [draft] = sudan.revisions;
      if (!draft) throw new Error('no draft');
      await db.transaction().execute(async (trx) => {
        await lockCountryPlans(trx, 'SDN');
        await writePlanRevision(trx, { ...draft, id: newId(), at: new Date() }, true);
      });
      const result = await loadDemoPlans(db, data, people);
      expect(result).toMatchObject({ loaded: true, plans: 2, skipped: ['SDN'] });
      const decisions = await findDecisions(db, planner, { countryCode: 'SDN' }, 100);
      expect(decisions).toEqual([]);
    });
  });
});
