import { createHash } from 'node:crypto';
import type { Actor } from '@prevention/core';
import {
  generateDemoData,
  loadDemoData,
  findAuditEntries,
  findImportBatch,
  findImportRowErrors,
  findSignals,
  findVisibleObservations,
  type RecordReader,
} from '@prevention/db';
import { createTestUser, databaseKinds, useTestDatabase } from '@prevention/db/testing';
import { inspect, suggestHxlMapping, HxlMapping } from '@prevention/exchange';
import {
  generateSyntheticAcled,
  generateSyntheticHxlDisplacement,
} from '@prevention/exchange/synthetic';
import { describe, expect, it } from 'vitest';
import {
  cancelImport,
  deriveForBatch,
  deriveTouched,
  queueImport,
  rollBackImport,
  runImport,
  type ImportContext,
  type ImportFile,
} from '../src/index.js';
import { testSecurity } from './harness.js';

const everyone: RecordReader = { scope: { kind: 'global' }, clearance: 'strictly-confidential' };

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

/** The file's bytes in chunks of `size`, as a file stream would give them. */
function chunked(content: string, size = 4096) {
  const bytes = Buffer.from(content, 'utf8');
  return async function* () {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  };
}

function fileOf(content: string, format: ImportFile['format'], extra: Partial<ImportFile> = {}) {
  return {
    format,
    fileName: `upload.${format === 'hxl' ? 'hxl.csv' : 'csv'}`,
    contentHash: createHash('sha256').update(content).digest('hex'),
    byteSize: Buffer.byteLength(content),
    mode: 'all-or-nothing' as const,
    sensitivity: 'public' as const,
    ...extra,
  };
}

/**
 * An ACLED line with its fatalities changed: the cell third from the end (before `tags` and
 * `timestamp`), counted from the end because the quoted `notes` before it may hold commas.
 */
function withFatalities(line: string, change: number | string): string {
  const cells = line.split(',');
  const at = cells.length - 3;
  cells[at] = typeof change === 'number' ? String(Number(cells[at]) + change) : change;
  return cells.join(',');
}

