import {
  AppError,
  hasAnyRole,
  isGlobalScope,
  newId,
  type Actor,
  type CountryScope,
  type Role,
  type Sensitivity,
  type UserAccount,
} from '@prevention/core';
import {
  appendAuditEntries,
  endUserSessions,
  findUserByEmail,
  findUserById,
  findUsers,
  insertUser,
  setUserPassword,
  setUserTotpSecret,
  updateUser as updateUserRow,
  type UserChanges,
  type UserListFilter,
} from '@prevention/db';
import { hashPassword } from '../auth/passwords.js';
import type { Context } from '../context.js';
import { auditEntry, changedFields, type AuditActor, type AuditContext } from './audit-trail.js';

export type { UserChanges, UserListFilter };

export interface NewUserInput {
  email: string;
  displayName: string;
  roles: Role[];
  scope: CountryScope;
  clearance: Sensitivity;
  password: string;
}

/** What the audit log records of a user: everything an administrator sees, in clear. */
const auditedUserFields = [
  'email',
  'displayName',
  'roles',
  'scope',
  'clearance',
  'disabled',
] as const satisfies readonly (keyof UserAccount)[];

export function listUsers(
  ctx: Context,
  filter: UserListFilter,
  page: { afterEmail?: string; limit: number },
) {
  return findUsers(ctx.db, filter, page);
}

export async function getUser(ctx: Context, id: string): Promise<UserAccount> {
  const user = await findUserById(ctx.db, id);
  if (!user) throw AppError.notFound('The user');
  return user;
}

/**
 * Creates a user. Used by administrators and by the command line (`create-admin`, with no actor),
 * so it takes only what both have.
 */
export async function createUser(
  ctx: Pick<Context, 'db' | 'security'> & AuditContext,
  actor: AuditActor,
  input: NewUserInput,
  options: { demo?: boolean; totpSecret?: string } = {},
): Promise<UserAccount> {
  const email = input.email.trim().toLowerCase();
  if (await findUserByEmail(ctx.db, email)) {
    throw new AppError('CONFLICT', 'A user with this email address already exists.', {
      issues: [{ path: ['email'], message: 'A user with this email address already exists.' }],
    });
  }
  const passwordHash = await hashPassword(input.password, ctx.security.passwordHashing);
  return ctx.db.transaction().execute(async (trx) => {
    const user = await insertUser(trx, {
      id: newId(),
      email,
      displayName: input.displayName,
      roles: input.roles,
      scope: input.scope,
      clearance: input.clearance,
      passwordHash,
      totpSecret: options.totpSecret ?? null,
      demo: options.demo ?? false,
      now: ctx.now(),
    });
    await appendAuditEntries(trx, [
      auditEntry(ctx, actor, {
        action: 'user.create',
        resourceType: 'user',
        resourceId: user.id,
        changes: [
          ...changedFields(ctx, null, user, auditedUserFields, () => 'restricted'),
          { field: 'password', before: null, after: null },
        ],
      }),
    ]);
    return user;
  });
}

export async function updateUser(
  ctx: Context,
  actor: Actor,
  id: string,
  changes: UserChanges,
): Promise<UserAccount> {
  if (id === actor.userId) refuseSelfLockout(changes);
  // Any change of a user (roles, scope, clearance, disabled, name) shows in their sessions at once.
  return ctx.sessionCache.forgetAfter({ userId: id }, () =>
    writeUserChanges(ctx, actor, id, changes),
  );
}

function writeUserChanges(
  ctx: Context,
  actor: Actor,
  id: string,
  changes: UserChanges,
): Promise<UserAccount> {
  return ctx.db.transaction().execute(async (trx) => {
    const result = await updateUserRow(trx, id, changes, ctx.now());
    if (!result) throw AppError.notFound('The user');
    const { before, after } = result;
    const audited = changedFields(ctx, before, after, auditedUserFields, () => 'restricted');
    if (after.disabled && !before.disabled) {
      await endUserSessions(trx, id, 'user-disabled', ctx.now());
    }
    if (audited.length > 0) {
      await appendAuditEntries(trx, [
        auditEntry(ctx, actor, {
          action: 'user.update',
          resourceType: 'user',
          resourceId: id,
          changes: audited,
        }),
      ]);
    }
    return after;
  });
}

/** Sets a new password for a user; all their sessions end. */
export async function resetPassword(
  ctx: Context,
  actor: Actor,
  id: string,
  password: string,
): Promise<UserAccount> {
  const passwordHash = await hashPassword(password, ctx.security.passwordHashing);
  return ctx.sessionCache.forgetAfter({ userId: id }, () =>
    ctx.db.transaction().execute(async (trx) => {
      if (!(await setUserPassword(trx, id, passwordHash, ctx.now()))) {
        throw AppError.notFound('The user');
      }
      await endUserSessions(trx, id, 'password-reset', ctx.now());
      await appendAuditEntries(trx, [
        auditEntry(ctx, actor, {
          action: 'user.password-reset',
          resourceType: 'user',
          resourceId: id,
          changes: [{ field: 'password', before: null, after: null }],
        }),
      ]);
      return getUserIn(trx, id);
    }),
  );
}

/** Removes a user's second factor (a lost phone); they set up a new one at their next sign-in. */
export async function resetSecondFactor(
  ctx: Context,
  actor: Actor,
  id: string,
): Promise<UserAccount> {
  return ctx.sessionCache.forgetAfter({ userId: id }, () =>
    ctx.db.transaction().execute(async (trx) => {
      const user = await findUserById(trx, id);
      if (!user) throw AppError.notFound('The user');
      await setUserTotpSecret(trx, id, null, ctx.now());
      await endUserSessions(trx, id, 'second-factor-reset', ctx.now());
      await appendAuditEntries(trx, [
        auditEntry(ctx, actor, {
          action: 'user.second-factor-reset',
          resourceType: 'user',
          resourceId: id,
          changes: [{ field: 'secondFactor', before: user.secondFactor, after: false }],
        }),
      ]);
      return { ...user, secondFactor: false };
    }),
  );
}

/** An administrator cannot take away their own way in; another administrator has to. */
function refuseSelfLockout(changes: UserChanges): void {
  const losesAdmin =
    (changes.roles !== undefined && !hasAnyRole({ roles: changes.roles }, ['administrator'])) ||
    (changes.scope !== undefined && !isGlobalScope(changes.scope)) ||
    changes.disabled === true;
  if (losesAdmin) {
    throw new AppError(
      'PRECONDITION_FAILED',
      'You cannot disable your own account or remove your own administrator access; ask another administrator.',
    );
  }
}

async function getUserIn(db: Context['db'], id: string): Promise<UserAccount> {
  const user = await findUserById(db, id);
  if (!user) throw AppError.notFound('The user');
  return user;
}
