#!/usr/bin/env node
import { once } from 'node:events';
import { demoPassword } from '@prevention/api';
import { DataDirInUseError, MigrationError, type DatabaseHandle } from '@prevention/db';
import pino from 'pino';
import { CommandError, createAdmin, verifyAudit } from './admin-commands.js';
import { backupCommand, restoreCommand } from './backup/backup-commands.js';
import { exportCommand, importCommand, inspectCommand } from './exchange-commands.js';
import { exportPlanCommand } from './plan-export-command.js';
import { ConfigError, loadConfig, type Config } from './env.js';
import {
  migrate,
  openConfiguredDatabase,
  ProductionRefusedError,
  seedDemoData,
  storeDefaultAlertRules,
} from './prepare-database.js';
import { riskCommand } from './risk-commands.js';
import { runServer } from './run-server.js';
import { securitySettings } from './security-settings.js';

const usage = `Usage: prevention <command>

Commands:
  start                        migrate the database, load the demo data and demo users in demo
                               mode, and serve the app and API
  migrate                      bring the database schema and reference data up to date, then exit
  seed                         migrate, then load the demo data set and demo users (once), then exit
  create-admin <email> <name>  migrate, then create an administrator; the password is asked for,
                               or read from standard input when piped
  verify-audit                 recompute the audit log's hash chain and name the first entry that
                               does not match (exit code 1)
  backup <dir>                 write a consistent snapshot of the embedded database to the new
                               directory <dir>, asking the running server for it if one holds
                               DATA_DIR (PostgreSQL: use pg_dump)
  restore <dir>                replace the embedded database with the backup in <dir>, after
                               checking it; refused while a server holds DATA_DIR; the replaced
                               database is renamed aside, not deleted (PostgreSQL: use pg_restore)
  import [options] <file>      import an ACLED export (events), an HXL-tagged CSV or a plain CSV
                               of indicator values (observations), or a GeoJSON file of
                               sub-national boundaries, through the same path as an upload:
                               progress on standard error, a JSON summary on standard output;
                               exit 1 with every bad row or feature, and nothing committed
      --format acled|hxl|csv|geojson
                               the file's format (found from its start and columns if not given)
      --code-property NAME     GeoJSON: the property holding P-codes (else ADM1_PCODE … found)
      --mode valid-rows        commit the valid rows and list the ones left out
      --sensitivity LEVEL      the records' sensitivity (public by default)
      --mapping FILE           an HXL mapping as JSON (else the one saved for this shape, or
                               the suggested one when it is complete)
      --as EMAIL               whose import it is (default: the only administrator)
      --again                  import a file whose exact bytes were imported before
  import --inspect <file>      print what the file holds (format, encoding, delimiter, the
                               hashtag row as hashtagRow, columns, row count) as JSON; writes
                               nothing; exit 1 on a file it cannot read
  export [options]             write records the user may see to standard output (> file.csv)
      --kind signals|observations
      --format acled|csv|hxl   signals as ACLED CSV; observations as csv or hxl
      --area CODE --pillar ID --indicator CODE --from YYYY-MM --to YYYY-MM --as EMAIL
  export plan [options]        write a country's prevention plan to standard output (> plan.xml):
                               its active plan, else its newest, as the user may read it
      --country CODE           the country (ISO 3166-1 alpha-3, e.g. SDN)
      --plan ID                this plan instead (of --country, if given too)
      --format iati|csv        IATI 2.03 activity XML (the default) or the plan's CSV
      --as EMAIL               whose export it is (default: the only administrator, who reads
                               published plans)
  risk recompute               compute every area's risk profiles under every model version
                               from the stored observations: progress on standard error, a
                               JSON summary on standard output
  help                         show this text

Configuration comes from environment variables; see the README's configuration table.
`;

const argumentCounts: Record<string, number> = {
  start: 0,
  migrate: 0,
  seed: 0,
  'create-admin': 2,
  'verify-audit': 0,
  backup: 1,
  restore: 1,
};

async function main(argv: string[]): Promise<number> {
  const [command = 'start', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(usage);
    return 0;
  }
  if (command === 'import' || command === 'export') return exchange(command, rest);
  if (command === 'risk')
    return withDatabase(loadConfig(), true, (database) =>
      riskCommand(database, rest, {
        out: (text) => void process.stdout.write(text),
        err: (text) => void process.stderr.write(text),
      }),
    );
  if (argumentCounts[command] !== rest.length) {
    process.stderr.write(`Unknown command or wrong arguments: ${argv.join(' ')}\n\n${usage}`);
    return 2;
  }
  const config = loadConfig();
  switch (command) {
    case 'start':
      return start(config);
    case 'create-admin':
      return withDatabase(config, true, async (database, log) => {
        const [email = '', name = ''] = rest;
        process.stdout.write(await createAdmin(database, config, email, name));
        // The first administrator is who the shipped warning rules are saved in the name of.
        await storeDefaultAlertRules(database, log);
        return 0;
      });
    case 'verify-audit':
      return withDatabase(config, false, (database) =>
        verifyAudit(database, {
          out: (text) => process.stdout.write(text),
          err: (text) => process.stderr.write(text),
        }),
      );
    case 'backup':
    case 'restore': {
      const [dir = ''] = rest;
      const run = command === 'backup' ? backupCommand : restoreCommand;
      process.stdout.write(await run(config, dir));
      return 0;
    }
    default:
      return withDatabase(config, true, async (database, log) => {
        if (command === 'seed')
          await seedDemoData(database, securitySettings(config), log, config.DATA_DIR);
        return 0;
      });
  }
}

