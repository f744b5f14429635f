import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '@prevention/core';
import {
  findOrganisations,
  findUserByEmail,
  openDatabase,
  writePlanRevision,
  type DatabaseHandle,
} from '@prevention/db';
import { planCsvColumns, type PlanContent, type PlanStatus } from '@prevention/planning';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-process.js';
import { copySeededDemo } from './seeded-demo.js';

// Each command is a process that compiles the sources with tsx: seconds each on a busy machine.
const commandTimeout = 120_000;

/** A plan of Chad, whose demo has none: one action, its need, and a disbursed flow to it. */
function chadPlan(lead: string, funder: string, startYear: number): PlanContent {
  const outcomeId = newId();
  const actionId = newId();
  return {
    title: `Chad prevention plan ${startYear}–${startYear + 1}`,
    cycle: { startYear: String(startYear), endYear: String(startYear + 1) },
    outcomes: [
      {
        id: outcomeId,
        title: 'Herders and farmers share the Lake Chad basin in peace',
        description: null,
        pillars: ['peace-security', 'development'],
        indicators: [],
        sdgTargets: ['16.1', '2.4'],
        riskNodes: [],
      },
    ],
    actions: [
      {
        id: actionId,
        title: 'Transhumance corridors & local peace committees',
        outcomeIds: [outcomeId],
        pillars: ['peace-security', 'development'],
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
        humanRightsMarker: 2,
        riskDrivers: [],
        alertIds: [],
        requiredBudget: [{ year: String(startYear), amountUsd: '500000' }],
        focalPointId: null,
      },
    ],
    flows: [
      {
        id: newId(),
        sourceOrganisationId: funder,
        target: { kind: 'action', actionId },
        status: 'disbursed',
        date: `${startYear}-04-01`,
        amount: '200000',
        currency: 'USD',
        usdRate: '1',
        description: null,
      },
    ],
  };
}

/** Stores a plan as the lifecycle would have left it, straight into the copied demo database. */
async function storePlan(
  database: DatabaseHandle,
  by: string,
  status: PlanStatus,
  content: PlanContent,
): Promise<string> {
  const id = newId();
  await database.db.transaction().execute((trx) =>
    writePlanRevision(
      trx,
      {
        id,
        countryCode: 'TCD',
        status,
        revision: 1,
        sensitivity: 'restricted',
        content,
        submittedBy: null,
        action: 'create',
        note: null,
        changes: 0,
        by,
        at: new Date(),
      },
      true,
    ),
  );
  return id;
}

describe('prevention export plan', () => {
  let dir: string;
  let env: Record<string, string>;
  let active: string;
  let draft: string;

  const run = async (args: string[], extraEnv: Record<string, string> = {}) => {
    const cli = runCli(['export', 'plan', ...args], { ...env, ...extraEnv });
    const code = await cli.exited;
    return { code, stdout: cli.stdout(), stderr: cli.stderr() };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prevention-plan-cli-'));
    const dataDir = join(dir, 'data');
    env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    await copySeededDemo(dataDir);
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const organisations = await findOrganisations(database.db);
      const lead = organisations.find((o) => o.kind === 'un-entity');
      const funder = organisations.find((o) => o.kind === 'international-financial-institution');
      const author = await findUserByEmail(database.db, 'team-lead@demo.example');
      if (!lead || !funder || !author) throw new Error('the demo lacks organisations or users');
      active = await storePlan(database, author.id, 'active', chadPlan(lead.id, funder.id, 2030));
      draft = await storePlan(database, author.id, 'draft', chadPlan(lead.id, funder.id, 2033));
    } finally {
      await database.close();
    }
  }, commandTimeout);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'writes the country’s active plan as IATI XML to standard output, read as the administrator',
    async () => {
      const exported = await run(['--country', 'TCD', '--format', 'iati']);
      expect(exported.stderr).toBe('');
      expect(exported.code).toBe(0);
      const xml = exported.stdout;
      expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities')).toBe(true);
      expect(xml).toContain(`<iati-identifier>XX-DEMO-PREVENTION-${active}</iati-identifier>`);
      expect(xml).toContain(
        '<narrative>Transhumance corridors &amp; local peace committees</narrative>',
      );
      expect(xml).toContain('<recipient-country code="TD" percentage="100"/>');
      expect(xml.match(/<transaction-type code="(2|3)"\/>/g)).toEqual([
        '<transaction-type code="2"/>',
        '<transaction-type code="3"/>',
      ]);
      expect(xml.trimEnd().endsWith('</iati-activities>')).toBe(true);
    },
    commandTimeout,
  );

  it(
    'writes CSV, and a plan named by id as the user named with --as reads it',
    async () => {
      const csv = await run(['--country', 'tcd', '--format', 'csv']);
      expect(csv.code).toBe(0);
      const [header, row] = csv.stdout.split('\r\n');
      expect(header).toBe(planCsvColumns.join(','));
      expect(row).toContain(',500000.00,0.00,200000.00,200000.00,300000.00,300000.00');

      // The administrator reads published plans only: a draft is not theirs to see.
      const hidden = await run(['--plan', draft, '--format', 'csv']);
      expect(hidden.code).toBe(1);
      expect(hidden.stderr).toBe(
        'The plan was not found. (Read as the only administrator, who reads published plans; ' +
          'another reader: --as EMAIL.)\n',
      );
      const planner = await run([
        '--plan',
        draft,
        '--country',
        'TCD',
        '--as',
        'hq-planner@demo.example',
      ]);
      expect(planner.code).toBe(0);
      expect(planner.stdout).toContain(`XX-DEMO-PREVENTION-${draft}`);
    },
    3 * commandTimeout,
  );

  it(
    'says in one line, without a stack trace, what is wrong with the country or the setup',
    async () => {
      const unknown = await run(['--country', 'XYZ']);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toBe(
        'XYZ is not a country: --country takes the ISO 3166-1 alpha-3 code of a UN member or ' +
          'observer state, such as SDN.\n',
      );
      const none = await run(['--country', 'NER']);
      expect(none.code).toBe(1);
      expect(none.stderr).toMatch(/^NER has no plan that you may read\. \(Read as /);
      expect(none.stderr.trim().split('\n')).toHaveLength(1);

      const production = { APP_MODE: 'production', APP_SECRET: 'a-production-secret-of-the-tests' };
      const unpublished = await run(['--country', 'TCD'], production);
      expect(unpublished.code).toBe(1);
      expect(unpublished.stderr).toBe(
        'An IATI file names its publisher: set IATI_REPORTING_ORG_REF and IATI_REPORTING_ORG_NAME.\n',
      );
      const published = await run(['--country', 'TCD'], {
        ...production,
        IATI_REPORTING_ORG_REF: 'XM-DAC-41114',
        IATI_REPORTING_ORG_NAME: 'United Nations Development Programme',
      });
      expect(published.code).toBe(0);
      expect(published.stdout).toContain(
        `<iati-identifier>XM-DAC-41114-${active}</iati-identifier>`,
      );
    },
    4 * commandTimeout,
  );
});
