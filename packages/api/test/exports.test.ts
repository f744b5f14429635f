import { createHash } from 'node:crypto';
import type { Actor } from '@prevention/core';
import {
  findAuditEntries,
  findSignals,
  generateDemoData,
  loadDemoData,
  type RecordReader,
} from '@prevention/db';
import {
  createTestSignal,
  createTestUser,
  databaseKinds,
  useTestDatabase,
} from '@prevention/db/testing';
import { readAcled, readObservationCsv } from '@prevention/exchange';
import { generateSyntheticAcled } from '@prevention/exchange/synthetic';
import { describe, expect, it } from 'vitest';
import {
  exportRecords,
  queueImport,
  runImport,
  type ExportRequest,
  type ImportContext,
} from '../src/index.js';
import { testSecurity } from './harness.js';

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

async function* bytes(content: string) {
  yield Buffer.from(content, 'utf8');
}

describe.each(databaseKinds())('exports on %s', (kind) => {
  const database = useTestDatabase(kind);
  const ctx = (): ImportContext => ({
    db: database.db,
    now: () => new Date(),
    requestId: 'test',
    security: testSecurity,
  });

  async function user(overrides: Parameters<typeof createTestUser>[1] = {}): Promise<Actor> {
    const account = await createTestUser(database.db, {
      roles: ['hq-planner'],
      scope: { kind: 'global' },
      clearance: 'restricted',
      ...overrides,
    });
    return {
      userId: account.id,
      roles: account.roles,
      scope: account.scope,
      clearance: account.clearance,
    };
  }

  async function importText(actor: Actor, content: string, format: 'acled' | 'csv') {
    const { batch } = await queueImport(ctx(), actor, {
      format,
      fileName: `file.${format}.csv`,
      contentHash: createHash('sha256').update(content).digest('hex'),
      byteSize: Buffer.byteLength(content),
      mode: 'all-or-nothing',
      sensitivity: 'public',
    });
    return runImport(ctx(), batch.id, () => bytes(content));
  }

  it('exports ACLED events that import back as the same records, scoped and audited', async () => {
    const planner = await user();
    const original = await text(
      generateSyntheticAcled({ seed: 11, countries: ['SDN', 'SSD'], rows: 60 }),
    );
    const imported = await importText(planner, original, 'acled');
    expect(imported.status).toBe('committed');

    const lead = await user({
      roles: ['country-team-lead'],
      scope: { kind: 'countries', countries: ['SSD'] },
    });
    const request: ExportRequest = { format: 'acled', kind: 'signals' };
    const exported = await text(exportRecords(ctx(), lead, request));
    const reading = await readAcled(bytes(exported));
    const rows = [];
    for await (const row of reading.rows) rows.push(row);
    expect(rows.every((row) => row.ok)).toBe(true);
    const events = rows.flatMap((row) => (row.ok ? [row.value] : []));
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.signal.areaCode === 'SSD')).toBe(true);

    // What came out is what went in: the SSD events of the original file, field for field.
    const originals = await readAcled(bytes(original));
    const bySsdKey = new Map<string, unknown>();
    for await (const row of originals.rows)
      if (row.ok && row.value.signal.areaCode === 'SSD')
        bySsdKey.set(row.value.externalKey, row.value.signal);
    expect(events.length).toBe(bySsdKey.size);
    for (const event of events) expect(event.signal).toEqual(bySsdKey.get(event.externalKey));

    const audit = await findAuditEntries(database.db, { actorUserId: lead.userId }, { limit: 5 });
    expect(audit.entries.map((e) => e.action)).toEqual(['export.signals']);

    // Re-importing the export changes nothing.
    const again = await importText(planner, exported, 'acled');
    expect(again).toMatchObject({ status: 'committed', added: 0, updated: 0 });
    const everyone: RecordReader = { scope: { kind: 'global' }, clearance: 'restricted' };
    const ssd = await findSignals(database.db, everyone, { areaCode: 'SSD' }, { limit: 100 });
    expect(ssd.signals.length).toBe(bySsdKey.size);
  });

  it('exports observations as plain CSV that reads back the same, and nothing above clearance', async () => {
    await loadDemoData(database.db, generateDemoData());
    const planner = await user();
    const plain = [
      'area,month,indicator,value,source,sex',
      'SD01,2026-01,development.idps,1200,IOM DTM,',
      'SD01,2026-01,development.idps,700,IOM DTM,female',
      'SDN,2026-02,development.idps,5300,IOM DTM,',
    ].join('\n');
    expect((await importText(planner, plain, 'csv')).status).toBe('committed');
    const request: ExportRequest = { format: 'csv', kind: 'observations', areaCode: 'SDN' };
    const exported = await text(exportRecords(ctx(), planner, request));
    const reading = await readObservationCsv(bytes(exported), { resolveArea: (code) => code });
    const values = [];
    for await (const row of reading.rows) if (row.ok) values.push(row.value);
    expect(
      values.map((o) => [o.areaCode, o.period, o.value, o.disaggregation?.sex]).sort(),
    ).toEqual([
      ['SD01', '2026-01', 1200, undefined],
      ['SD01', '2026-01', 700, 'female'],
      ['SDN', '2026-02', 5300, undefined],
    ]);
  });

  it('withholds in the file what the reader may not see: a field above their clearance, a record above it', async () => {
    const author = await user({ roles: ['field-officer'], clearance: 'confidential' });
    const [draft] = await firstEvents(
      await text(generateSyntheticAcled({ seed: 13, countries: ['HTI'], rows: 1 })),
    );
    if (!draft) throw new Error('no event');
    await createTestSignal(database.db, author.userId, {
      ...draft,
      fieldSensitivity: { notes: 'confidential' },
    });
    const restricted = await user({ clearance: 'restricted' });
    const confidential = await user({ clearance: 'confidential' });
    const notesOf = async (reader: Actor) => {
      const exported = await text(
        exportRecords(ctx(), reader, { format: 'acled', kind: 'signals', areaCode: 'HTI' }),
      );
      const [event] = await firstEvents(exported);
      return event?.payload.notes;
    };
    expect(await notesOf(confidential)).toBe(draft.payload.notes);
    expect(await notesOf(restricted)).toBe('');

    // An observation above the reader's clearance is not in their file at all.
    const lines = async (reader: Actor) =>
      (
        await text(
          exportRecords(ctx(), reader, { format: 'csv', kind: 'observations', areaCode: 'HTI' }),
        )
      )
        .trim()
        .split('\n').length;
    const planner = await user({ clearance: 'restricted' });
    const { batch } = await queueImport(ctx(), planner, {
      format: 'csv',
      fileName: 'restricted.csv',
      contentHash: 'b'.repeat(64),
      byteSize: 1,
      mode: 'all-or-nothing',
      sensitivity: 'restricted',
    });
    const values = 'area,month,indicator,value,source\nHTI,2026-01,development.idps,10,Survey\n';
    expect((await runImport(ctx(), batch.id, () => bytes(values))).status).toBe('committed');
    const publicReader = await user({ roles: ['partner'], clearance: 'public' });
    expect(await lines(planner)).toBe(2);
    expect(await lines(publicReader)).toBe(1);
  });
});

/** The signal drafts of an ACLED file, in file order. */
async function firstEvents(content: string) {
  const reading = await readAcled(bytes(content));
  const drafts = [];
  for await (const row of reading.rows) if (row.ok) drafts.push(row.value.signal);
  return drafts;
}
