import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import type { Database } from './database.js';
import * as areasAndOrganisations from './migrations/2026_11_26_001_areas_and_organisations.js';
import * as accessAndSignals from './migrations/2026_12_01_001_access_and_signals.js';
import * as jointAssessments from './migrations/2026_12_02_001_joint_assessments.js';
import * as auditChainHead from './migrations/2026_12_03_001_audit_chain_head.js';
import * as importsAndObservations from './migrations/2026_12_04_001_imports_and_observations.js';
import * as riskProfiles from './migrations/2026_12_05_001_risk_profiles.js';
import * as riskProfileText from './migrations/2026_12_06_001_risk_profile_text.js';
import * as areaBoundaries from './migrations/2026_12_07_001_area_boundaries.js';
import * as preventionPlans from './migrations/2026_12_08_001_prevention_plans.js';
import * as earlyWarning from './migrations/2026_12_09_001_early_warning.js';
import * as observationAreaIndex from './migrations/2026_12_10_001_observation_area_index.js';

/**
 * Every migration, by its date-prefixed name. They are imported, not read from a folder, so the
 * list survives bundling and is checked by the compiler. Migrations only move forward.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_26_001_areas_and_organisations': areasAndOrganisations,
  '2026_12_01_001_access_and_signals': accessAndSignals,
  '2026_12_02_001_joint_assessments': jointAssessments,
  '2026_12_03_001_audit_chain_head': auditChainHead,
  '2026_12_04_001_imports_and_observations': importsAndObservations,
  '2026_12_05_001_risk_profiles': riskProfiles,
  '2026_12_06_001_risk_profile_text': riskProfileText,
  '2026_12_07_001_area_boundaries': areaBoundaries,
  '2026_12_08_001_prevention_plans': preventionPlans,
  '2026_12_09_001_early_warning': earlyWarning,
  '2026_12_10_001_observation_area_index': observationAreaIndex,
};

export interface MigrateOptions {
  /** The schema that holds Kysely's own bookkeeping tables (tests give each run its own). */
  schema?: string;
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/** Brings the database up to the latest migration; returns the names of those applied now. */
export async function migrateToLatest(
  db: Kysely<Database>,
  options: MigrateOptions = {},
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`Migration ${failed} failed`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
