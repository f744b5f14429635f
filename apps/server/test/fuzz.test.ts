import { appRouter } from '@prevention/api';
import { composeAssessmentForm, exampleContent } from '@prevention/assessment';
import { platformPillars } from '@prevention/risk';
import { databaseKinds } from '@prevention/db/testing';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestServer, type ApiSession } from './test-server.js';

/** `npm run test:deep` sets PROPERTY_RUNS_SCALE to try many more cases than a default run. */
const propertyRunsScale = Number(process.env.PROPERTY_RUNS_SCALE ?? 1);

/**
 * Fuzzing: fast-check generates invalid and hostile inputs for every procedure — arbitrary JSON,
 * and valid inputs with one field replaced by something hostile — and sends them over HTTP as a
 * signed-in user who holds every role. No answer may be a 5xx, and none may carry a stack trace,
 * SQL or the name of a table (leaving aside text the input itself put there).
 */
const runsPerProcedure = 60 * propertyRunsScale;
const rawBodyRuns = 100 * propertyRunsScale;

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>,
)
  .map(([path, procedure]) => ({ path, type: procedure._def.type }))
  // Signing out ends the fuzzing session: it goes last.
  .sort((a, b) => Number(a.path === 'auth.signOut') - Number(b.path === 'auth.signOut'));

const leaks = [
  /\bat [\w$.<>]+ \(/, // a stack frame
  /\.(ts|js|mjs|cjs):\d+/,
  /node_modules/,
  /\bstack\b/i,
  /\b(select|insert|update|delete)\b.{0,80}\b(from|into|set|where)\b/i,
  /\brelation "/i,
  /violates|constraint|syntax error|duplicate key|invalid input syntax|column "/i,
  /\b(app_user|user_session|sign_in_attempt|audit_entry|seed_run|kysely_migration)\b/i,
  /\b(assessment_revision|assessment_conflict|assessment_sync_receipt|item_hash)\b/i,
  /\b(password_hash|token_hash|totp_secret|pending_totp_secret)\b/i,
  /\b(import_batch|import_row_error|hxl_mapping|pgboss)\b/i,
  /\b(alert_rule|alert_event|alert_one_open_idx)\b/i,
  /\b(from|into|join|table|update)\s+"?(area|signal|organisation|assessment)\b/i,
];

const hostileStrings = [
  "' OR '1'='1",
  "'; drop table audit_entry; --",
  '"; select * from app_user; --',
  'SDN\u0000',
  '\u0000',
  '\ud800',
  'a\udfffb',
  '%',
  '_%\\',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}',
  '__proto__',
  'constructor',
  'x'.repeat(5000),
  '9'.repeat(400),
  '1e400',
  'NaN',
  '2026-02-30',
  '0000-00-00',
  '01932b6e-8f3a-7c00-8000-000000000001',
  '00000000-0000-0000-0000-000000000000',
  'ZZZ',
  'SD01',
  'strictly-confidential',
];

const hostileString = fc.oneof(
  { arbitrary: fc.constantFrom(...hostileStrings), weight: 3 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
);
const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', '', 'id', 'sensitivity', 'payload'),
  fc.string({ maxLength: 12 }),
);
const { value: hostileValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(1e308, -1e308, 2 ** 63, -1, 0, 1.5, Number.MAX_SAFE_INTEGER + 2),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }),
  ),
}));

const envelope = {
  pillar: 'human-rights',
  kind: 'violation',
  areaCode: 'SDN',
  occurredOn: '2026-10-01',
  title: 'Fuzz',
  severity: 3,
  verification: 'reported',
  source: 'Fuzz',
  sensitivity: 'restricted',
  fieldSensitivity: { 'victims[].name': 'strictly-confidential' },
  payload: { victims: [{ name: 'x' }] },
};

const assessmentContent = exampleContent(composeAssessmentForm(platformPillars), {
  title: 'Fuzz',
  sparse: true,
});

const planAction = {
  id: '01932b6e-8f3a-7c00-8000-0000000000a1',
  title: 'Fuzz',
  outcomeIds: ['01932b6e-8f3a-7c00-8000-0000000000a2'],
  pillars: ['peace-security', 'human-rights'],
  stage: 'prevention',
  leadOrganisationId: '01932b6e-8f3a-7c00-8000-0000000000a3',
  partners: [{ organisationId: '01932b6e-8f3a-7c00-8000-0000000000a4', role: 1 }],
  areas: ['SD01'],
  plannedStart: '2027-01-01',
  plannedEnd: '2028-12-31',
  actualStart: null,
  actualEnd: null,
  status: 1,
  genderMarker: 2,
  humanRightsMarker: 2,
  riskDrivers: ['peace-security.political-tension'],
  alertIds: [],
  requiredBudget: [{ year: '2027', amountUsd: '100000' }],
  focalPointId: null,
};

