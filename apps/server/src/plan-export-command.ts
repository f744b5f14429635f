import { parseArgs } from 'node:util';
import { exportPlan, planExportFormats, type PlanSelection } from '@prevention/api';
import { CountryCode, Id, isAppError } from '@prevention/core';
import type { DatabaseHandle } from '@prevention/db';
import { CommandError } from './admin-commands.js';
import type { Config } from './env.js';
import { actingUser, type CommandOutput } from './exchange-commands.js';
import { iatiReportingOrgOf } from './iati-reporting-org.js';
import { securitySettings } from './security-settings.js';

const planExportOptions = {
  country: { type: 'string' },
  plan: { type: 'string' },
  format: { type: 'string' },
  as: { type: 'string' },
} as const;

/**
 * `prevention export plan --country SDN [--plan ID] [--format iati|csv] [--as EMAIL]`: a
 * country's plan — its active one, else its newest, or the one named — written to standard
 * output, as the user reads it (`--as`, else the only administrator, who reads published plans
 * as every reader outside the plan's roles does). Every refusal is one line, never a stack trace.
 */
export async function exportPlanCommand(
  database: DatabaseHandle,
  config: Config,
  args: string[],
  io: CommandOutput & { write: (chunk: string) => boolean | Promise<void> },
): Promise<number> {
  const { values, positionals } = parseOptions(args);
  if (positionals.length > 0)
    throw new CommandError('export plan takes no file: redirect its output (> plan.xml).');
  const format = values.format ?? 'iati';
  if (!(planExportFormats as readonly string[]).includes(format))
    throw new CommandError(`--format must be iati or csv, not "${format}".`);
  const reportingOrg = iatiReportingOrgOf(config);
  if (format === 'iati' && !reportingOrg)
    throw new CommandError(
      'An IATI file names its publisher: set IATI_REPORTING_ORG_REF and IATI_REPORTING_ORG_NAME.',
    );
  const selection = planSelection(values.country, values.plan);
  const actor = await actingUser(database, values.as);
  const ctx = {
    db: database.db,
    now: () => new Date(),
    requestId: 'cli:export-plan',
    security: securitySettings(config),
  };
  let exported;
  try {
    exported = await exportPlan(ctx, actor, {
      plan: selection,
      format: format as (typeof planExportFormats)[number],
      reportingOrg,
    });
  } catch (error) {
    if (!isAppError(error) || error.code === 'INTERNAL_SERVER_ERROR') throw error;
    if (error.code !== 'NOT_FOUND') throw new CommandError(error.message);
    // Not found may mean not readable by this user: say who read, and how to read as another.
    const reader = values.as ?? 'the only administrator, who reads published plans';
    throw new CommandError(`${error.message} (Read as ${reader}; another reader: --as EMAIL.)`);
  }
  for (const chunk of exported.chunks) await io.write(chunk);
  return 0;
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({ args, options: planExportOptions, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CommandError(error instanceof Error ? error.message : String(error));
  }
}

/** `--plan ID`, or `--country CODE`'s current plan; given both, the plan must be the country's. */
function planSelection(country: string | undefined, plan: string | undefined): PlanSelection {
  const countryCode = country?.toUpperCase();
  if (countryCode !== undefined && !CountryCode.safeParse(countryCode).success)
    throw new CommandError(
      `${country} is not a country: --country takes the ISO 3166-1 alpha-3 code of a UN ` +
        'member or observer state, such as SDN.',
    );
  if (plan === undefined) {
    if (countryCode === undefined)
      throw new CommandError('Name the country (--country SDN) or the plan (--plan ID) to export.');
    return { countryCode };
  }
  if (!Id.safeParse(plan).success)
    throw new CommandError(`--plan takes a plan's id, not "${plan}".`);
  return { planId: plan, ...(countryCode ? { countryCode } : {}) };
}
