#!/usr/bin/env node
import { DataDirInUseError, MigrationError } from '@prevention/db';
import pino from 'pino';
import { ConfigError, loadConfig, type Config } from './env.js';
import { migrate, openConfiguredDatabase, seedDemoData } from './prepare-database.js';
import { runServer } from './run-server.js';

const usage = `Usage: prevention <command>

Commands:
  start     migrate the database, load the demo data in demo mode, and serve the app and API
  migrate   bring the database schema and reference data up to date, then exit
  seed      migrate, then load the deterministic demo data set (once), then exit
  help      show this text

Configuration comes from environment variables; see the README's configuration table.
`;

async function main(argv: string[]): Promise<number> {
  const [command = 'start', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(usage);
    return 0;
  }
  if (rest.length > 0 || !['start', 'migrate', 'seed'].includes(command)) {
    process.stderr.write(`Unknown command or argument: ${argv.join(' ')}\n\n${usage}`);
    return 2;
  }
  const config = loadConfig();
  if (command === 'start') return start(config);
  return runOnce(config, command === 'seed');
}

async function start(config: Config): Promise<number> {
  const server = await runServer(config);
  if (config.APP_MODE === 'demo') {
    process.stderr.write(
      `\n  Integrated Prevention Platform (demo mode) is running at ${server.url}\n` +
        `  The demo data set is loaded. Press Ctrl-C to stop.\n\n`,
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
  });
}

async function runOnce(config: Config, seed: boolean): Promise<number> {
  const log = pino({ level: config.LOG_LEVEL });
  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database, log);
    if (seed) await seedDemoData(database, log);
    return 0;
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
    if (error instanceof ConfigError || error instanceof DataDirInUseError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`prevention: ${describe(error)}\n`);
      if (error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    }
    process.exit(1);
  },
);