const planContent = {
  title: 'Fuzz',
  cycle: { startYear: '2027', endYear: '2028' },
  outcomes: [
    {
      id: planAction.outcomeIds[0],
      title: 'Fuzz',
      description: null,
      pillars: ['peace-security', 'human-rights'],
      indicators: [],
      sdgTargets: ['16.1'],
      riskNodes: [],
    },
  ],
  actions: [planAction],
  flows: [
    {
      id: '01932b6e-8f3a-7c00-8000-0000000000a5',
      sourceOrganisationId: '01932b6e-8f3a-7c00-8000-0000000000a4',
      target: { kind: 'action', actionId: planAction.id },
      status: 'pledged',
      date: '2027-02-01',
      amount: '1000',
      currency: 'EUR',
      usdRate: '1.08',
      description: null,
    },
  ],
};

const alertRuleDraft = {
  id: 'fuzz-rule',
  title: { en: 'Fuzz' },
  rationale: 'Fuzz',
  countryCode: 'SDN',
  enabled: false,
  level: 'watch',
  condition: {
    kind: 'spike',
    series: { source: 'signals', kinds: ['battles'] },
    spike: { test: 'trailing-mean', periods: 4, ratio: 2, minBaseline: 1 },
  },
  cooldownDays: 30,
  acknowledgeWithinHours: 72,
};

/** A valid input per procedure, to be spoiled one field at a time. */
function validInputs(targetUserId: string): Record<string, Record<string, unknown>> {
  const someId = '01932b6e-8f3a-7c00-8000-0000000000ff';
  return {
    'auth.signIn': { email: 'fuzz@example.org', password: 'not the password' },
    'auth.verifySecondFactor': { code: '123456' },
    'account.changePassword': {
      currentPassword: 'not the password',
      newPassword: 'some new password',
    },
    'account.confirmTotpEnrolment': { code: '123456' },
    'areas.list': { kind: 'country', regionCode: '002', parentCode: 'SDN' },
    'areas.byCode': { code: 'SDN' },
    'areas.boundaries': { countryCode: 'SDN' },
    'signals.create': envelope,
    'signals.list': { areaCode: 'SDN', pillar: 'human-rights', kind: 'violation', limit: 10 },
    'signals.byId': { id: someId },
    'users.list': { search: 'a', role: 'reviewer', limit: 10 },
    'users.byId': { id: targetUserId },
    'users.create': {
      email: 'fuzzed@example.org',
      displayName: 'Fuzzed',
      roles: ['partner'],
      scope: { kind: 'countries', countries: ['MLI'] },
      clearance: 'public',
      password: 'a long enough password',
    },
    'users.update': { id: targetUserId, displayName: 'Target', clearance: 'restricted' },
    'users.resetPassword': { id: targetUserId, password: 'another long password' },
    'users.resetSecondFactor': { id: targetUserId },
    'audit.list': { resourceType: 'signal', from: '2026-01-01', to: '2026-12-31', limit: 10 },
    'imports.start': {
      uploadId: '5f0c1a3e-2b4d-4c6e-8f10-123456789abc',
      format: 'hxl',
      mode: 'valid-rows',
      sensitivity: 'public',
      saveMapping: true,
      codeProperty: 'ADM1_PCODE',
    },
    'imports.list': { limit: 10 },
    'imports.byId': { id: someId },
    'imports.errors': { id: someId, cursor: 0, limit: 10 },
    'imports.cancel': { id: someId },
    'imports.rollBack': { id: someId },
    'risk.overview': { modelVersionId: someId, month: '2026-10' },
    'risk.area': { areaCode: 'SDN', modelVersionId: someId, month: '2026-10' },
    'risk.observations': {
      areaCode: 'SDN',
      nodeId: 'peace-security.political-tension',
      month: '2026-10',
      modelVersionId: someId,
    },
    'risk.runs': { limit: 10 },
    'risk.adjustModel': {
      basedOn: someId,
      countryCode: 'SDN',
      definition: { id: 'prevention-risk', version: 'fuzz' },
      note: 'Fuzz',
    },
    'assessments.list': {
      areaCode: 'SDN',
      period: '2026-10',
      status: 'draft',
      pillar: 'human-rights',
      organisation: 'UNDP',
      limit: 10,
    },
    'assessments.byId': { id: someId },
    'assessments.history': { id: someId },
    'assessments.revision': { id: someId, revision: 1 },
    'assessments.diff': { id: someId, from: 1, to: 2 },
    'assessments.sync': {
      items: [
        {
          clientId: someId,
          assessmentId: someId,
          baseRevision: null,
          areaCode: 'SDN',
          period: '2026-10',
          content: assessmentContent,
          savedAt: '2026-10-01T12:00:00.000Z',
        },
      ],
    },
    'assessments.transition': {
      id: someId,
      action: 'return',
      revision: 1,
      comments: { risks: 'Fuzz' },
    },
    'assessments.resolveConflict': {
      conflictId: someId,
      baseRevision: 1,
      content: assessmentContent,
    },
    'assessments.discardConflict': { conflictId: someId },
    'plans.list': { countryCode: 'SDN', status: 'active' },
    'plans.byId': { id: someId },
    'plans.analysis': { id: someId },
    'plans.history': { id: someId },
    'plans.diff': { id: someId, from: 1, to: 2 },
    'plans.create': { countryCode: 'SDN', sensitivity: 'restricted', content: planContent },
    'plans.save': { id: someId, baseRevision: 1, content: planContent, note: 'Fuzz' },
    'plans.transition': { id: someId, action: 'return', revision: 1, note: 'Fuzz' },
    'plans.addReport': {
      planId: someId,
      report: {
        actionId: planAction.id,
        date: '2026-11-30',
        status: 2,
        milestonesMetPercent: 50,
        rating: 'amber',
        narrative: 'Fuzz',
      },
    },
    'decisions.list': { countryCode: 'SDN', linkedTo: someId, limit: 10 },
    'decisions.byId': { id: someId },
    'decisions.create': {
      countryCode: 'SDN',
      sensitivity: 'restricted',
      meeting: { body: 'country-team', bodyName: 'UNCT', title: 'Fuzz', date: '2026-11-01' },
      text: 'Fuzz',
      kind: 'action',
      ownerId: targetUserId,
      dueDate: '2026-12-31',
      links: { alertIds: [], outcomeIds: [someId], actionIds: [] },
    },
    'decisions.followUp': { id: someId, text: 'Fuzz', status: 'ongoing' },
    'alerts.list': {
      status: ['open', 'acknowledged'],
      countryCode: 'SDN',
      level: 'urgent',
      limit: 10,
    },
    'alerts.get': { id: someId },
    'alerts.acknowledge': { id: someId, note: 'Fuzz' },
    'alerts.respond': { id: someId, planActionIds: [someId], decisionIds: [], note: 'Fuzz' },
    'alerts.close': { id: someId, outcome: 'false-alarm', note: 'Fuzz' },
    'alerts.snooze': { id: someId, until: '2026-12-31' },
    'alerts.responseTimes': { since: '2026-01-01' },
    'alerts.evaluate': { countryCode: 'SDN' },
    'alertRules.get': { id: 'conflict-event-spike', version: 1 },
    'alertRules.save': alertRuleDraft,
    'alertRules.backtest': {
      rule: alertRuleDraft,
      from: '2026-01',
      to: '2026-10',
      onset: { kind: 'class-reached', node: 'prevention-risk', toClass: 'very-high' },
    },
  };
}

