import { parseArgs } from 'node:util';
import { backtestRules, evaluateAlerts, type SecuritySettings } from '@prevention/api';
import { CountryCode, Month } from '@prevention/core';
import { findAlertRule, listAlertRules, type DatabaseHandle } from '@prevention/db';
import { formatBacktest } from '@prevention/early-warning';
import { CommandError } from './admin-commands.js';
import type { CommandOutput } from './exchange-commands.js';

const usage =
  'Usage: prevention alerts evaluate [--country XXX] [--month YYYY-MM]\n' +
  '       prevention alerts backtest [--rule ID] [--from YYYY-MM] [--to YYYY-MM]';

const evaluateOptions = { country: { type: 'string' }, month: { type: 'string' } } as const;
const backtestOptions = {
  rule: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
} as const;

/**
 * `prevention alerts evaluate`: the evaluation the background job runs, in this process, with
 * one JSON line per alert raised or updated. `prevention alerts backtest`: the stored rules (or
 * one) over the stored history, each beside the naive baseline, as a table.
 */
export async function alertsCommand(
  database: DatabaseHandle,
  security: SecuritySettings,
  args: string[],
  io: CommandOutput,
): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'evaluate') return evaluate(database, security, rest, io);
  if (action === 'backtest') return backtestCommand(database, rest, io);
  throw new CommandError(usage);
}

async function evaluate(
  database: DatabaseHandle,
  security: SecuritySettings,
  args: string[],
  io: CommandOutput,
): Promise<number> {
  const { values } = parse(args, evaluateOptions);
  const countryCode = values.country?.toUpperCase();
  if (countryCode !== undefined && !CountryCode.safeParse(countryCode).success)
    throw new CommandError(
      `${values.country} is not a country: --country takes an ISO 3166-1 alpha-3 code, such as SDN.`,
    );
  const month = monthOption('--month', values.month);
  const evaluated = await evaluateAlerts(
    { db: database.db, now: () => new Date(), requestId: 'cli:alerts-evaluate', security },
    { ...(countryCode ? { countryCode } : {}), ...(month ? { month } : {}) },
  );
  for (const alert of evaluated)
    io.out(
      `${JSON.stringify({
        area: alert.area,
        rule: alert.rule,
        level: alert.level,
        period: alert.period,
        action: alert.action,
      })}\n`,
    );
  io.err(`alerts: ${evaluated.length} raised or updated\n`);
  return 0;
}

async function backtestCommand(
  database: DatabaseHandle,
  args: string[],
  io: CommandOutput,
): Promise<number> {
  const { values } = parse(args, backtestOptions);
  const from = monthOption('--from', values.from);
  const to = monthOption('--to', values.to);
  const rules = values.rule
    ? [await findAlertRule(database.db, values.rule)]
    : await listAlertRules(database.db, {});
  const found = rules.filter((rule) => rule !== undefined);
  if (found.length === 0)
    throw new CommandError(
      values.rule ? `There is no rule "${values.rule}".` : 'There are no rules to back-test.',
    );
  const report = await backtestRules({ db: database.db, now: () => new Date() }, null, found, {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  });
  io.out(`${formatBacktest(report)}\n`);
  return 0;
}

function monthOption(name: string, value: string | undefined): Month | undefined {
  if (value === undefined) return undefined;
  if (!Month.safeParse(value).success)
    throw new CommandError(`${name} is a month such as 2026-03, not "${value}".`);
  return value;
}

function parse<T extends typeof evaluateOptions | typeof backtestOptions>(
  args: string[],
  options: T,
) {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: false, strict: true });
    return parsed;
  } catch (error) {
    throw new CommandError(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
}
