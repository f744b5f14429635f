import { decide, httpRoutePolicies, policies } from '@prevention/api';
import { newId, roles, type Role, type Sensitivity } from '@prevention/core';
import { findAuditEntries, insertOrganisations } from '@prevention/db';
import { databaseKinds } from '@prevention/db/testing';
import { planCsvColumns, type PlanContent } from '@prevention/planning';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestServer, type ApiSession } from './test-server.js';

const route = 'GET /api/exports/plan';

/**
 * A plan of three years from `startYear`: one outcome, one action led by `lead` that needs
 * 300,000 USD, and a disbursed flow of 120,000 USD from `funder`.
 */
function planContent(lead: string, funder: string, startYear = 2026): PlanContent {
  const outcomeId = newId();
  const actionId = newId();
  return {
    title: `Sudan prevention plan ${startYear}–${startYear + 2}`,
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
        id: actionId,
        title: 'Local peace committees',
        outcomeIds: [outcomeId],
        pillars: ['peace-security'],
        stage: 'prevention',
        leadOrganisationId: lead,
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
        requiredBudget: [{ year: String(startYear), amountUsd: '300000' }],
        focalPointId: null,
      },
    ],
    flows: [
      {
        id: newId(),
        sourceOrganisationId: funder,
        target: { kind: 'action', actionId },
        status: 'disbursed',
        date: `${startYear}-03-01`,
        amount: '120000',
        currency: 'USD',
        usdRate: '1',
        description: null,
      },
    ],
  };
}

