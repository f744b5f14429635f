import {
  demoPassword,
  ensureDefaultAlertRules,
  demoUsers,
  ensureDemoUsers,
  findDemoPeople,
  loadDemoAssessments,
  SessionCache,
  type SecuritySettings,
} from '@prevention/api';
import {
  countDemoUsers,
  countUsers,
  generateDemoData,
  loadDemoData,
  loadDemoPlans,
  migrateToLatest,
  openDatabase,
  syncReferenceData,
  type DatabaseHandle,
  type DemoData,
} from '@prevention/db';
import type { Logger } from 'pino';
import { loadDemoImports } from './demo-imports.js';
import type { Config } from './env.js';

export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return config.DATABASE_URL
    ? openDatabase({
        kind: 'postgres',
        url: config.DATABASE_URL,
        poolSize: config.DATABASE_POOL_SIZE,
      })
    : openDatabase({ kind: 'pglite', dataDir: config.DATA_DIR });
}

/** Migrations and reference data: what every start and the `migrate` command do. */
export async function migrate(database: DatabaseHandle, log: Logger): Promise<void> {
  const applied = await migrateToLatest(database.db);
  if (applied.length > 0) log.info({ applied }, `applied ${applied.length} migration(s)`);
  const { countries } = await syncReferenceData(database.db);
  log.debug({ countries }, 'reference data up to date');
  await storeDefaultAlertRules(database, log);
}

/**
 * The shipped early-warning rules, stored once there is an administrator to save them in the
 * name of (see `ensureDefaultAlertRules`): an administrator's changes are kept after.
 */
export async function storeDefaultAlertRules(database: DatabaseHandle, log: Logger): Promise<void> {
  const rules = await ensureDefaultAlertRules({
    db: database.db,
    now: () => new Date(),
    requestId: 'prepare-database',
  });
  if (rules > 0) log.info({ rules }, `stored the ${rules} default early-warning rules`);
}

/** The demo data set and the demo users, loaded once; a later run finds them and leaves them. */
export async function seedDemoData(
  database: DatabaseHandle,
  security: SecuritySettings,
  log: Logger,
  dataDir: string,
): Promise<void> {
  const data = generateDemoData();
  const result = await loadDemoData(database.db, data);
  if (result.loaded) {
    log.info(
      { areas: result.areas, organisations: result.organisations },
      'loaded the demo data set',
    );
  } else {
    log.info('the demo data set is already loaded');
  }
  const created = await ensureDemoUsers({
    db: database.db,
    security,
    now: () => new Date(),
    requestId: 'seed',
  });
  if (created.length > 0) log.info({ users: created }, `created ${created.length} demo users`);
  await storeDefaultAlertRules(database, log);
  const assessments = await loadDemoAssessments(
    {
      db: database.db,
      databaseKind: database.kind,
      version: 'seed',
      mode: 'demo',
      security,
      now: () => new Date(),
      // The replay reads no sessions; this cache stays empty and dies with the seeding.
      sessionCache: new SessionCache(),
    },
    data,
  );
  if (assessments.loaded) {
    const { problems, ...counts } = assessments;
    log.info(counts, `loaded ${counts.assessments} demo assessments`);
    if (problems.length > 0) log.warn({ problems }, 'some demo assessments were not fully loaded');
  }
  await seedDemoPlans(database, data, log);
  await loadDemoImports(
    database,
    { now: () => new Date(), requestId: 'seed', security },
    dataDir,
    log,
  );
  log.info(
    { users: demoUsers.map((user) => user.email), password: demoPassword },
    `demo mode: sign in as any demo user (e.g. admin@demo.example) with the password "${demoPassword}"; ` +
      'users with confidential clearance also enter the code the sign-in page shows',
  );
}

/** The demo's plans, decision logs and mediation engagements, which name the demo users. */
async function seedDemoPlans(database: DatabaseHandle, data: DemoData, log: Logger): Promise<void> {
  const people = await findDemoPeople(database);
  if (!people) {
    log.warn(
      'a demo user the demo plans name is missing or disabled: the demo plans were not loaded',
    );
    return;
  }
  const plans = await loadDemoPlans(database.db, data, people);
  if (!plans.loaded) return;
  const { loaded: _loaded, skipped, ...counts } = plans;
  log.info(counts, `loaded ${counts.plans} demo plans and ${counts.decisions} decisions`);
  if (skipped.length > 0)
    log.warn({ skipped }, 'some countries already had a plan for the demo cycle: theirs was kept');
}

export class ProductionRefusedError extends Error {
  override readonly name = 'ProductionRefusedError';
}

/**
 * Production mode does not start on a database that has demo users: their password is published.
 * With no user at all it starts, and says how to create the first administrator.
 */
export async function checkProductionDatabase(
  database: DatabaseHandle,
  log: Logger,
): Promise<void> {
  const demo = await countDemoUsers(database.db);
  if (demo > 0) {
    throw new ProductionRefusedError(
      `Production mode refuses to start: the database holds ${demo} demo user(s), whose password is ` +
        'published. Use a database that demo mode never ran on (another DATA_DIR or DATABASE_URL), ' +
        'then create the first administrator with `prevention create-admin`.',
    );
  }
  if ((await countUsers(database.db)) === 0) {
    log.warn(
      'there are no users yet: create the first administrator with `prevention create-admin <email> <name>`',
    );
  }
}
