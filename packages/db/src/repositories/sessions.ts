import type { UserAccount } from '@prevention/core';
import type { Kysely } from 'kysely';
import type { AppUserRow, Database, UserSessionRow } from '../database.js';
import { toUserAccount } from './users.js';

export interface Session {
  id: string;
  userId: string;
  stage: UserSessionRow['stage'];
  /** A TOTP secret being enrolled, encrypted. */
  pendingTotpSecret: string | null;
  /** Whether the second factor was checked when this session began. */
  secondFactorVerified: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface NewSession {
  id: string;
  tokenHash: string;
  userId: string;
  stage: UserSessionRow['stage'];
  pendingTotpSecret?: string | null;
  secondFactorVerified?: boolean;
  now: Date;
  expiresAt: Date;
}

export async function insertSession(db: Kysely<Database>, session: NewSession): Promise<Session> {
  const row = await db
    .insertInto('user_session')
    .values({
      id: session.id,
      token_hash: session.tokenHash,
      user_id: session.userId,
      stage: session.stage,
      pending_totp_secret: session.pendingTotpSecret ?? null,
      second_factor_verified: session.secondFactorVerified ?? false,
      created_at: session.now,
      last_seen_at: session.now,
      expires_at: session.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSession(row);
}

/**
 * The live session with this token hash and its user: not ended, not past its absolute expiry,
 * not idle for longer than `idleMs`, and its user not disabled. Anything else is no session.
 */
export async function findLiveSession(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
  idleMs: number,
): Promise<{ session: Session; user: UserAccount } | undefined> {
  const row = await db
    .selectFrom('user_session')
    .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
    .selectAll('user_session')
    .select(userColumns)
    .where('user_session.token_hash', '=', tokenHash)
    .where('user_session.ended_at', 'is', null)
    .where('user_session.expires_at', '>', now)
    .where('user_session.last_seen_at', '>', new Date(now.getTime() - idleMs))
    .where('app_user.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  return { session: toSession(row), user: toUserAccount(userOf(row)) };
}

/** The user's columns, renamed so they do not collide with the session's in one row. */
const userColumns = [
  'app_user.email as u_email',
  'app_user.display_name as u_display_name',
  'app_user.roles as u_roles',
  'app_user.scope as u_scope',
  'app_user.clearance as u_clearance',
  'app_user.totp_secret as u_totp_secret',
  'app_user.disabled_at as u_disabled_at',
  'app_user.is_demo as u_is_demo',
  'app_user.created_at as u_created_at',
  'app_user.updated_at as u_updated_at',
] as const;

function userOf(
  row: UserSessionRow & {
    u_email: string;
    u_display_name: string;
    u_roles: AppUserRow['roles'];
    u_scope: AppUserRow['scope'];
    u_clearance: AppUserRow['clearance'];
    u_totp_secret: string | null;
    u_disabled_at: Date | null;
    u_is_demo: boolean;
    u_created_at: Date;
    u_updated_at: Date;
  },
): Pick<
  AppUserRow,
  | 'id'
  | 'email'
  | 'display_name'
  | 'roles'
  | 'scope'
  | 'clearance'
  | 'totp_secret'
  | 'disabled_at'
  | 'is_demo'
  | 'created_at'
  | 'updated_at'
> {
  return {
    id: row.user_id,
    email: row.u_email,
    display_name: row.u_display_name,
    roles: row.u_roles,
    scope: row.u_scope,
    clearance: row.u_clearance,
    totp_secret: row.u_totp_secret,
    disabled_at: row.u_disabled_at,
    is_demo: row.u_is_demo,
    created_at: row.u_created_at,
    updated_at: row.u_updated_at,
  };
}

/**
 * Marks a session as active now. Skipped, without a query, when it was marked less than
 * `granularityMs` ago: most requests then cost no write. Returns whether the mark was due (and
 * so written, unless another server process wrote it first).
 */
export async function touchSession(
  db: Kysely<Database>,
  session: Pick<Session, 'id' | 'lastSeenAt'>,
  now: Date,
  granularityMs: number,
): Promise<boolean> {
  if (now.getTime() - session.lastSeenAt.getTime() < granularityMs) return false;
  const id = session.id;
  await db
    .updateTable('user_session')
    .set({ last_seen_at: now })
    .where('id', '=', id)
    // The same boundary as the check above: a mark exactly `granularityMs` old is due.
    .where('last_seen_at', '<=', new Date(now.getTime() - granularityMs))
    .execute();
  return true;
}

export async function setSessionPendingTotpSecret(
  db: Kysely<Database>,
  id: string,
  encryptedSecret: string | null,
): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ pending_totp_secret: encryptedSecret })
    .where('id', '=', id)
    .execute();
}

export async function endSession(
  db: Kysely<Database>,
  id: string,
  reason: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('user_session')
    .set({ ended_at: now, end_reason: reason, pending_totp_secret: null })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Ends every open session of a user (disabled, password changed); returns how many. */
export async function endUserSessions(
  db: Kysely<Database>,
  userId: string,
  reason: string,
  now: Date,
): Promise<number> {
  const result = await db
    .updateTable('user_session')
    .set({ ended_at: now, end_reason: reason, pending_totp_secret: null })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes sessions that ended or expired before `before`: they open nothing any more. */
export async function deleteStaleSessions(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('user_session')
    .where((eb) => eb.or([eb('ended_at', '<', before), eb('expires_at', '<', before)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

function toSession(row: UserSessionRow): Session {
  return {
    id: row.id,
    userId: row.user_id,
    stage: row.stage,
    pendingTotpSecret: row.pending_totp_secret,
    secondFactorVerified: row.second_factor_verified,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
}