describe.each(databaseKinds())('plan downloads over HTTP on %s', (kind) => {
  const server = useTestServer(kind, {
    config: { IATI_REPORTING_ORG_REF: 'XM-DAC-41114', IATI_REPORTING_ORG_NAME: 'UN Sudan' },
  });

  const userOf = async (
    roleList: Role[],
    countries: string[] | 'global' = ['SDN'],
    clearance: Sensitivity = 'restricted',
  ) =>
    server.signIn(
      await server.createUser({
        roles: roleList,
        scope: countries === 'global' ? { kind: 'global' } : { kind: 'countries', countries },
        clearance,
      }),
    );
  /** A download as a browser link makes it: the cookie, no client header. */
  const download = (session: ApiSession, query: string) =>
    fetch(`${server.url}/api/exports/plan?${query}`, {
      headers: { cookie: session.cookie ?? '' },
    });

  let active: string;
  let draft: string;
  beforeAll(async () => {
    const undp = newId();
    const fund = newId();
    await insertOrganisations(server.database.db, [
      { id: undp, name: 'UNDP', acronym: 'UNDP', kind: 'un-entity', countryCode: null },
      {
        id: fund,
        name: 'Peacebuilding Fund',
        acronym: 'PBF',
        kind: 'un-entity',
        countryCode: null,
      },
    ]);
    const lead = await userOf(['country-team-lead']);
    const reviewer = await userOf(['reviewer']);
    let plan = await lead.client.plans.create.mutate({
      countryCode: 'SDN',
      sensitivity: 'restricted',
      content: planContent(undp, fund),
    });
    const step = async (session: ApiSession, action: 'submit' | 'endorse' | 'activate') => {
      plan = await session.client.plans.transition.mutate({
        id: plan.id,
        action,
        revision: plan.revision,
      });
    };
    await step(lead, 'submit');
    await step(reviewer, 'endorse');
    await step(lead, 'activate');
    active = plan.id;
    draft = (
      await lead.client.plans.create.mutate({
        countryCode: 'SDN',
        sensitivity: 'restricted',
        content: planContent(undp, fund, 2029),
      })
    ).id;
  });

  it('downloads the plan as IATI XML and as CSV, as attachments named after the plan', async () => {
    const planner = await userOf(['hq-planner']);
    const iati = await download(planner, `id=${active}&format=iati`);
    expect(iati.status).toBe(200);
    expect(iati.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(iati.headers.get('content-disposition')).toBe(
      'attachment; filename="plan-SDN-2026-2028.iati.xml"',
    );
    const xml = await iati.text();
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities')).toBe(true);
    expect(xml).toContain(`<iati-identifier>XM-DAC-41114-${active}</iati-identifier>`);
    expect(xml).toContain('<reporting-org ref="XM-DAC-41114" type="40">');
    // The disbursed flow is a commitment and a disbursement of the same 120,000 USD.
    expect(
      xml.match(/<value currency="USD" value-date="2026-03-01">120000.00<\/value>/g),
    ).toHaveLength(2);
    expect(xml.trimEnd().endsWith('</iati-activities>')).toBe(true);

    const csv = await download(planner, `id=${active}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="plan-SDN-2026-2028.csv"',
    );
    const [header, row] = (await csv.text()).split('\r\n');
    expect(header).toBe(planCsvColumns.join(','));
    expect(row).toContain(',UNDP,');
    expect(row).toContain(',300000.00,0.00,120000.00,120000.00,180000.00,180000.00');
  });

  it('audits each download with its format', async () => {
    const lead = await server.createUser({
      roles: ['country-team-lead'],
      scope: { kind: 'countries', countries: ['SDN'] },
      clearance: 'restricted',
    });
    const session = await server.signIn(lead);
    await (await download(session, `id=${active}`)).text();
    const { entries } = await findAuditEntries(
      server.database.db,
      { actorUserId: lead.id },
      { limit: 5 },
    );
    const exports = entries.filter((e) => e.action.startsWith('export.'));
    expect(exports.map((e) => [e.action, e.resourceId, e.changes[0]?.after])).toEqual([
      ['export.plan', active, 'iati'],
    ]);
  });

  it('answers 404 for a plan the caller may not read, exactly as for a missing one', async () => {
    const missing = await download(await userOf(['hq-planner']), `id=${newId()}`);
    expect(missing.status).toBe(404);
    const missingBody = (await missing.json()) as { error: { code: string; message: string } };
    const refused = [
      // Out of scope: a planner of Mali.
      await download(await userOf(['hq-planner'], ['MLI']), `id=${active}`),
      // Below the plan's clearance.
      await download(await userOf(['hq-planner'], ['SDN'], 'public'), `id=${active}`),
      // A partner, before the plan is published.
      await download(await userOf(['partner']), `id=${draft}`),
    ];
    for (const response of refused) {
      expect(response.status).toBe(404);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error).toMatchObject({
        code: missingBody.error.code,
        message: missingBody.error.message,
      });
    }
    expect(missingBody.error.code).toBe('NOT_FOUND');
  });

  it('lets exactly the readers of plans download, as plans.byId does', async () => {
    const policy = httpRoutePolicies[route];
    if (!policy) throw new Error(`no policy for ${route}`);
    expect(policy).toEqual(policies['plans.byId']);
    for (const role of roles) {
      const session = await userOf([role], 'global');
      const response = await download(session, `id=${active}&format=csv`);
      await response.text();
      const actor = { userId: newId(), roles: [role], scope: { kind: 'global' as const } };
      const allowed = decide(policy, { ...actor, clearance: 'restricted' }).allowed;
      expect([role, response.status]).toEqual([role, allowed ? 200 : 403]);
    }
  });

  it('refuses bad queries, cross-site requests and callers who are not signed in', async () => {
    const planner = await userOf(['hq-planner']);
    expect((await download(planner, 'id=not-an-id')).status).toBe(400);
    expect((await download(planner, `id=${active}&format=pdf`)).status).toBe(400);
    expect((await download(planner, `id=${active}&extra=1`)).status).toBe(400);
    const crossSite = await fetch(`${server.url}/api/exports/plan?id=${active}`, {
      headers: { cookie: planner.cookie ?? '', 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    expect((await fetch(`${server.url}/api/exports/plan?id=${active}`)).status).toBe(401);
  });
});
