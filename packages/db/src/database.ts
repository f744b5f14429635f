import type {
  AssessmentContent,
  AssessmentStatus,
  ReviewComments,
  RevisionAction,
} from '@prevention/assessment';
import type { CountryScope, Role, Sensitivity } from '@prevention/core';
import type {
  ActivityStatus,
  DecisionStatus,
  LoggedDecision,
  PlanContent,
  PlanStatus,
  RagRating,
} from '@prevention/planning';
import type {
  AlertLevel,
  AlertOutcome,
  AlertResponseLinks,
  AlertRule,
  AlertStatus,
  Evidence,
} from '@prevention/early-warning';
import type { AlertEventAction } from './alerts/alert-event.js';
import type { ColumnType, Generated, Insertable, Kysely, Selectable } from 'kysely';

/**
 * The database, table by table. Columns are snake_case as PostgreSQL prefers; repositories map
 * rows to the camelCase domain objects of the domain packages, so no row type leaks past them.
 */
export interface Database {
  area: AreaTable;
  area_boundary: AreaBoundaryTable;
  organisation: OrganisationTable;
  seed_run: SeedRunTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  sign_in_attempt: SignInAttemptTable;
  signal: SignalTable;
  audit_entry: AuditEntryTable;
  audit_chain_head: AuditChainHeadTable;
  assessment: AssessmentTable;
  assessment_revision: AssessmentRevisionTable;
  assessment_conflict: AssessmentConflictTable;
  assessment_sync_receipt: AssessmentSyncReceiptTable;
  import_batch: ImportBatchTable;
  import_row_error: ImportRowErrorTable;
  hxl_mapping: HxlMappingTable;
  observation: ObservationTable;
  risk_model_version: RiskModelVersionTable;
  risk_profile: RiskProfileTable;
  risk_run: RiskRunTable;
  plan: PlanTable;
  plan_revision: PlanRevisionTable;
  plan_progress_report: PlanProgressReportTable;
  logged_decision: LoggedDecisionTable;
  alert_rule: AlertRuleTable;
  alert: AlertTable;
  alert_event: AlertEventTable;
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

/**
 * The outline of a sub-national area, imported from GeoJSON and simplified: one visible row per
 * area (the newest committed batch's), earlier ones superseded.
 */
export interface AreaBoundaryTable {
  id: string;
  area_code: string;
  /** The country of the area, denormalised so that scoping a query is one indexed comparison. */
  country_code: string;
  /** A GeoJSON Polygon or MultiPolygon, as JSON text. */
  geometry: string;
  points: number;
  /** Positions in the file, before simplification. */
  source_points: number;
  name_in_source: string | null;
  import_batch_id: string | null;
  source_row: number | null;
  replaces: string | null;
  superseded_by: string | null;
  created_by: string;
  created_at: Date;
}
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
  /** Provenance of an imported signal: its batch and the line it came from. */
  import_batch_id: ColumnType<string | null, string | null | undefined, never>;
  source_row: ColumnType<number | null, number | null | undefined, never>;
  /** The source's own key (ACLED's `event_id_cnty`), by which a re-import updates. */
  external_id: ColumnType<string | null, string | null | undefined, never>;
  content_hash: ColumnType<string | null, string | null | undefined, never>;
  /** The signal this version replaces once its batch commits. */
  replaces: ColumnType<string | null, string | null | undefined, never>;
  /** The committed batch that replaced this version; a superseded row is not read. */
  superseded_by: ColumnType<string | null, string | null | undefined, string | null>;
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

/** The newest entry's position and hash, in the one row appends read and lock. */
export interface AuditChainHeadTable {
  only_row: Generated<boolean>;
  seq: number;
  hash: string;
}

/** The current state of a joint assessment; lists read the columns derived from its content. */
export interface AssessmentTable {
  id: string;
  area_code: string;
  /** The country of the area, denormalised so that scoping a query is one indexed comparison. */
  country_code: string;
  /** `YYYY-MM`. */
  period: string;
  title: string;
  status: AssessmentStatus;
  revision: number;
  sensitivity: Sensitivity;
  content: Json<AssessmentContent>;
  pillars: Json<string[]>;
  organisations: Json<string[]>;
  risk_count: number;
  highest_risk: number | null;
  /** Who submitted the version under review (a reviewer does not review their own). */
  submitted_by: string | null;
  created_by: string;
  created_at: Date;
  updated_by: string;
  updated_at: Date;
}
export type AssessmentRow = Selectable<AssessmentTable>;

/** One save or lifecycle step of an assessment; never changed once written. */
export interface AssessmentRevisionTable {
  assessment_id: string;
  revision: number;
  action: RevisionAction;
  status: AssessmentStatus;
  sensitivity: Sensitivity;
  content: Json<AssessmentContent>;
  comments: Json<ReviewComments> | null;
  changed_sections: Json<string[]>;
  /** The sync item that made this revision, if one did. */
  client_id: string | null;
  author_id: string;
  saved_at: Date;
}
export type AssessmentRevisionRow = Selectable<AssessmentRevisionTable>;

export type ConflictState = 'open' | 'resolved' | 'discarded' | 'superseded';
export type ConflictReason = 'stale-base' | 'id-reused' | 'not-editable';

/** A version the server keeps because it could not be applied: resolved or discarded, never lost. */
export interface AssessmentConflictTable {
  id: string;
  assessment_id: string;
  client_id: string;
  reason: ConflictReason;
  base_revision: number | null;
  server_revision: number;
  sensitivity: Sensitivity;
  content: Json<AssessmentContent>;
  author_id: string;
  created_at: Date;
  state: ConflictState;
  closed_by: string | null;
  closed_at: Date | null;
  resolution_revision: number | null;
  superseded_by: string | null;
}
export type AssessmentConflictRow = Selectable<AssessmentConflictTable>;

/** The answer given to a sync item, under the id its client generated. */
export interface AssessmentSyncReceiptTable {
  client_id: string;
  user_id: string;
  assessment_id: string;
  item_hash: string;
  answer: Json<Record<string, unknown>>;
  received_at: Date;
}

export type ImportFormat = 'acled' | 'hxl' | 'csv' | 'geojson';
export type ImportTarget = 'signals' | 'observations' | 'boundaries';
export type ImportMode = 'all-or-nothing' | 'valid-rows';
export type ImportStatus =
  'queued' | 'reading' | 'committed' | 'failed' | 'cancelled' | 'rolled-back';

/** One file brought in: its provenance, its progress and, at the end, what it changed. */
export interface ImportBatchTable {
  id: string;
  format: ImportFormat;
  target: ImportTarget;
  file_name: string;
  /** SHA-256 of the file's bytes, hex. */
  content_hash: string;
  byte_size: ColumnType<number, number, never>;
  mode: ImportMode;
  status: ImportStatus;
  /** The sensitivity given to every record of the batch. */
  sensitivity: Sensitivity;
  mapping: Json<unknown> | null;
  created_by: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  cancel_requested: Generated<boolean>;
  bytes_read: ColumnType<number, number | undefined, number>;
  rows_read: Generated<number>;
  rows_invalid: Generated<number>;
  added: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  failure: string | null;
  rolled_back_by: string | null;
  rolled_back_at: Date | null;
  purged: Generated<boolean>;
}
export type ImportBatchRow = Selectable<ImportBatchTable>;

/** A bad row of an import: its line (from 1), the column, and why. */
export interface ImportRowErrorTable {
  batch_id: string;
  seq: number;
  line: number;
  column_name: string | null;
  message: string;
}

/** A confirmed HXL mapping, found again by the shape of the next file's hashtag row. */
export interface HxlMappingTable {
  shape_key: string;
  mapping: Json<unknown>;
  saved_by: string;
  saved_at: Date;
}

/** One value of an indicator for an area and period (see `Observation` in `@prevention/core`). */
export interface ObservationTable {
  id: string;
  indicator_code: string;
  area_code: string;
  country_code: string;
  period: string;
  sex: string | null;
  age: string | null;
  source: string;
  /** `double precision`; the driver hands it back as a number. */
  value: number;
  reliability: 'high' | 'medium' | 'low';
  sensitivity: Sensitivity;
  import_batch_id: string | null;
  source_row: number | null;
  replaces: string | null;
  superseded_by: string | null;
  created_by: string;
  created_at: Date;
}
export type ObservationRow = Selectable<ObservationTable>;

/** A risk model version: the definition profiles were computed under; never changed once stored. */
export interface RiskModelVersionTable {
  id: string;
  model_id: string;
  version: string;
  /** The country a country team's adjustment applies to; null for a global model. */
  country_code: string | null;
  definition: Json<unknown>;
  based_on: string | null;
  note: string | null;
  /** Null for a model shipped with the platform. */
  created_by: string | null;
  created_at: Date;
}
export type RiskModelVersionRow = Selectable<RiskModelVersionTable>;

/**
 * The risk profile of an area for a month under a model version, as computed from the
 * observations up to the sensitivity `basis` (an index into `sensitivityLevels`). The root's
 * figures are columns, each top-level node's are in `summary`, the whole profile in `profile`.
 */
export interface RiskProfileTable {
  model_version_id: string;
  area_code: string;
  country_code: string;
  month: string;
  basis: number;
  score: number | null;
  class: string | null;
  change3: number | null;
  change12: number | null;
  completeness: number;
  reliability: number;
  /** JSON as text: written and read whole, never queried inside (see migration 2026_12_06_001). */
  summary: string;
  profile: string;
  computed_at: Date;
}
export type RiskProfileRow = Selectable<RiskProfileTable>;

/** A recomputation of risk profiles, run as a background job, with its progress. */
export interface RiskRunTable {
  id: string;
  kind: 'full' | 'incremental';
  status: 'queued' | 'running' | 'done' | 'failed';
  /** The areas and first months to recompute (`[{ areaCode, countryCode, from }]`); empty for every area. */
  areas: Json<unknown>;
  areas_total: Generated<number>;
  areas_done: Generated<number>;
  profiles_written: Generated<number>;
  requested_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  failure: string | null;
}
export type RiskRunRow = Selectable<RiskRunTable>;

/** A country's prevention plan for a cycle, at its current revision. */
export interface PlanTable {
  id: string;
  country_code: string;
  start_year: number;
  end_year: number;
  title: string;
  status: PlanStatus;
  revision: number;
  sensitivity: Sensitivity;
  content: Json<PlanContent>;
  /** Who submitted the plan for review: they do not endorse it themselves. */
  submitted_by: string | null;
  created_by: string;
  created_at: Date;
  updated_by: string;
  updated_at: Date;
}
export type PlanRow = Selectable<PlanTable>;

export type PlanRevisionAction =
  'create' | 'save' | 'submit' | 'return' | 'endorse' | 'activate' | 'close';

/** One save or lifecycle step of a plan; never changed once written. */
export interface PlanRevisionTable {
  plan_id: string;
  revision: number;
  action: PlanRevisionAction;
  status: PlanStatus;
  sensitivity: Sensitivity;
  content: Json<PlanContent>;
  /** What the author said about the step (a return's reason, a save's summary). */
  note: string | null;
  /** How many fields the revision changed from the one before. */
  changes: number;
  author_id: string;
  saved_at: Date;
}
export type PlanRevisionRow = Selectable<PlanRevisionTable>;

/** A progress report on one action of a plan. */
export interface PlanProgressReportTable {
  id: string;
  plan_id: string;
  action_id: string;
  date: string;
  author_id: string;
  status: ActivityStatus;
  milestones_met_percent: number;
  rating: RagRating;
  narrative: string;
  created_at: Date;
}
export type PlanProgressReportRow = Selectable<PlanProgressReportTable>;

/** A decision of a leadership meeting, with its follow-ups in the document. */
export interface LoggedDecisionTable {
  id: string;
  country_code: string | null;
  sensitivity: Sensitivity;
  meeting_date: string;
  due_date: string | null;
  owner_id: string | null;
  /** The latest follow-up's status, for "due from me" to filter on; overdue is never stored. */
  status: DecisionStatus;
  content: Json<LoggedDecision>;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}
export type LoggedDecisionRow = Selectable<LoggedDecisionTable>;

/** One saved version of a warning rule: the whole rule in `document`, what lists filter on beside it. */
export interface AlertRuleTable {
  id: string;
  version: number;
  /** Null for a global rule. */
  country_code: string | null;
  enabled: boolean;
  document: Json<AlertRule>;
  saved_by: string;
  saved_at: Date;
}
export type AlertRuleRow = Selectable<AlertRuleTable>;

/** An alert's current state; its steps are in `alert_event`. */
export interface AlertTable {
  id: string;
  rule_id: string;
  rule_version: number;
  area_code: string;
  country_code: string;
  level: AlertLevel;
  /** Generated from `level` (watch 0, warning 1, urgent 2), for ordering by level. */
  level_rank: ColumnType<number, never, never>;
  status: AlertStatus;
  first_period: string;
  period: string;
  firings: number;
  evidence: Json<Evidence>;
  sensitivity: Sensitivity;
  raised_at: Date;
  updated_at: Date;
  acknowledge_by: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  responded_at: Date | null;
  responded_by: string | null;
  response: ColumnType<AlertResponseLinks | null, string | null, string | null>;
  response_note: string | null;
  closed_at: Date | null;
  closed_by: string | null;
  outcome: AlertOutcome | null;
  closing_note: string | null;
  /** `YYYY-MM-DD` (a `date`, read back as text). */
  snoozed_until: string | null;
  snoozed_at_level: AlertLevel | null;
}
export type AlertRow = Selectable<AlertTable>;

/** One step of an alert's history; never changed once written. */
export interface AlertEventTable {
  alert_id: string;
  seq: number;
  action: AlertEventAction;
  /** The alert's level after the step. */
  level: AlertLevel;
  /** Null for a step of the evaluation (raise, update). */
  actor_id: string | null;
  at: Date;
  note: string | null;
  /** The month a raise or update fired for. */
  period: string | null;
}
export type AlertEventRow = Selectable<AlertEventTable>;