function inputFor(valid: Record<string, unknown> | undefined) {
  if (!valid) return hostileValue;
  const keys = Object.keys(valid);
  const spoiled = (value: fc.Arbitrary<unknown>) =>
    fc
      .record({ key: fc.constantFrom(...keys), value })
      .map(({ key, value: replacement }) => ({ ...valid, [key]: replacement }));
  return fc.oneof(
    hostileValue,
    // Most often: a valid input with one field hostile, which gets furthest into the server.
    { arbitrary: spoiled(hostileString), weight: 3 },
    spoiled(hostileValue),
    spoiled(fc.dictionary(hostileKey, hostileString, { minKeys: 1, maxKeys: 3 })),
    fc
      .record({ key: hostileKey, value: hostileValue })
      .map(({ key, value }) => JSON.parse(JSON.stringify({ ...valid, [key]: value })) as unknown),
    fc.constantFrom(...keys).map((key) => {
      const { [key]: _dropped, ...rest } = valid;
      return rest;
    }),
  );
}

/** The strings an input carries, so that text the server merely echoes is not taken for a leak. */
function stringsOf(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      found.push(key);
      stringsOf(item, found);
    }
  }
  return found;
}

/**
 * Every string sent so far: a value stored by one call (a signal's title, say) comes back in the
 * answers to later ones.
 */
const sent = new Set<string>();

function withoutEchoes(body: string, input: unknown): string {
  for (const text of stringsOf(input)) if (text.length >= 4) sent.add(text);
  let text = body;
  const echoes = [...sent].sort((a, b) => b.length - a.length);
  for (const echo of echoes) {
    text = text.split(echo).join('').split(JSON.stringify(echo).slice(1, -1)).join('');
  }
  return text;
}

/** A file name as the header carries it; one that cannot be encoded is sent malformed. */
function headerValue(name: string): string {
  try {
    return encodeURIComponent(name);
  } catch {
    return '%E0%A4%A';
  }
}

