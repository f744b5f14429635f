import { isAppError, type Actor, type Role, type Sensitivity } from '@prevention/core';
import { findAuditEntries } from '@prevention/db';
import { createTestUser, databaseKinds, useTestDatabase } from '@prevention/db/testing';
import { planCsvColumns } from '@prevention/planning';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPlan, type ImportContext, type PlanExportRequest } from '../src/index.js';
import { actorOf, testDependencies, testSecurity } from './harness.js';
import { planIn, planTeam, type PlanTeam } from './plan-fixtures.js';

const reportingOrg = { ref: 'XM-DAC-41114', type: '40', name: 'UN Country Team' } as const;

const codeOf = async (call: Promise<unknown>) => {
  try {
    await call;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  return 'OK';
};

/** A plan as IATI XML or CSV, read as `plans.byId` reads it, and audited. */
describe.each(databaseKinds())('plan exports on %s', (kind) => {
  const database = useTestDatabase(kind);
  const deps = () => testDependencies(database.db, kind);
  const ctx = (): ImportContext => ({
    db: database.db,
    now: () => new Date('2026-12-02T10:00:00Z'),
    requestId: 'test',
    security: testSecurity,
  });
  const text = async (actor: Actor, request: PlanExportRequest) =>
    [...(await exportPlan(ctx(), actor, request)).chunks].join('');
  const member = async (
    roles: Role[],
    countries: string[],
    clearance: Sensitivity = 'confidential',
  ) =>
    actorOf(
      await createTestUser(database.db, {
        roles,
        scope: { kind: 'countries', countries },
        clearance,
      }),
    );

  let team: PlanTeam;
  let sudan: { id: string };
  beforeAll(async () => {
    team = await planTeam(database.db);
    sudan = await planIn(deps(), team, 'active', {
      cycle: { startYear: 2026, endYear: 2028 },
      sensitivity: 'restricted',
    });
  });

  it('writes the plan as IATI XML and as CSV, named after its country and cycle', async () => {
    const planner = await member(['hq-planner'], ['SDN']);
    const iati = await exportPlan(ctx(), planner, {
      plan: { planId: sudan.id },
      format: 'iati',
      reportingOrg,
    });
    expect(iati).toMatchObject({
      planId: sudan.id,
      fileName: 'plan-SDN-2026-2028.iati.xml',
      contentType: 'application/xml; charset=utf-8',
    });
    const xml = [...iati.chunks].join('');
    expect(xml).toContain('<iati-activities version="2.03" generated-datetime="2026-12-02T10:00');
    expect(xml).toContain(`<iati-identifier>XM-DAC-41114-${sudan.id}</iati-identifier>`);
    // The lead organisation, a UN entity, by its name and as multilateral.
    expect(xml).toMatch(/<participating-org type="40" role="2">\s*<narrative>UNDP /);
    expect(xml).toContain('<value currency="USD" value-date="2026-02-01">250000.00</value>');

    const csv = await exportPlan(ctx(), planner, { plan: { planId: sudan.id }, format: 'csv' });
    expect(csv.fileName).toBe('plan-SDN-2026-2028.csv');
    const lines = [...csv.chunks];
    expect(lines[0]).toBe(`${planCsvColumns.join(',')}\r\n`);
    expect(lines[1]).toContain(',UNDP ');
  });

  it('does not find a plan the caller may not read, exactly as a missing one', async () => {
    const outOfScope = await member(['hq-planner'], ['MLI']);
    const belowClearance = await member(['hq-planner'], ['SDN'], 'public');
    const partner = await member(['partner'], ['SDN'], 'restricted');
    const administrator = await member(['administrator'], ['SDN'], 'restricted');
    const draft = await planIn(deps(), team, 'draft', {
      cycle: { startYear: 2029, endYear: 2030 },
    });
    const missing = '01932b6e-8f3a-7c00-8000-00000000dead';
    const request = (planId: string) => ({ plan: { planId }, format: 'csv' as const });
    expect(await codeOf(exportPlan(ctx(), outOfScope, request(sudan.id)))).toBe('NOT_FOUND');
    expect(await codeOf(exportPlan(ctx(), belowClearance, request(sudan.id)))).toBe('NOT_FOUND');
    expect(await codeOf(exportPlan(ctx(), outOfScope, request(missing)))).toBe('NOT_FOUND');
    // A partner reads published plans only; so does an administrator, who is not a plan reader.
    expect(await codeOf(exportPlan(ctx(), partner, request(sudan.id)))).toBe('OK');
    expect(await codeOf(exportPlan(ctx(), partner, request(draft.id)))).toBe('NOT_FOUND');
    expect(await codeOf(exportPlan(ctx(), administrator, request(draft.id)))).toBe('NOT_FOUND');
    const audit = await findAuditEntries(
      database.db,
      { actorUserId: outOfScope.userId },
      { limit: 5 },
    );
    expect(audit.entries).toEqual([]);
  });

  it('takes a country’s active plan, else its newest', async () => {
    const planner = await member(['hq-planner'], ['SSD', 'MLI']);
    const active = await planIn(deps(), team, 'active', {
      countryCode: 'SSD',
      cycle: { startYear: 2026, endYear: 2027 },
    });
    await planIn(deps(), team, 'draft', {
      countryCode: 'SSD',
      cycle: { startYear: 2028, endYear: 2029 },
    });
    const older = await planIn(deps(), team, 'endorsed', {
      countryCode: 'MLI',
      cycle: { startYear: 2026, endYear: 2027 },
    });
    const newest = await planIn(deps(), team, 'draft', {
      countryCode: 'MLI',
      cycle: { startYear: 2028, endYear: 2029 },
    });
    const chosen = async (actor: Actor, countryCode: string) =>
      (await exportPlan(ctx(), actor, { plan: { countryCode }, format: 'csv' })).planId;
    expect(await chosen(planner, 'SSD')).toBe(active.id);
    expect(await chosen(planner, 'MLI')).toBe(newest.id);
    // A partner does not see the draft: the newest they may read is the endorsed one.
    expect(await chosen(await member(['partner'], ['MLI'], 'restricted'), 'MLI')).toBe(older.id);
    // A plan named by id and by a country is found only when it is that country's.
    const named = { planId: older.id, countryCode: 'MLI' };
    expect(await codeOf(exportPlan(ctx(), planner, { plan: named, format: 'csv' }))).toBe('OK');
    const elsewhere = { planId: older.id, countryCode: 'SSD' };
    expect(await codeOf(exportPlan(ctx(), planner, { plan: elsewhere, format: 'csv' }))).toBe(
      'NOT_FOUND',
    );
    await expect(
      exportPlan(ctx(), planner, { plan: { countryCode: 'NER' }, format: 'csv' }),
    ).rejects.toThrow('NER has no plan that you may read.');
  });

  it('audits the export, with its format and revision, before the first byte', async () => {
    const lead = await member(['country-team-lead'], ['SDN']);
    const exported = await exportPlan(ctx(), lead, {
      plan: { planId: sudan.id },
      format: 'iati',
      reportingOrg,
    });
    const audit = await findAuditEntries(database.db, { actorUserId: lead.userId }, { limit: 5 });
    expect(audit.entries).toMatchObject([
      {
        action: 'export.plan',
        resourceType: 'plan',
        resourceId: sudan.id,
        changes: [
          { field: 'format', before: null, after: 'iati' },
          { field: 'revision', before: null, after: 4 },
        ],
      },
    ]);
    expect([...exported.chunks].length).toBeGreaterThan(3);
  });

  it('refuses an IATI export when the host names no reporting organisation', async () => {
    const planner = await member(['hq-planner'], ['SDN']);
    await expect(
      text(planner, { plan: { planId: sudan.id }, format: 'iati' }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    const audit = await findAuditEntries(
      database.db,
      { actorUserId: planner.userId },
      { limit: 5 },
    );
    expect(audit.entries).toEqual([]);
  });
});
