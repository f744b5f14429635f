import { newId, sensitivityLevels, type Sensitivity } from '@prevention/core';
import { LoggedDecision, PlanContent, type PlanStatus } from '@prevention/planning';
import { describe, expect, it } from 'vitest';
import {
  findDecisionById,
  findDecisions,
  findPlanById,
  findPlanRevisionContents,
  findPlanRevisions,
  findPlans,
  findPlansWithFocalPoint,
  findProgressReports,
  insertDecision,
  insertProgressReport,
  lockCountryPlans,
  lockDecision,
  lockPlan,
  updateDecision,
  writePlanRevision,
  type DatabaseClient,
  type PlanReader,
} from '../src/index.js';
import { createTestUser, databaseKinds, useTestDatabase } from '../src/testing/index.js';

function planContent(startYear: number, focalPointId: string | null = null): PlanContent {
  const outcomeId = newId();
  return PlanContent.parse({
    title: `Prevention plan ${startYear}–${startYear + 2}`,
    cycle: { startYear: String(startYear), endYear: String(startYear + 2) },
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
    actions: [
      {
        id: newId(),
        title: 'Local peace committees',
        outcomeIds: [outcomeId],
        pillars: ['peace-security'],
        stage: 'prevention',
        leadOrganisationId: newId(),
        partners: [],
        areas: [],
        plannedStart: `${startYear}-01-01`,
        plannedEnd: `${startYear + 1}-12-31`,
        actualStart: null,
        actualEnd: null,
        status: 2,
        genderMarker: 2,
        humanRightsMarker: 1,
        riskDrivers: [],
        alertIds: [],
        requiredBudget: [{ year: String(startYear), amountUsd: '250000.50' }],
        focalPointId,
      },
    ],
    flows: [],
  });
}

interface StoredPlan {
  id: string;
  content: PlanContent;
}

async function storePlan(
  db: DatabaseClient,
  by: string,
  options: {
    countryCode?: string;
    startYear: number;
    status?: PlanStatus;
    sensitivity?: Sensitivity;
    focalPointId?: string | null;
  },
): Promise<StoredPlan> {
  const id = newId();
  const content = planContent(options.startYear, options.focalPointId ?? null);
  await db.transaction().execute((trx) =>
    writePlanRevision(
      trx,
      {
        id,
        countryCode: options.countryCode ?? 'SDN',
        status: options.status ?? 'draft',
        revision: 1,
        sensitivity: options.sensitivity ?? 'public',
        content,
        submittedBy: null,
        action: 'create',
        note: null,
        changes: 0,
        by,
        at: new Date('2026-12-01T10:00:00Z'),
      },
      true,
    ),
  );
  return { id, content };
}

const everywhere: PlanReader = {
  scope: { kind: 'global' },
  clearance: 'strictly-confidential',
  publishedOnly: false,
};