function checkAnswer(label: string, status: number, body: string, input: unknown): void {
  expect(status, `${label}: ${body.slice(0, 300)}`).toBeLessThan(500);
  const text = withoutEchoes(body, input);
  for (const leak of leaks) {
    expect(leak.test(text), `${label} leaks ${String(leak)}: ${text.slice(0, 300)}`).toBe(false);
  }
}

describe.each(databaseKinds())('fuzzing every procedure over HTTP on %s', (kind) => {
  const test = useTestServer(kind, { imports: { maxBytes: 64 * 1024 } });
  let session: ApiSession;
  let targetUserId: string;

  beforeAll(async () => {
    const fuzzer = await test.createUser({
      roles: [
        'field-officer',
        'country-team-lead',
        'reviewer',
        'hq-planner',
        'administrator',
        'partner',
      ],
      scope: { kind: 'global' },
      clearance: 'restricted',
    });
    targetUserId = (await test.createUser()).id;
    session = await test.signIn(fuzzer);
  });

  async function send(path: string, type: string, input: unknown) {
    const response =
      type === 'query'
        ? await session.fetch(
            `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input) ?? '')}`,
          )
        : await session.fetch(`/trpc/${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(input) ?? 'null',
          });
    return { status: response.status, body: await response.text() };
  }

  it.each(procedures)(
    `$path: ${runsPerProcedure} generated inputs, no 5xx and nothing internal in any answer`,
    async ({ path, type }) => {
      const valid = validInputs(targetUserId)[path];
      await fc.assert(
        fc.asyncProperty(inputFor(valid), async (input) => {
          const { status, body } = await send(path, type, input);
          checkAnswer(path, status, body, input);
        }),
        { numRuns: runsPerProcedure },
      );
    },
  );

  it(`answers ${rawBodyRuns} hostile uploads and export queries without a 5xx or a leak`, async () => {
    const hostile = fc.oneof(fc.constantFrom(...hostileStrings), fc.string({ maxLength: 40 }));
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.record(
          {
            kind: fc.oneof(fc.constantFrom('signals', 'observations'), hostile),
            format: fc.oneof(fc.constantFrom('acled', 'csv', 'hxl'), hostile),
            area: fc.oneof(fc.constantFrom('SDN', 'ML01'), hostile),
            pillar: hostile,
            from: fc.oneof(fc.constantFrom('2025-01'), hostile),
            to: hostile,
            extra: hostile,
          },
          { requiredKeys: [] },
        ),
        fc.string({ unit: 'binary', maxLength: 300 }),
        hostile,
        async (asExport, query, body, fileName) => {
          const response = asExport
            ? await session.fetch(`/api/exports?${new URLSearchParams(query).toString()}`)
            : await session.fetch('/api/imports/upload', {
                method: 'PUT',
                headers: {
                  'content-type': 'application/octet-stream',
                  'x-file-name': headerValue(fileName),
                },
                body,
              });
          checkAnswer(
            asExport ? `export ${JSON.stringify(query)}` : `upload ${JSON.stringify(fileName)}`,
            response.status,
            await response.text(),
            [query, body, fileName],
          );
        },
      ),
      { numRuns: rawBodyRuns },
    );
  });

  it(`answers ${rawBodyRuns} hostile plan download queries without a 5xx or a leak`, async () => {
    const hostile = fc.oneof(fc.constantFrom(...hostileStrings), fc.string({ maxLength: 40 }));
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            id: fc.oneof(fc.uuid(), hostile),
            format: fc.oneof(fc.constantFrom('iati', 'csv'), hostile),
            extra: hostile,
          },
          { requiredKeys: [] },
        ),
        async (query) => {
          const response = await session.fetch(
            `/api/exports/plan?${new URLSearchParams(query).toString()}`,
          );
          checkAnswer(
            `plan export ${JSON.stringify(query)}`,
            response.status,
            await response.text(),
            query,
          );
        },
      ),
      { numRuns: rawBodyRuns },
    );
  });

  it(`answers ${rawBodyRuns} malformed requests with a 4xx and a safe message`, async () => {
    const paths = procedures.map((p) => p.path);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths, 'nothing.here', 'signals.create,users.create', '..%2f..%2fetc'),
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.constantFrom('{', '[1,', '{"0":', 'null', '"'),
        ),
        fc.boolean(),
        async (path, raw, asQuery) => {
          const response = asQuery
            ? await session.fetch(`/trpc/${path}?batch=1&input=${encodeURIComponent(raw)}`)
            : await session.fetch(`/trpc/${path}`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: raw,
              });
          checkAnswer(
            `${path} with ${JSON.stringify(raw)}`,
            response.status,
            await response.text(),
            [path, raw],
          );
        },
      ),
      { numRuns: rawBodyRuns },
    );
  });
});