describe.each(databaseKinds())('imports on %s', (kind) => {
  const database = useTestDatabase(kind);
  const ctx = (): ImportContext => ({
    db: database.db,
    now: () => new Date(),
    requestId: 'test',
    security: testSecurity,
  });

  async function importer(overrides: Parameters<typeof createTestUser>[1] = {}): Promise<Actor> {
    const user = await createTestUser(database.db, {
      roles: ['hq-planner'],
      scope: { kind: 'global' },
      clearance: 'restricted',
      ...overrides,
    });
    return { userId: user.id, roles: user.roles, scope: user.scope, clearance: user.clearance };
  }

  async function importFile(actor: Actor, content: string, file: ImportFile, chunkRows = 50) {
    const { batch, sameContentAs } = await queueImport(ctx(), actor, file);
    const done = await runImport(ctx(), batch.id, chunked(content), { chunkRows });
    return { done, sameContentAs };
  }

  const eventsIn = async (country: string) =>
    (await findSignals(database.db, everyone, { areaCode: country }, { limit: 100 })).signals;

  it('imports an ACLED export whole, with provenance and an audit entry', async () => {
    const actor = await importer();
    const csv = await text(generateSyntheticAcled({ seed: 1, countries: ['HTI'], rows: 120 }));
    const { done } = await importFile(actor, csv, fileOf(csv, 'acled'));
    expect(done).toMatchObject({ status: 'committed', rowsRead: 120, rowsInvalid: 0, added: 120 });
    const events = await eventsIn('HTI');
    expect(events.length).toBe(100); // one page of 120
    expect(events.every((e) => e.provenance?.batchId === done.id)).toBe(true);
    const lines = new Set(events.map((e) => e.provenance?.line));
    expect(lines.size).toBe(100);
    const audit = await findAuditEntries(database.db, { resourceId: done.id }, { limit: 10 });
    expect(audit.entries.map((e) => e.action)).toEqual(['import.commit']);
  });

  it('updates revised events by event_id_cnty, adds new ones and duplicates none', async () => {
    const actor = await importer();
    const first = await text(generateSyntheticAcled({ seed: 2, countries: ['MMR'], rows: 40 }));
    await importFile(actor, first, fileOf(first, 'acled'));
    const lines = first.trimEnd().split('\n');
    const header = lines[0] ?? '';
    // ACLED revises the first five events' fatalities and publishes ten more.
    const revised = lines.slice(1).map((line, i) => (i < 5 ? withFatalities(line, 3) : line));
    const more = await text(generateSyntheticAcled({ seed: 3, countries: ['MMR'], rows: 10 }));
    // The new events' ids differ from the first export's, as ACLED's own do.
    const added = more
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.replace(/^MMR/, 'MMR9000'));
    const second = [header, ...revised, ...added].join('\n');
    const { done } = await importFile(actor, second, fileOf(second, 'acled'));
    expect(done).toMatchObject({ status: 'committed', added: 10, updated: 5, unchanged: 35 });
    const events = await eventsIn('MMR');
    expect(events.length).toBe(50);
    const keys = events.map((e) => e.payload.acledEventId);
    expect(new Set(keys).size).toBe(50);
  });

  it('commits nothing from a file with bad rows, and names each one', async () => {
    const actor = await importer();
    const csv = await text(generateSyntheticAcled({ seed: 4, countries: ['SSD'], rows: 30 }));
    const lines = csv.trimEnd().split('\n');
    const broken = lines.map((line, i) => {
      if (i !== 3 && i !== 17) return line;
      const bad = withFatalities(line, 'many');
      return i === 17 ? bad.replace(/^([^,]*),[^,]*,/, '$1,2024-13-40,') : bad;
    });
    const content = broken.join('\n');
    const { done } = await importFile(actor, content, fileOf(content, 'acled'));
    expect(done.status).toBe('failed');
    expect(done.failure).toBe('2 of 30 rows have errors; nothing was imported.');
    expect(await eventsIn('SSD')).toEqual([]);
    const { errors } = await findImportRowErrors(database.db, done.id, { limit: 10 });
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [4, 'fatalities'],
      [18, 'event_date'],
      [18, 'fatalities'],
    ]);
  });

  it('commits the valid rows when asked to, and lists the ones left out', async () => {
    const actor = await importer();
    const csv = await text(generateSyntheticAcled({ seed: 5, countries: ['SDN'], rows: 20 }));
    const lines = csv.trimEnd().split('\n');
    const content = [...lines.slice(0, 6), 'not,an,event', ...lines.slice(6)].join('\n');
    const { done } = await importFile(
      actor,
      content,
      fileOf(content, 'acled', { mode: 'valid-rows' }),
    );
    expect(done).toMatchObject({ status: 'committed', added: 20, rowsInvalid: 1 });
    const { errors } = await findImportRowErrors(database.db, done.id, { limit: 10 });
    expect([...new Set(errors.map((e) => e.line))]).toEqual([7]);
  });

  it('refuses rows of countries outside the importer’s scope', async () => {
    const lead = await importer({
      roles: ['country-team-lead'],
      scope: { kind: 'countries', countries: ['SDN'] },
    });
    const csv = await text(generateSyntheticAcled({ seed: 6, countries: ['MLI'], rows: 3 }));
    const { done } = await importFile(lead, csv, fileOf(csv, 'acled'));
    expect(done.status).toBe('failed');
    const { errors } = await findImportRowErrors(database.db, done.id, { limit: 10 });
    expect(errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, 'iso', 'MLI is not one of the countries you work on.'],
      [3, 'iso', 'MLI is not one of the countries you work on.'],
      [4, 'iso', 'MLI is not one of the countries you work on.'],
    ]);
  });

  it('stops a cancelled import with nothing committed', async () => {
    const actor = await importer();
    const csv = await text(generateSyntheticAcled({ seed: 7, countries: ['HTI'], rows: 400 }));
    const { batch } = await queueImport(ctx(), actor, fileOf(csv, 'acled'));
    let asked = false;
    const done = await runImport(ctx(), batch.id, chunked(csv, 512), {
      chunkRows: 20,
      progressEveryMs: 0,
      onProgress: (progress) => {
        if (!asked && progress.rowsRead >= 100) {
          asked = true;
          void cancelImport(ctx(), actor, batch.id);
        }
      },
    });
    expect(done.status).toBe('cancelled');
    expect(done.rowsRead).toBeLessThan(400);
    const mine = (await eventsIn('HTI')).filter((e) => e.provenance?.batchId === batch.id);
    expect(mine).toEqual([]);
  });

  it('rolls a batch back, and recognises a file it has seen', async () => {
    const actor = await importer();
    const csv = await text(generateSyntheticAcled({ seed: 8, countries: ['SSD'], rows: 5 }));
    const { done } = await importFile(actor, csv, fileOf(csv, 'acled'));
    const again = await queueImport(ctx(), actor, fileOf(csv, 'acled'));
    expect(again.sameContentAs?.id).toBe(done.id);
    await rollBackImport(ctx(), actor, done.id);
    const left = (await eventsIn('SSD')).filter((e) => e.provenance?.batchId === done.id);
    expect(left).toEqual([]);
  });

  it('imports a plain CSV of indicator values and an HXL file through its mapping', async () => {
    const actor = await importer();
    await loadDemoData(database.db, generateDemoData()); // the sub-national areas and their P-codes
    const plain = [
      'area,month,indicator,value,source',
      'SDN,2026-01,development.idps-per-100k,1234.5,IOM DTM',
      'SDN,2026-02,development.idps-per-100k,1300,IOM DTM',
    ].join('\n');
    const csvImport = await importFile(actor, plain, fileOf(plain, 'csv'));
    expect(csvImport.done).toMatchObject({ status: 'committed', added: 2 });

    const hxl = await text(
      generateSyntheticHxlDisplacement({
        seed: 9,
        countries: ['MLI'],
        from: '2025-01',
        to: '2025-03',
      }),
    );
    const inspection = await inspect(chunked(hxl)(), { format: 'hxl' });
    const suggestion = suggestHxlMapping(inspection.columns, { defaultSource: 'Synthetic DTM' });
    expect(suggestion.complete).toBe(true);
    const mapping = HxlMapping.parse(suggestion.mapping);
    const hxlImport = await importFile(actor, hxl, fileOf(hxl, 'hxl', { mapping }));
    expect(hxlImport.done.status).toBe('committed');
    expect(hxlImport.done.added).toBeGreaterThan(0);
    const observations = await findVisibleObservations(database.db, everyone, { areaCode: 'MLI' });
    expect(observations.length).toBe(hxlImport.done.added);
    expect(observations.every((o) => o.provenance?.batchId === hxlImport.done.id)).toBe(true);
  });

  it('derives the conflict indicators of the months an import touched, and again after a rollback', async () => {
    const actor = await importer();
    const csv = await text(generateSyntheticAcled({ seed: 12, countries: ['MLI'], rows: 200 }));
    const { done } = await importFile(actor, csv, fileOf(csv, 'acled'));
    await deriveForBatch(ctx(), done.id);
    const events = (await findSignals(database.db, everyone, { areaCode: 'MLI' }, { limit: 1000 }))
      .signals;
    expect(events).toHaveLength(200);
    const month = events[0]?.occurredOn.slice(0, 7) ?? '';
    const inMonth = events.filter((e) => e.occurredOn.startsWith(month));
    const fatalities = inMonth.reduce((sum, e) => sum + Number(e.payload.fatalities), 0);
    const derived = async (indicatorCode: string) =>
      (
        await findVisibleObservations(database.db, everyone, {
          areaCode: 'MLI',
          indicatorCode,
          from: month,
          to: month,
        })
      ).map((o) => o.value);
    expect(await derived('peace-security.fatalities')).toEqual([fatalities]);
    expect(await derived('peace-security.fatalities-per-100k')).toEqual([]);

    // A population makes the per-capita indicators computable.
    const population = `area,month,indicator,value,source\nMLI,2020-01,development.population,20000000,UN WPP\n`;
    const popImport = await importFile(actor, population, fileOf(population, 'csv'));
    await deriveForBatch(ctx(), popImport.done.id);
    expect(await derived('peace-security.fatalities-per-100k')).toEqual([
      (100_000 * fatalities) / 20_000_000,
    ]);

    await rollBackImport(ctx(), actor, done.id);
    await deriveTouched({ db: database.db, now: () => new Date(), systemUserId: actor.userId }, [
      { areaCode: 'MLI', countryCode: 'MLI', month },
    ]);
    expect(await derived('peace-security.fatalities')).toEqual([]);
  });

  it('fails the batch, visibly to nobody, when the database refuses a chunk while later ones are on their way', async () => {
    const actor = await importer();
    const csv = await text(generateSyntheticAcled({ seed: 9, countries: ['MLI'], rows: 200 }));
    const refused = csv.split('\n')[45]?.split(',')[0] ?? '';
    // A real refusal from the database, for one row of the third of ten chunks.
    await database.handle.executeSql(
      `create function refuse_event() returns trigger language plpgsql as $$
       begin if new.external_id = '${refused}' then raise exception 'refused'; end if;
       return new; end $$;
       create trigger refuse_event before insert on signal
         for each row execute function refuse_event();`,
    );
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { batch } = await queueImport(ctx(), actor, fileOf(csv, 'acled'));
      await expect(
        runImport(ctx(), batch.id, chunked(csv, 512), { chunkRows: 20, stagingDepth: 2 }),
      ).rejects.toThrow(/refused/);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
      expect(await findImportBatch(database.db, batch.id)).toMatchObject({
        status: 'failed',
        failure: 'The import stopped on an internal error; nothing was imported.',
      });
      const events = await eventsIn('MLI');
      expect(events.filter((e) => e.provenance?.batchId === batch.id)).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await database.handle.executeSql(
        'drop trigger refuse_event on signal; drop function refuse_event();',
      );
    }
  });
});