describe.each(databaseKinds())('the plan repository on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('stores a plan with its first revision and moves it on revision by revision', async () => {
    const lead = await createTestUser(database.db, { displayName: 'Team lead' });
    const reviewer = await createTestUser(database.db, { displayName: 'Reviewer' });
    const plan = await storePlan(database.db, lead.id, { startYear: 2031 });
    const found = await findPlanById(database.db, everywhere, plan.id);
    expect(found).toMatchObject({
      id: plan.id,
      countryCode: 'SDN',
      startYear: 2031,
      endYear: 2033,
      status: 'draft',
      revision: 1,
      updatedBy: { id: lead.id, name: 'Team lead' },
    });
    expect(found?.content).toEqual(plan.content);

    await database.db.transaction().execute(async (trx) => {
      const locked = await lockPlan(trx, plan.id);
      if (!locked) throw new Error('the plan is not there');
      await writePlanRevision(
        trx,
        {
          ...locked,
          status: 'in-review',
          revision: locked.revision + 1,
          submittedBy: lead.id,
          action: 'submit',
          note: 'Ready for review',
          changes: 0,
          by: reviewer.id,
          at: new Date('2026-12-02T10:00:00Z'),
        },
        false,
      );
    });
    const history = await findPlanRevisions(database.db, plan.id);
    expect(history.map((r) => [r.revision, r.action, r.status, r.author.name])).toEqual([
      [2, 'submit', 'in-review', 'Reviewer'],
      [1, 'create', 'draft', 'Team lead'],
    ]);
    const contents = await findPlanRevisionContents(database.db, plan.id, [1, 2, 3]);
    expect([...contents.keys()].sort()).toEqual([1, 2]);
    expect(contents.get(1)?.content).toEqual(plan.content);
    expect(await findPlanById(database.db, everywhere, plan.id)).toMatchObject({
      revision: 2,
      status: 'in-review',
      submittedBy: lead.id,
    });
  });

  it('refuses a second plan for the same country and cycle start', async () => {
    const lead = await createTestUser(database.db);
    await storePlan(database.db, lead.id, { countryCode: 'MLI', startYear: 2034 });
    await expect(
      storePlan(database.db, lead.id, { countryCode: 'MLI', startYear: 2034 }),
    ).rejects.toThrow();
    const cycles = await database.db.transaction().execute((trx) => lockCountryPlans(trx, 'MLI'));
    expect(cycles.filter((c) => c.startYear === 2034)).toHaveLength(1);
  });

  it("finds no plan outside the reader's countries or above their clearance", async () => {
    const lead = await createTestUser(database.db);
    const byLevel = new Map<Sensitivity, string>();
    for (const [i, level] of sensitivityLevels.entries()) {
      const plan = await storePlan(database.db, lead.id, {
        countryCode: 'SSD',
        startYear: 2040 + i * 3,
        sensitivity: level,
      });
      byLevel.set(level, plan.id);
    }
    for (const [rank, clearance] of sensitivityLevels.entries()) {
      const reader: PlanReader = {
        scope: { kind: 'countries', countries: ['SSD'] },
        clearance,
        publishedOnly: false,
      };
      const listed = await findPlans(database.db, reader, { countryCode: 'SSD' }, 100);
      expect(listed.map((p) => p.sensitivity).sort()).toEqual(
        sensitivityLevels.slice(0, rank + 1).sort(),
      );
      for (const [level, id] of byLevel) {
        const found = await findPlanById(database.db, reader, id);
        expect(found !== undefined).toBe(sensitivityLevels.indexOf(level) <= rank);
      }
    }
    const inMali: PlanReader = { ...everywhere, scope: { kind: 'countries', countries: ['MLI'] } };
    for (const id of byLevel.values())
      expect(await findPlanById(database.db, inMali, id)).toBeUndefined();
    expect(await findPlans(database.db, inMali, { countryCode: 'SSD' }, 100)).toEqual([]);
  });

  it('shows partners published plans only', async () => {
    const lead = await createTestUser(database.db);
    const draft = await storePlan(database.db, lead.id, { countryCode: 'NER', startYear: 2031 });
    const active = await storePlan(database.db, lead.id, {
      countryCode: 'NER',
      startYear: 2034,
      status: 'active',
    });
    const partner: PlanReader = { ...everywhere, publishedOnly: true };
    expect(await findPlanById(database.db, partner, draft.id)).toBeUndefined();
    expect(await findPlanById(database.db, partner, active.id)).toBeDefined();
    const listed = await findPlans(database.db, partner, { countryCode: 'NER' }, 100);
    expect(listed.map((p) => p.id)).toEqual([active.id]);
  });

  it("finds the plans whose actions a user answers for, and each plan's reports in date order", async () => {
    const lead = await createTestUser(database.db);
    const focal = await createTestUser(database.db);
    const theirs = await storePlan(database.db, lead.id, {
      countryCode: 'TCD',
      startYear: 2031,
      focalPointId: focal.id,
    });
    const other = await storePlan(database.db, lead.id, { countryCode: 'TCD', startYear: 2034 });
    const found = await findPlansWithFocalPoint(database.db, everywhere, focal.id);
    expect(found.map((p) => p.id)).toEqual([theirs.id]);

    const actionId = theirs.content.actions[0]?.id ?? '';
    for (const date of ['2031-06-30', '2031-03-31']) {
      await insertProgressReport(
        database.db,
        theirs.id,
        {
          id: newId(),
          actionId,
          date,
          authorId: focal.id,
          status: 2,
          milestonesMetPercent: 40,
          rating: 'amber',
          narrative: `Report of ${date}`,
        },
        new Date(),
      );
    }
    const reports = await findProgressReports(database.db, [theirs.id, other.id]);
    expect(reports.get(theirs.id)?.map((r) => r.date)).toEqual(['2031-03-31', '2031-06-30']);
    expect(reports.get(other.id)).toEqual([]);
  });
});

