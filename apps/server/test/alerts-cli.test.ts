import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findUserByEmail, openDatabase } from '@prevention/db';
import { createTestSignal } from '@prevention/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-process.js';
import { copySeededDemo } from './seeded-demo.js';

// Each command is a process that compiles the sources with tsx: seconds each on a busy machine.
const commandTimeout = 120_000;

/** The month of the grave violation the tests record in Chad. */
const month = '2026-11';

describe('prevention alerts', () => {
  let dir: string;
  let env: Record<string, string>;

  const run = async (args: string[]) => {
    const cli = runCli(['alerts', ...args], env);
    const code = await cli.exited;
    return { code, stdout: cli.stdout(), stderr: cli.stderr() };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prevention-alerts-cli-'));
    const dataDir = join(dir, 'data');
    env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    await copySeededDemo(dataDir);
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const author = await findUserByEmail(database.db, 'team-lead@demo.example');
      if (!author) throw new Error('the demo lacks its team lead');
      // What the default rule `grave-violation` warns of: a verified violation of severity 5.
      await createTestSignal(database.db, author.id, {
        pillar: 'human-rights',
        kind: 'violation',
        areaCode: 'TCD',
        occurredOn: `${month}-12`,
        severity: 5,
        verification: 'verified',
        sensitivity: 'public',
      });
    } finally {
      await database.close();
    }
  }, commandTimeout);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'prints one JSON line per alert raised or updated, and nothing for a month already evaluated',
    async () => {
      const first = await run(['evaluate', '--country', 'tcd', '--month', month]);
      expect(first.code).toBe(0);
      const lines = first.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      for (const line of lines) {
        expect(Object.keys(line)).toEqual(['area', 'rule', 'level', 'period', 'action']);
        expect(line).toMatchObject({ period: month, action: 'raised' });
        expect(String(line.area)).toMatch(/^(TCD|TD\w+)$/);
      }
      expect(lines).toContainEqual({
        area: 'TCD',
        rule: 'grave-violation',
        level: 'urgent',
        period: month,
        action: 'raised',
      });
      expect(first.stderr).toContain(`alerts: ${lines.length} raised or updated`);

      const again = await run(['evaluate', '--country', 'TCD', '--month', month]);
      expect(again.code).toBe(0);
      expect(again.stdout).toBe('');
    },
    commandTimeout,
  );

  it(
    'refuses a malformed month or country, and an unknown action, with a message',
    async () => {
      const month = await run(['evaluate', '--month', '2026-13']);
      expect(month.code).toBe(1);
      expect(month.stderr).toContain('--month is a month such as 2026-03');
      const country = await run(['evaluate', '--country', 'ZZZ']);
      expect(country.code).toBe(1);
      expect(country.stderr).toContain('ZZZ is not a country');
      const unknown = await run(['frobnicate']);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('Usage: prevention alerts evaluate');
    },
    commandTimeout,
  );

  it(
    'prints the back-test of a rule beside the naive baseline',
    async () => {
      const printed = await run(['backtest', '--rule', 'violence-spike', '--from', '2024-01']);
      expect(printed.code).toBe(0);
      expect(printed.stdout).toContain('violence-spike');
      expect(printed.stdout).toMatch(/naive/i);
      const missing = await run(['backtest', '--rule', 'no-such-rule']);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('There is no rule "no-such-rule"');
    },
    commandTimeout,
  );
});
