import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAcled } from '@prevention/exchange';
import {
  generateSyntheticAcled,
  generateSyntheticHxlDisplacement,
} from '@prevention/exchange/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-process.js';
import { copySeededDemo } from './seeded-demo.js';

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

/**
 * 300 Sudanese events whose ids (SDN77777…) are not among the demo's, which the seed imported
 * with ids SDN1, SDN2 … like these before the rewrite.
 */
async function acledFile(): Promise<string> {
  const csv = await text(generateSyntheticAcled({ seed: 21, countries: ['SDN'], rows: 300 }));
  return csv.replace(/^SDN(\d)/gm, 'SDN77777$1');
}

// Each command is a process that compiles the sources with tsx: seconds each on a busy machine.
const commandTimeout = 120_000;

describe('prevention import and export', () => {
  let dir: string;
  let env: Record<string, string>;
  let acled: string;
  let hxl: string;

  const run = async (args: string[]) => {
    const cli = runCli(args, env);
    const code = await cli.exited;
    return { code, stdout: cli.stdout(), stderr: cli.stderr() };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prevention-exchange-cli-'));
    const dataDir = join(dir, 'data');
    env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    acled = join(dir, 'acled.csv');
    hxl = join(dir, 'displacement.csv');
    await writeFile(acled, await acledFile());
    await writeFile(
      hxl,
      await text(
        generateSyntheticHxlDisplacement({
          seed: 22,
          countries: ['SSD'],
          // Months the demo's displacement table does not hold.
          from: '2030-01',
          to: '2030-06',
        }),
      ),
    );
    await copySeededDemo(dataDir);
  }, commandTimeout);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'inspects a file without writing, and refuses a file with no hashtag row as HXL',
    async () => {
      const found = await run(['import', '--inspect', hxl]);
      expect(found.code).toBe(0);
      const inspection = JSON.parse(found.stdout) as Record<string, unknown>;
      expect(inspection).toMatchObject({
        format: 'hxl',
        encoding: 'utf-8',
        delimiter: ',',
        hashtagRow: 2,
      });
      expect(inspection.rowCount).toBe(6 * 10);

      const refused = await run(['import', '--inspect', '--format', 'hxl', acled]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/hashtag row/i);
      expect((await run(['import', '--inspect', join(dir, 'missing.csv')])).stderr).toMatch(
        /no such file/,
      );
    },
    commandTimeout,
  );

  it(
    'imports nothing from a file with a bad row and names it, then imports the fixed file once',
    async () => {
      const good = await acledFile();
      const lines = good.split('\n');
      lines[5] = (lines[5] ?? '').replace(/^([^,]*),[^,]*,/, '$1,2025-02-30,');
      const bad = join(dir, 'bad.csv');
      await writeFile(bad, lines.join('\n'));
      const refused = await run(['import', '--format', 'acled', bad]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('1 of 300 rows have errors; nothing was imported.');
      expect(refused.stderr).toMatch(/error: line 6, event_date: /);

      const imported = await run(['import', acled]);
      expect(imported.code).toBe(0);
      expect(JSON.parse(imported.stdout)).toMatchObject({
        status: 'committed',
        added: 300,
        rowsInvalid: 0,
      });

      const again = await run(['import', acled]);
      expect(again.code).toBe(0);
      expect(again.stderr).toContain('This file was imported before');

      const exported = await run(['export', '--kind', 'signals', '--area', 'SDN']);
      expect(exported.code).toBe(0);
      const reading = await readAcled(
        (async function* () {
          yield Buffer.from(exported.stdout);
        })(),
      );
      let events = 0;
      for await (const row of reading.rows)
        if (row.ok && row.value.externalKey.startsWith('SDN77777')) events += 1;
      expect(events).toBe(300);
    },
    4 * commandTimeout,
  );

  it(
    'imports an HXL displacement file through the suggested mapping',
    async () => {
      const imported = await run(['import', hxl]);
      expect(imported.code).toBe(0);
      expect(imported.stderr).toContain('Using the suggested mapping');
      const summary = JSON.parse(imported.stdout) as { status: string; added: number };
      expect(summary.status).toBe('committed');
      expect(summary.added).toBeGreaterThan(60);
      const exported = await run([
        'export',
        '--kind',
        'observations',
        '--format',
        'hxl',
        '--area',
        'SSD',
        '--from',
        '2030-01',
      ]);
      expect(exported.stdout.split('\n')[1]).toContain('#indicator+code');
      expect(exported.stdout.trim().split('\n').length).toBe(summary.added + 2);
    },
    2 * commandTimeout,
  );

  it(
    'imports sub-national boundaries from GeoJSON, refusing a file with a bad feature whole',
    async () => {
      const fixture = await readFile(
        new URL('../../../packages/exchange/test/fixtures/sudan-admin1.geojson', import.meta.url),
        'utf8',
      );
      const bad = join(dir, 'bad.geojson');
      await writeFile(bad, fixture.replace('"ADM1_PCODE": "SD02"', '"ADM1_PCODE": "SD99"'));
      const refused = await run(['import', bad]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('1 of 3 rows have errors; nothing was imported.');
      expect(refused.stderr).toContain(
        'error: line 2, features[1].properties.ADM1_PCODE: Feature 1: SD99 is not an area of the platform.',
      );

      const good = join(dir, 'sudan.geojson');
      await writeFile(good, fixture);
      const found = await run(['import', '--inspect', good]);
      expect(JSON.parse(found.stdout)).toMatchObject({
        format: 'geojson',
        featureCount: 3,
        codeProperty: 'ADM1_PCODE',
      });
      const imported = await run(['import', '--code-property', 'adm1_pcode', good]);
      expect(imported.code).toBe(0);
      expect(JSON.parse(imported.stdout)).toMatchObject({
        status: 'committed',
        format: 'geojson',
        added: 3,
      });
    },
    3 * commandTimeout,
  );

  it(
    "recomputes every area's risk profiles from the stored observations",
    async () => {
      const recomputed = await run(['risk', 'recompute']);
      expect(recomputed.code).toBe(0);
      const summary = JSON.parse(recomputed.stdout) as Record<string, unknown>;
      expect(summary).toMatchObject({ status: 'done' });
      // Every country, and the demo's sub-national areas with observations.
      expect(summary['areas']).toBeGreaterThan(193);
      expect(summary['profiles']).toBeGreaterThan(0);
      // The warning rules ran over the recomputed profiles: the count is there, whatever it is.
      expect(summary['alerts']).toEqual(expect.any(Number));
      expect(recomputed.stderr).toMatch(/risk profiles: \d+ of \d+ areas/);

      const wrong = await run(['risk', 'frobnicate']);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toContain('Usage: prevention risk recompute');
    },
    2 * commandTimeout,
  );
});