function decisionOf(overrides: Partial<LoggedDecision>): LoggedDecision {
  return LoggedDecision.parse({
    id: newId(),
    countryCode: 'SDN',
    meeting: {
      body: 'country-team',
      bodyName: 'UN Country Team Sudan',
      title: 'Monthly meeting',
      date: '2026-10-15',
    },
    text: 'Convene the donors on the land-dispute outcome.',
    kind: 'action',
    ownerId: newId(),
    dueDate: '2026-11-30',
    links: { alertIds: [], outcomeIds: [], actionIds: [] },
    followUps: [],
    ...overrides,
  });
}

describe.each(databaseKinds())('the decision log on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('keeps decisions by country and clearance, and across countries for global readers only', async () => {
    const author = await createTestUser(database.db);
    const meta = (sensitivity: Sensitivity) => ({ sensitivity, by: author.id, at: new Date() });
    const inSudan = decisionOf({ countryCode: 'SDN', ownerId: author.id });
    const confidential = decisionOf({ countryCode: 'SDN', ownerId: author.id });
    const acrossCountries = decisionOf({ countryCode: null, ownerId: author.id });
    await insertDecision(database.db, inSudan, meta('public'));
    await insertDecision(database.db, confidential, meta('confidential'));
    await insertDecision(database.db, acrossCountries, meta('public'));

    const sudanRestricted = {
      scope: { kind: 'countries' as const, countries: ['SDN'] },
      clearance: 'restricted' as const,
    };
    const seen = await findDecisions(database.db, sudanRestricted, { ownerId: author.id }, 100);
    expect(seen.map((d) => d.decision.id)).toEqual([inSudan.id]);
    expect(await findDecisionById(database.db, sudanRestricted, confidential.id)).toBeUndefined();
    expect(
      await findDecisionById(database.db, sudanRestricted, acrossCountries.id),
    ).toBeUndefined();
    const global = { scope: { kind: 'global' as const }, clearance: 'confidential' as const };
    const all = await findDecisions(database.db, global, { ownerId: author.id }, 100);
    expect(all.map((d) => d.decision.id).sort()).toEqual(
      [inSudan.id, confidential.id, acrossCountries.id].sort(),
    );
  });

  it('adds a follow-up under a lock, and "due from me" drops a completed decision', async () => {
    const owner = await createTestUser(database.db);
    const linkedAction = newId();
    const decision = decisionOf({
      ownerId: owner.id,
      links: { alertIds: [], outcomeIds: [], actionIds: [linkedAction] },
    });
    await insertDecision(database.db, decision, {
      sensitivity: 'public',
      by: owner.id,
      at: new Date(),
    });
    const reader = { scope: { kind: 'global' as const }, clearance: 'public' as const };
    const linked = await findDecisions(database.db, reader, { linkedTo: linkedAction }, 10);
    expect(linked.map((d) => d.decision.id)).toEqual([decision.id]);
    expect(await findDecisions(database.db, reader, { linkedTo: newId() }, 10)).toEqual([]);

    await database.db.transaction().execute(async (trx) => {
      const locked = await lockDecision(trx, decision.id);
      if (!locked) throw new Error('the decision is not there');
      await updateDecision(
        trx,
        {
          ...locked.decision,
          followUps: [
            { date: '2026-11-20', authorId: owner.id, text: 'Donors met.', status: 'completed' },
          ],
        },
        new Date(),
      );
    });
    const stored = await findDecisionById(database.db, reader, decision.id);
    expect(stored?.decision.followUps).toHaveLength(1);
    expect(await findDecisions(database.db, reader, { ownerId: owner.id }, 10)).toEqual([]);
  });
});
