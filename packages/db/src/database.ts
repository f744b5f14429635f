import type { CountryScope, Role, Sensitivity } from '@prevention/core';
import type { ColumnType, Generated, Insertable, Kysely, Selectable } from 'kysely';

/**
 * The database, table by table. Columns are snake_case as PostgreSQL prefers; repositories map
 * rows to the camelCase domain objects of the domain packages, so no row type leaks past them.
 */
export interface Database {
  area: AreaTable;
  organisation: OrganisationTable;
  seed_run: SeedRunTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  sign_in_attempt: SignInAttemptTable;
  signal: SignalTable;
  audit_entry: AuditEntryTable;
}

/**
 * A jsonb column: written as JSON text (the `pg` driver would turn a JS array into a PostgreSQL
 * array, not JSON), read back parsed.
 */
type Json<T> = ColumnType<T, string, string>;

/** A connection to the database, or a transaction on it: what every repository function takes first. */
export type DatabaseClient = Kysely<Database>;

/** Reference data: countries (ISO 3166-1 alpha-3) and sub-national units (P-codes). */
export interface AreaTable {
  code: string;
  kind: 'country' | 'subnational';
  name: string;
  parent_code: string | null;
  /** 0 for a country, 1 for a first-level unit (province, state …), and so on. */
  admin_level: number;
  alpha2: string | null;
  m49: string | null;
  un_status: 'member' | 'observer' | null;
  region_code: string;
  region_name: string;
  sub_region_code: string;
  sub_region_name: string;
  intermediate_region_code: string | null;
  intermediate_region_name: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
export type AreaRow = Selectable<AreaTable>;
export type NewAreaRow = Insertable<AreaTable>;

export interface OrganisationTable {
  id: string;
  name: string;
  acronym: string | null;
  kind:
    | 'un-entity'
    | 'government'
    | 'regional-organisation'
    | 'international-financial-institution'
    | 'civil-society'
    | 'academia'
    | 'private-sector';
  country_code: string | null;
  created_at: Generated<Date>;
}
export type OrganisationRow = Selectable<OrganisationTable>;
export type NewOrganisationRow = Insertable<OrganisationTable>;

/** Which deterministic data sets (demo data) have been loaded, so a restart does not reload them. */
export interface SeedRunTable {
  name: string;
  seed: number;
  applied_at: Generated<Date>;
}

/** A user: who they are, what they may do, where, and how much they may know; and credentials. */
export interface AppUserTable {
  id: string;
  /** Lower-case; the sign-in name. */
  email: string;
  display_name: string;
  roles: Json<Role[]>;
  scope: Json<CountryScope>;
  clearance: Sensitivity;
  /** An Argon2id PHC string. */
  password_hash: string;
  password_changed_at: Date;
  /** The TOTP secret, encrypted with the server's key; null when no second factor is enrolled. */
  totp_secret: string | null;
  /** The last TOTP time step accepted, so a code cannot be replayed. */
  totp_last_step: number | null;
  disabled_at: Date | null;
  is_demo: Generated<boolean>;
  created_at: Date;
  updated_at: Date;
}
export type AppUserRow = Selectable<AppUserTable>;

/**
 * A session. The token itself is never stored, only its SHA-256. A session in stage
 * `second-factor` has passed the password and may only complete the TOTP step.
 */
export interface UserSessionTable {
  id: string;
  token_hash: string;
  user_id: string;
  stage: 'second-factor' | 'active';
  /** A TOTP secret being enrolled in this session, encrypted; moved to the user once confirmed. */
  pending_totp_secret: string | null;
  /** Whether the second factor was checked when this session began. */
  second_factor_verified: Generated<boolean>;
  created_at: Date;
  last_seen_at: Date;
  /** The absolute end of the session, whatever its activity. */
  expires_at: Date;
  ended_at: Date | null;
  end_reason: string | null;
}
export type UserSessionRow = Selectable<UserSessionTable>;

/** One call of a sign-in procedure (password or second factor), for throttling. */
export interface SignInAttemptTable {
  id: Generated<number>;
  /** The lower-cased account name that was tried (it need not exist). */
  account: string;
  /** The client address the attempt came from. */
  address: string;
  attempted_at: Date;
  outcome: 'pending' | 'succeeded' | 'failed' | 'throttled';
}

export interface SignalTable {
  id: string;
  pillar: string;
  kind: string;
  area_code: string;
  /** The country of the area, denormalised so that scoping a query is one indexed comparison. */
  country_code: string;
  /** `YYYY-MM-DD`. */
  occurred_on: string;
  title: string;
  severity: number;
  verification: 'unverified' | 'reported' | 'corroborated' | 'verified';
  source: string;
  sensitivity: Sensitivity;
  field_sensitivity: Json<Record<string, Sensitivity>>;
  payload: Json<Record<string, unknown>>;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}
export type SignalRow = Selectable<SignalTable>;

/** The append-only, hash-chained audit log (see audit/audit-chain.ts). */
export interface AuditEntryTable {
  seq: number;
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_roles: Json<string[]>;
  action: string;
  resource_type: string;
  resource_id: string | null;
  outcome: 'success' | 'denied' | 'failure';
  request_id: string | null;
  changes: Json<unknown[]>;
  prev_hash: string;
  hash: string;
}
export type AuditEntryRow = Selectable<AuditEntryTable>;
