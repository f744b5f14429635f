import { fileURLToPath } from 'node:url';
import { IatiOrganisationRef, IatiOrganisationType } from '@prevention/planning';
import { z } from 'zod';

/**
 * The server's configuration: the only place that reads `process.env`. Every variable is
 * validated once at start; a bad one stops the server with a message naming it.
 */
const port = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

/** The APP_SECRET of demo mode: published, so production refuses it. */
export const demoAppSecret = 'demo-mode-only-secret-published-in-the-readme';

/** `TRUST_PROXY`: whom to believe about the client's address and protocol (X-Forwarded-*). */
const trustProxy = z.string().transform((value, ctx): boolean | string => {
  const text = value.trim();
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^[0-9a-fA-F.:/, ]+$/.test(text) && /[.:]/.test(text)) return text;
  ctx.addIssue({
    code: 'custom',
    message: "must be 'false', 'true' or a comma-separated list of proxy addresses (CIDR allowed)",
  });
  return z.NEVER;
});

const EnvSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1, 'must not be empty').default('localhost'),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  APP_MODE: z
    .enum(['demo', 'production'], { error: "must be 'demo' or 'production'" })
    .default('demo'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(1024 * 1024),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  WEB_ROOT: z
    .string()
    .min(1)
    .default(fileURLToPath(new URL('../../web/dist', import.meta.url))),
  APP_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 48`)')
    .default(demoAppSecret),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  TRUST_PROXY: trustProxy.default(false),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).max(1_000_000).default(3000),
  DEMO_WORLD_HISTORY: z
    .enum(['true', 'false'], { error: "must be 'true' or 'false'" })
    .transform((value) => value === 'true')
    .default(true),
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 ** 3)
    .default(2 * 1024 ** 3),
  // Who publishes the IATI export of plans (see iati-reporting-org.ts); both or neither.
  IATI_REPORTING_ORG_REF: IatiOrganisationRef.optional(),
  IATI_REPORTING_ORG_NAME: z.string().max(200, 'must be at most 200 characters').optional(),
  IATI_REPORTING_ORG_TYPE: IatiOrganisationType.default('40'),
});

export type Config = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the configuration from `env` (the process environment unless given). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable counts as unset, as in most shells' `VAR= command`.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = EnvSchema.safeParse(present);
  if (result.success) {
    if (result.data.APP_MODE === 'production' && result.data.APP_SECRET === demoAppSecret) {
      return failWith([
        '  APP_SECRET must be set to a secret of your own in production mode (the default is published)',
      ]);
    }
    if (
      (result.data.IATI_REPORTING_ORG_REF === undefined) !==
      (result.data.IATI_REPORTING_ORG_NAME === undefined)
    ) {
      return failWith([
        '  IATI_REPORTING_ORG_REF and IATI_REPORTING_ORG_NAME must be set together, or neither',
      ]);
    }
    return result.data;
  }
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'environment');
    const value = present[name];
    const shown =
      name === 'DATABASE_URL' || name === 'APP_SECRET' || value === undefined
        ? ''
        : ` (got ${JSON.stringify(value)})`;
    return `  ${name} ${issue.message}${shown}`;
  });
  return failWith(problems);
}

function failWith(problems: string[]): never {
  throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
}