async function exchange(command: 'import' | 'export', args: string[]): Promise<number> {
  const io = {
    out: (text: string) => void process.stdout.write(text),
    err: (text: string) => void process.stderr.write(text),
  };
  if (command === 'import' && args.includes('--inspect')) return inspectCommand(args, io);
  const config = loadConfig();
  // A reader that goes away (`… | head`) ends the export with a message, not a stack trace.
  let outputClosed = false;
  process.stdout.on('error', () => {
    outputClosed = true;
  });
  // Waits for the pipe to drain, so memory stays flat whatever the export's size.
  const output = { ...io, write: (chunk: string) => writeOut(chunk, () => outputClosed) };
  return withDatabase(config, true, (database) => {
    if (command === 'import') return importCommand(database, config, args, io);
    if (args[0] === 'plan') return exportPlanCommand(database, config, args.slice(1), output);
    return exportCommand(database, config, args, output);
  });
}

/** Writes to standard output, waiting for it to drain; a closed output ends the command. */
async function writeOut(chunk: string, closed: () => boolean): Promise<void> {
  const gone = () => new CommandError('The output was closed before the export ended.');
  if (closed()) throw gone();
  let flushed: boolean;
  try {
    flushed = process.stdout.write(chunk);
  } catch {
    throw gone();
  }
  // `once` rejects when the stream errs (EPIPE): that is the output closing, checked below.
  if (!flushed)
    await Promise.race([once(process.stdout, 'drain'), once(process.stdout, 'close')]).catch(
      () => undefined,
    );
  if (closed()) throw gone();
}

async function start(config: Config): Promise<number> {
  // A signal while the server starts (a demo's first start seeds for a while, and queues its
  // world history after the ready line) waits until it can stop cleanly: Node's default would
  // end the process with the database open. A second one stops at once, as later.
  const early: NodeJS.Signals[] = [];
  const keep = (signal: NodeJS.Signals) => {
    early.push(signal);
    if (early.length > 1) {
      process.stderr.write(`Received ${signal} again: stopping at once.\n`);
      process.exit(130);
    }
    process.stderr.write(`Received ${signal}: stopping once the server has started.\n`);
  };
  process.on('SIGINT', keep);
  process.on('SIGTERM', keep);
  let server: Awaited<ReturnType<typeof runServer>>;
  try {
    server = await runServer(config);
  } finally {
    process.off('SIGINT', keep);
    process.off('SIGTERM', keep);
  }
  if (config.APP_MODE === 'demo') {
    process.stderr.write(
      `\n  Integrated Prevention Platform (demo mode) is running at ${server.url}\n` +
        `  The demo data set is loaded. Sign in as admin@demo.example, hq-planner@demo.example,\n` +
        `  field-officer@demo.example, team-lead@demo.example, reviewer@demo.example or\n` +
        `  partner@demo.example with the password "${demoPassword}"; accounts with confidential\n` +
        `  clearance also enter the code shown on the sign-in page. Press Ctrl-C to stop.\n\n`,
    );
  }
  return new Promise<number>((resolve) => {
    let signals = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      signals += 1;
      if (signals > 1) {
        process.stderr.write(`Received ${signal} again: stopping at once.\n`);
        resolve(130);
        return;
      }
      const timer = setTimeout(() => {
        process.stderr.write(
          `Shutdown took longer than ${config.SHUTDOWN_TIMEOUT_MS} ms: stopping at once.\n`,
        );
        resolve(1);
      }, config.SHUTDOWN_TIMEOUT_MS);
      timer.unref();
      server.shutdown(signal).then(
        () => resolve(0),
        (error: unknown) => {
          process.stderr.write(`Shutdown failed: ${describe(error)}\n`);
          resolve(1);
        },
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    if (early[0]) onSignal(early[0]);
  });
}

/** Runs a one-off command on the database (migrated first, unless only reading), then closes it. */
async function withDatabase(
  config: Config,
  migrateFirst: boolean,
  run: (database: DatabaseHandle, log: pino.Logger) => Promise<number>,
): Promise<number> {
  const log = pino({ level: config.LOG_LEVEL });
  const database = await openConfiguredDatabase(config);
  try {
    if (migrateFirst) await migrate(database, log);
    return await run(database, log);
  } finally {
    await database.close();
  }
}

function describe(error: unknown): string {
  if (error instanceof MigrationError) return `${error.message}: ${describe(error.cause)}`;
  return error instanceof Error ? error.message : String(error);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (
      error instanceof ConfigError ||
      error instanceof DataDirInUseError ||
      error instanceof CommandError ||
      error instanceof ProductionRefusedError
    ) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`prevention: ${describe(error)}\n`);
      if (error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    }
    process.exit(1);
  },
);
