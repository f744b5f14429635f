import type { CountryScope, Role, Sensitivity, UserAccount } from '@prevention/core';
import { sql, type Kysely } from 'kysely';
import type { AppUserRow, Database } from '../database.js';

/** A user with what signing in needs. Only the sign-in service reads these fields. */
export interface UserCredentials {
  account: UserAccount;
  passwordHash: string;
  /** Encrypted with the server's key. */
  totpSecret: string | null;
  totpLastStep: number | null;
}

export interface NewUser {
  id: string;
  email: string;
  displayName: string;
  roles: readonly Role[];
  scope: CountryScope;
  clearance: Sensitivity;
  passwordHash: string;
  totpSecret?: string | null;
  demo?: boolean;
  now: Date;
}

export async function insertUser(db: Kysely<Database>, user: NewUser): Promise<UserAccount> {
  const row = await db
    .insertInto('app_user')
    .values({
      id: user.id,
      email: user.email.toLowerCase(),
      display_name: user.displayName,
      roles: JSON.stringify(user.roles),
      scope: JSON.stringify(user.scope),
      clearance: user.clearance,
      password_hash: user.passwordHash,
      password_changed_at: user.now,
      totp_secret: user.totpSecret ?? null,
      is_demo: user.demo ?? false,
      created_at: user.now,
      updated_at: user.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUserAccount(row);
}

export async function findUserById(
  db: Kysely<Database>,
  id: string,
): Promise<UserAccount | undefined> {
  const row = await db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUserAccount(row) : undefined;
}

export async function findUserByEmail(
  db: Kysely<Database>,
  email: string,
): Promise<UserAccount | undefined> {
  const row = await db
    .selectFrom('app_user')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row ? toUserAccount(row) : undefined;
}

export async function findUserCredentialsByEmail(
  db: Kysely<Database>,
  email: string,
): Promise<UserCredentials | undefined> {
  const row = await db
    .selectFrom('app_user')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row ? toCredentials(row) : undefined;
}

export async function findUserCredentialsById(
  db: Kysely<Database>,
  id: string,
): Promise<UserCredentials | undefined> {
  const row = await db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCredentials(row) : undefined;
}

export interface UserListFilter {
  /** Part of the email address or the name, case-insensitive. */
  search?: string;
  role?: Role;
}

/** Users ordered by email, a page at a time (`afterEmail` is the last email of the page before). */
export async function findUsers(
  db: Kysely<Database>,
  filter: UserListFilter,
  page: { afterEmail?: string; limit: number },
): Promise<{ users: UserAccount[]; nextCursor: string | null }> {
  let query = db.selectFrom('app_user').selectAll();
  if (filter.search) {
    const pattern = `%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('email', 'like', pattern), eb(eb.fn('lower', ['display_name']), 'like', pattern)]),
    );
  }
  if (filter.role) {
    query = query.where(sql<boolean>`roles @> ${JSON.stringify([filter.role])}::jsonb`);
  }
  if (page.afterEmail !== undefined) query = query.where('email', '>', page.afterEmail);
  const rows = await query
    .orderBy('email')
    .limit(page.limit + 1)
    .execute();
  const users = rows.slice(0, page.limit).map(toUserAccount);
  const last = users.at(-1);
  return { users, nextCursor: rows.length > page.limit && last ? last.email : null };
}

export interface UserChanges {
  displayName?: string;
  roles?: readonly Role[];
  scope?: CountryScope;
  clearance?: Sensitivity;
  disabled?: boolean;
}

/** Applies changes to a user; returns the user before and after, or undefined if there is none. */
export async function updateUser(
  db: Kysely<Database>,
  id: string,
  changes: UserChanges,
  now: Date,
): Promise<{ before: UserAccount; after: UserAccount } | undefined> {
  const current = await db
    .selectFrom('app_user')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!current) return undefined;
  const row = await db
    .updateTable('app_user')
    .set({
      ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
      ...(changes.roles !== undefined ? { roles: JSON.stringify(changes.roles) } : {}),
      ...(changes.scope !== undefined ? { scope: JSON.stringify(changes.scope) } : {}),
      ...(changes.clearance !== undefined ? { clearance: changes.clearance } : {}),
      ...(changes.disabled !== undefined
        ? { disabled_at: changes.disabled ? (current.disabled_at ?? now) : null }
        : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { before: toUserAccount(current), after: toUserAccount(row) };
}

export async function setUserPassword(
  db: Kysely<Database>,
  id: string,
  passwordHash: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('app_user')
    .set({ password_hash: passwordHash, password_changed_at: now, updated_at: now })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Enrols (or, with null, removes) a TOTP second factor. */
export async function setUserTotpSecret(
  db: Kysely<Database>,
  id: string,
  encryptedSecret: string | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ totp_secret: encryptedSecret, totp_last_step: null, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/**
 * Records that the TOTP code of `step` was used, unless that step or a later one already was:
 * returns false for a replayed code. One statement, so two concurrent uses cannot both win.
 */
export async function claimTotpStep(
  db: Kysely<Database>,
  id: string,
  step: number,
): Promise<boolean> {
  const result = await db
    .updateTable('app_user')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function countDemoUsers(db: Kysely<Database>): Promise<number> {
  const { count } = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('is_demo', '=', true)
    .executeTakeFirstOrThrow();
  return Number(count);
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const { count } = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** Maps the columns of a user row that describe the account (not the credentials). */
export function toUserAccount(
  row: Pick<
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
  >,
): UserAccount {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles,
    scope: row.scope,
    clearance: row.clearance,
    secondFactor: row.totp_secret !== null,
    disabled: row.disabled_at !== null,
    demo: row.is_demo,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function toCredentials(row: AppUserRow): UserCredentials {
  return {
    account: toUserAccount(row),
    passwordHash: row.password_hash,
    totpSecret: row.totp_secret,
    totpLastStep: row.totp_last_step,
  };
}
