import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  findHxlMapping,
  generateDemoData,
  loadDemoData,
  startJobQueue,
  type JobQueue,
} from '@prevention/db';
import { HxlMapping, hxlShapeKey, inspect, suggestHxlMapping } from '@prevention/exchange';
import { createTestUser, databaseKinds, useTestDatabase } from '@prevention/db/testing';
import {
  generateSyntheticAcled,
  generateSyntheticHxlDisplacement,
} from '@prevention/exchange/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startImportJobs, UploadStore, type ApiDependencies } from '../src/index.js';
import { actorOf, callerFor, testDependencies, testSecurity } from './harness.js';

async function* bytesOf(chunks: AsyncIterable<string>) {
  for await (const chunk of chunks) yield Buffer.from(chunk);
}

describe.each(databaseKinds())('imports as background jobs on %s', (kind) => {
  const database = useTestDatabase(kind);
  let dir: string;
  let queue: JobQueue;
  let deps: ApiDependencies;
  let uploads: UploadStore;
  const jobErrors: unknown[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prevention-uploads-'));
    uploads = new UploadStore(dir, 64 * 2 ** 20);
    queue = await startJobQueue(database.handle, {
      pollingIntervalSeconds: 0.5,
      onError: (error) => jobErrors.push(error),
    });
    const base = testDependencies(database.db, kind);
    const imports = await startImportJobs(
      queue,
      { db: database.db, now: () => new Date(), requestId: 'job', security: testSecurity },
      uploads,
      { onJobError: (error) => jobErrors.push(error) },
    );
    deps = { ...base, imports };
  });

  afterAll(async () => {
    await queue.stop(5_000);
    await rm(dir, { recursive: true, force: true });
  });

  async function settled(caller: ReturnType<typeof callerFor>, id: string) {
    for (let i = 0; i < 600; i += 1) {
      const batch = await caller.imports.byId({ id });
      if (!['queued', 'reading'].includes(batch.status)) return batch;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the import did not finish');
  }

  it('runs an uploaded file in the background, then rolls it back', async () => {
    const user = await createTestUser(database.db, {
      roles: ['hq-planner'],
      scope: { kind: 'global' },
    });
    const caller = callerFor(deps, actorOf(user), user);
    const upload = await uploads.save(
      user.id,
      'acled-export.csv',
      bytesOf(generateSyntheticAcled({ seed: 31, countries: ['HTI'], rows: 250 })),
    );
    const { batch, sameContentAs } = await caller.imports.start({ uploadId: upload.id });
    expect(batch.status).toBe('queued');
    expect(sameContentAs).toBeNull();
    const done = await settled(caller, batch.id);
    expect(done).toMatchObject({ status: 'committed', added: 250, fileName: 'acled-export.csv' });
    expect((await caller.imports.list({ limit: 5 })).items.map((b) => b.id)).toContain(batch.id);
    // The upload is deleted once the import has read it (just after the commit).
    const left = async () => (await readdir(dir)).filter((name) => name.startsWith(upload.id));
    for (let i = 0; i < 50 && (await left()).length > 0; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await left()).toEqual([]);
    const events = await caller.signals.list({ areaCode: 'HTI', limit: 100 });
    expect(events.items.every((e) => e.provenance?.batchId === batch.id)).toBe(true);

    const rolledBack = await caller.imports.rollBack({ id: batch.id });
    expect(rolledBack.status).toBe('rolled-back');
    expect((await caller.signals.list({ areaCode: 'HTI', limit: 100 })).items).toEqual([]);
    expect(jobErrors).toEqual([]);
  });

  it("reports a file's bad rows and finds nobody else's upload or batch", async () => {
    const lead = await createTestUser(database.db, {
      roles: ['country-team-lead'],
      scope: { kind: 'countries', countries: ['SDN'] },
    });
    const other = await createTestUser(database.db, {
      roles: ['country-team-lead'],
      scope: { kind: 'countries', countries: ['SDN'] },
    });
    const caller = callerFor(deps, actorOf(lead), lead);
    const upload = await uploads.save(
      lead.id,
      'values.csv',
      bytesOf(
        (async function* () {
          yield 'area,month,indicator,value\nSDN,2026-01,development.idps,10\nMLI,2026-01,development.idps,x\n';
        })(),
      ),
    );
    await expect(
      callerFor(deps, actorOf(other), other).imports.start({ uploadId: upload.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { batch } = await caller.imports.start({ uploadId: upload.id });
    const done = await settled(caller, batch.id);
    expect(done).toMatchObject({ status: 'failed', rowsInvalid: 1 });
    const { errors } = await caller.imports.errors({ id: batch.id });
    expect(errors.map((e) => [e.line, e.column])).toEqual([[3, 'value']]);
    await expect(
      callerFor(deps, actorOf(other), other).imports.byId({ id: batch.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('saves nothing of a refused start, not even the mapping it was asked to remember', async () => {
    await loadDemoData(database.db, generateDemoData()); // the P-codes the HXL file names
    const lead = await createTestUser(database.db, {
      roles: ['country-team-lead'],
      scope: { kind: 'countries', countries: ['SDN'] },
      clearance: 'restricted',
    });
    const caller = callerFor(deps, actorOf(lead), lead);
    const file = generateSyntheticHxlDisplacement({
      seed: 61,
      countries: ['SDN'],
      from: '2032-01',
      to: '2032-01',
    });
    const upload = await uploads.save(lead.id, 'displacement.csv', bytesOf(file));
    const inspection = await inspect(uploads.open(upload.id)(), { format: 'hxl' });
    const mapping = HxlMapping.parse(suggestHxlMapping(inspection.columns).mapping);
    await expect(
      caller.imports.start({
        uploadId: upload.id,
        sensitivity: 'confidential',
        mapping,
        saveMapping: true,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await findHxlMapping(database.db, hxlShapeKey(inspection.columns))).toBeUndefined();

    const { batch } = await caller.imports.start({
      uploadId: upload.id,
      mapping,
      saveMapping: true,
    });
    expect(await findHxlMapping(database.db, hxlShapeKey(inspection.columns))).toEqual(mapping);
    expect((await settled(caller, batch.id)).status).toBe('committed');
  });
});
