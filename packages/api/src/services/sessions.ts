import {
  AppError,
  newId,
  requiresSecondFactor,
  type Actor,
  type UserAccount,
} from '@prevention/core';
import {
  appendAuditEntries,
  claimTotpStep,
  endSession,
  endUserSessions,
  findLiveSession,
  findUserCredentialsByEmail,
  findUserCredentialsById,
  insertSession,
  recordAuditEntries,
  recordSignInAttempt,
  setSessionPendingTotpSecret,
  setUserPassword,
  setUserTotpSecret,
  settleSignInAttempt,
  touchSession,
  type DatabaseClient,
  type Session,
} from '@prevention/db';
import { hashPassword, verifyPassword, type PasswordHashing } from '../auth/passwords.js';
import type { LiveSession } from '../auth/session-cache.js';
import { decryptSecret, encryptSecret, keyedHash } from '../auth/server-keys.js';
import { hashSessionToken, newSessionToken } from '../auth/session-token.js';
import { base32Encode, matchTotp, newTotpSecret, otpauthUri } from '../auth/totp.js';
import type { ApiDependencies, Context, SessionState } from '../context.js';
import { auditEntry, type AuditActor } from './audit-trail.js';

/** How long the second step of a sign-in may take. */
const secondFactorWindowMs = 5 * 60_000;
/** A session's last use is written at most once a minute, not on every request. */
const touchGranularityMs = 60_000;
const totpIssuer = 'Integrated Prevention Platform';

/**
 * The caller a session stands for. A clearance that needs a second factor applies only to
 * sessions that passed one; otherwise the session sees no more than restricted data, so raising
 * a user's clearance never lifts a password-only session above it.
 */
export function actorFor(user: UserAccount, session: Pick<Session, 'secondFactorVerified'>): Actor {
  const clearance =
    requiresSecondFactor(user.clearance) && !session.secondFactorVerified
      ? 'restricted'
      : user.clearance;
  return { userId: user.id, roles: user.roles, scope: user.scope, clearance };
}

/**
 * Reads the session a token opens, if any (the default session resolver of the context): from
 * the session cache when it was read in the last few seconds, else from the database.
 */
export async function readSessionState(
  deps: ApiDependencies,
  token: string | null,
): Promise<SessionState> {
  if (!token) return { kind: 'none' };
  const now = deps.now();
  const tokenHash = hashSessionToken(token);
  const found =
    cachedLiveSession(deps, tokenHash, now) ?? (await readLiveSession(deps, tokenHash, now));
  if (!found) return { kind: 'none' };
  if (found.session.stage === 'second-factor') return { kind: 'second-factor', ...found };
  if (await touchSession(deps.db, found.session, now, touchGranularityMs)) {
    deps.sessionCache.touched(tokenHash, now);
  }
  return { kind: 'active', ...found, actor: actorFor(found.user, found.session) };
}

/**
 * A cached session, if it is still within its absolute and idle expiry now. One that is not goes
 * back to the database, which has the last word: another process may have marked it used since.
 */
function cachedLiveSession(
  deps: ApiDependencies,
  tokenHash: string,
  now: Date,
): LiveSession | undefined {
  const cached = deps.sessionCache.get(tokenHash, now);
  if (!cached) return undefined;
  const { expiresAt, lastSeenAt } = cached.session;
  const idleSince = now.getTime() - deps.security.sessionIdleMs;
  if (expiresAt > now && lastSeenAt.getTime() > idleSince) return cached;
  deps.sessionCache.forget({ sessionId: cached.session.id });
  return undefined;
}

async function readLiveSession(
  deps: ApiDependencies,
  tokenHash: string,
  now: Date,
): Promise<LiveSession | undefined> {
  const read = deps.sessionCache.beginRead(now);
  const found = await findLiveSession(deps.db, tokenHash, now, deps.security.sessionIdleMs);
  if (found) deps.sessionCache.remember(tokenHash, found, read);
  return found;
}

export type SignInResult =
  | { status: 'signed-in'; user: UserAccount }
  | { status: 'second-factor-required' }
  /** The user's clearance needs a second factor and none is set up: set it up now. */
  | { status: 'second-factor-enrolment'; secret: string; otpauthUri: string };

const wrongCredentials = () =>
  new AppError('UNAUTHORIZED', 'The email address or password is not correct.');

export async function signIn(
  ctx: Context,
  input: { email: string; password: string },
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const attempt = await beginSignInAttempt(ctx, email);
  const credentials = await findUserCredentialsByEmail(ctx.db, email);
  const usable = credentials && !credentials.account.disabled ? credentials : undefined;
  // Unknown and disabled accounts cost the same hash as known ones, so timing tells nothing.
  const passwordHash = usable?.passwordHash ?? (await dummyHash(ctx.security.passwordHashing));
  const valid = await verifyPassword(passwordHash, input.password);
  if (!usable || !valid) {
    await settleSignInAttempt(ctx.db, attempt, 'failed');
    if (usable) await recordSignInFailure(ctx, usable.account, 'password');
    throw wrongCredentials();
  }
  await settleSignInAttempt(ctx.db, attempt, 'succeeded');
  const user = usable.account;
  await endPresentSession(ctx, 'replaced');

  if (usable.totpSecret) {
    await beginSession(ctx, ctx.db, user, { stage: 'second-factor' });
    return { status: 'second-factor-required' };
  }
  if (requiresSecondFactor(user.clearance)) {
    const secret = newTotpSecret();
    await beginSession(ctx, ctx.db, user, {
      stage: 'second-factor',
      pendingTotpSecret: encryptSecret(ctx.security.keys.totpEncryption, secret),
    });
    return {
      status: 'second-factor-enrolment',
      secret: base32Encode(secret),
      otpauthUri: otpauthUri(secret, user.email, totpIssuer),
    };
  }
  await ctx.db.transaction().execute(async (trx) => {
    await beginSession(ctx, trx, user, { stage: 'active' });
    await appendAuditEntries(trx, [signInEntry(ctx, user, [])]);
  });
  return { status: 'signed-in', user };
}

export async function verifySecondFactor(
  ctx: Context,
  input: { code: string },
): Promise<Extract<SignInResult, { status: 'signed-in' }>> {
  const state = await ctx.session();
  if (state.kind !== 'second-factor') {
    throw new AppError('UNAUTHORIZED', 'Your sign-in has expired. Start again with your password.');
  }
  const { user, session } = state;
  const attempt = await beginSignInAttempt(ctx, user.email);
  const credentials = await findUserCredentialsById(ctx.db, user.id);
  const enrolling = session.pendingTotpSecret !== null;
  const sealed = session.pendingTotpSecret ?? credentials?.totpSecret ?? null;
  const step = sealed ? checkTotp(ctx, sealed, input.code) : null;
  const fresh = step !== null && (enrolling || (await claimTotpStep(ctx.db, user.id, step)));
  if (step === null || !fresh || !sealed) {
    await settleSignInAttempt(ctx.db, attempt, 'failed');
    await recordSignInFailure(ctx, user, 'second-factor');
    throw new AppError(
      'UNAUTHORIZED',
      'The code is not correct. Check the time on your device, then enter the current code.',
    );
  }
  // Enrolling changes the user (who now has a second factor), not only this session.
  const changed = enrolling ? { userId: user.id } : { sessionId: session.id };
  await ctx.sessionCache.forgetAfter(changed, () =>
    ctx.db.transaction().execute(async (trx) => {
      if (enrolling) {
        await setUserTotpSecret(trx, user.id, sealed, ctx.now());
        await claimTotpStep(trx, user.id, step);
      }
      await endSession(trx, session.id, 'second-factor-passed', ctx.now());
      await beginSession(ctx, trx, user, { stage: 'active', secondFactorVerified: true });
      await appendAuditEntries(trx, [
        signInEntry(
          ctx,
          user,
          enrolling ? [{ field: 'secondFactor', before: false, after: true }] : [],
        ),
      ]);
    }),
  );
  await settleSignInAttempt(ctx.db, attempt, 'succeeded');
  return { status: 'signed-in', user: { ...user, secondFactor: true } };
}

export async function signOut(ctx: Context): Promise<{ signedOut: true }> {
  const state = await ctx.session();
  if (state.kind !== 'none') {
    await ctx.sessionCache.forgetAfter({ sessionId: state.session.id }, () =>
      ctx.db.transaction().execute(async (trx) => {
        await endSession(trx, state.session.id, 'signed-out', ctx.now());
        if (state.kind === 'active') {
          await appendAuditEntries(trx, [
            auditEntry(ctx, state.actor, {
              action: 'session.sign-out',
              resourceType: 'user',
              resourceId: state.user.id,
            }),
          ]);
        }
      }),
    );
  }
  ctx.cookies.clear();
  ctx.forgetSession();
  return { signedOut: true };
}

export interface CurrentSession {
  user: UserAccount;
  actor: Actor;
  expiresAt: string;
}

export async function currentSession(ctx: Context): Promise<CurrentSession | null> {
  const state = await ctx.session();
  if (state.kind !== 'active') return null;
  return { user: state.user, actor: state.actor, expiresAt: state.session.expiresAt.toISOString() };
}

/** Changes one's own password; every session of the user ends, this one included. */
export async function changePassword(
  ctx: Context,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<{ signedOut: true }> {
  const credentials = await findUserCredentialsById(ctx.db, actor.userId);
  if (!credentials) throw AppError.notFound('Your account');
  const attempt = await beginSignInAttempt(ctx, credentials.account.email);
  if (!(await verifyPassword(credentials.passwordHash, input.currentPassword))) {
    await settleSignInAttempt(ctx.db, attempt, 'failed');
    throw new AppError('BAD_REQUEST', 'The current password is not correct.', {
      issues: [{ path: ['currentPassword'], message: 'The current password is not correct.' }],
    });
  }
  await settleSignInAttempt(ctx.db, attempt, 'succeeded');
  const passwordHash = await hashPassword(input.newPassword, ctx.security.passwordHashing);
  await ctx.sessionCache.forgetAfter({ userId: actor.userId }, () =>
    ctx.db.transaction().execute(async (trx) => {
      await setUserPassword(trx, actor.userId, passwordHash, ctx.now());
      await endUserSessions(trx, actor.userId, 'password-changed', ctx.now());
      await appendAuditEntries(trx, [
        auditEntry(ctx, actor, {
          action: 'user.password-change',
          resourceType: 'user',
          resourceId: actor.userId,
          changes: [{ field: 'password', before: null, after: null }],
        }),
      ]);
    }),
  );
  ctx.cookies.clear();
  ctx.forgetSession();
  return { signedOut: true };
}

/** Starts setting up an optional second factor: the secret waits on the session until confirmed. */
export async function beginTotpEnrolment(
  ctx: Context,
): Promise<{ secret: string; otpauthUri: string }> {
  const state = await ctx.session();
  if (state.kind !== 'active') throw new AppError('UNAUTHORIZED', 'Sign in to continue.');
  if (state.user.secondFactor) {
    throw new AppError(
      'CONFLICT',
      'A second factor is already set up. An administrator can reset it if you lost it.',
    );
  }
  const secret = newTotpSecret();
  await ctx.sessionCache.forgetAfter({ sessionId: state.session.id }, () =>
    setSessionPendingTotpSecret(
      ctx.db,
      state.session.id,
      encryptSecret(ctx.security.keys.totpEncryption, secret),
    ),
  );
  return {
    secret: base32Encode(secret),
    otpauthUri: otpauthUri(secret, state.user.email, totpIssuer),
  };
}

export async function confirmTotpEnrolment(
  ctx: Context,
  actor: Actor,
  input: { code: string },
): Promise<{ secondFactor: true }> {
  const state = await ctx.session();
  const sealed = state.kind === 'active' ? state.session.pendingTotpSecret : null;
  if (state.kind !== 'active' || !sealed) {
    throw new AppError('PRECONDITION_FAILED', 'Start setting up the second factor first.');
  }
  const attempt = await beginSignInAttempt(ctx, state.user.email);
  const step = checkTotp(ctx, sealed, input.code);
  if (step === null) {
    await settleSignInAttempt(ctx.db, attempt, 'failed');
    throw new AppError('BAD_REQUEST', 'The code is not correct.', {
      issues: [{ path: ['code'], message: 'The code is not correct.' }],
    });
  }
  await ctx.sessionCache.forgetAfter({ userId: actor.userId }, () =>
    ctx.db.transaction().execute(async (trx) => {
      await setUserTotpSecret(trx, actor.userId, sealed, ctx.now());
      await claimTotpStep(trx, actor.userId, step);
      await setSessionPendingTotpSecret(trx, state.session.id, null);
      await appendAuditEntries(trx, [
        auditEntry(ctx, actor, {
          action: 'user.second-factor-enrol',
          resourceType: 'user',
          resourceId: actor.userId,
          changes: [{ field: 'secondFactor', before: false, after: true }],
        }),
      ]);
    }),
  );
  await settleSignInAttempt(ctx.db, attempt, 'succeeded');
  return { secondFactor: true };
}

/**
 * Writes the attempt, then refuses it unchecked when the account or the address has failed too
 * often in the window. Each procedure call counts, so batching calls into one HTTP request does
 * not multiply the tries. The account name is kept only as a keyed hash: people type passwords
 * into the email field.
 */
async function beginSignInAttempt(ctx: Context, accountName: string): Promise<number> {
  const { windowMs, maxFailuresPerAccount, maxFailuresPerAddress } = ctx.security.signInThrottle;
  const now = ctx.now();
  const counts = await recordSignInAttempt(
    ctx.db,
    {
      account: keyedHash(ctx.security.keys.accountHmac, accountName.toLowerCase()),
      address: ctx.clientAddress,
      now,
    },
    new Date(now.getTime() - windowMs),
  );
  if (
    counts.accountFailures > maxFailuresPerAccount ||
    counts.addressFailures > maxFailuresPerAddress
  ) {
    await settleSignInAttempt(ctx.db, counts.id, 'throttled');
    const minutes = Math.ceil(windowMs / 60_000);
    throw new AppError(
      'TOO_MANY_REQUESTS',
      `Too many sign-in attempts. Wait ${minutes} minutes, then try again.`,
      { details: { retryAfterSeconds: Math.ceil(windowMs / 1000) } },
    );
  }
  return counts.id;
}

async function beginSession(
  ctx: Context,
  db: DatabaseClient,
  user: UserAccount,
  options: {
    stage: Session['stage'];
    pendingTotpSecret?: string;
    secondFactorVerified?: boolean;
  },
): Promise<void> {
  const now = ctx.now();
  const token = newSessionToken();
  const lifetime =
    options.stage === 'active' ? ctx.security.sessionAbsoluteMs : secondFactorWindowMs;
  const expiresAt = new Date(now.getTime() + lifetime);
  await insertSession(db, {
    id: newId(),
    tokenHash: hashSessionToken(token),
    userId: user.id,
    stage: options.stage,
    pendingTotpSecret: options.pendingTotpSecret ?? null,
    secondFactorVerified: options.secondFactorVerified ?? false,
    now,
    expiresAt,
  });
  // Should the caller's transaction roll back, this cookie names no session and opens nothing.
  ctx.cookies.set(token, expiresAt);
  ctx.forgetSession();
}

/** Signing in ends the session the browser already had: the token is new at every sign-in. */
async function endPresentSession(ctx: Context, reason: string): Promise<void> {
  const state = await ctx.session();
  if (state.kind === 'none') return;
  await ctx.sessionCache.forgetAfter({ sessionId: state.session.id }, () =>
    endSession(ctx.db, state.session.id, reason, ctx.now()),
  );
}

function checkTotp(ctx: Context, sealed: string, code: string): number | null {
  const key = decryptSecret(ctx.security.keys.totpEncryption, sealed);
  return matchTotp(key, code, ctx.now().getTime());
}

function signInEntry(
  ctx: Context,
  user: UserAccount,
  changes: { field: string; before: unknown; after: unknown }[],
) {
  return auditEntry(
    ctx,
    { userId: user.id, roles: user.roles },
    {
      action: 'session.sign-in',
      resourceType: 'user',
      resourceId: user.id,
      changes,
    },
  );
}

async function recordSignInFailure(
  ctx: Context,
  user: UserAccount,
  step: 'password' | 'second-factor',
): Promise<void> {
  const actor: AuditActor = { userId: user.id, roles: user.roles };
  await recordAuditEntries(ctx.db, [
    auditEntry(ctx, actor, {
      action: 'session.sign-in',
      resourceType: 'user',
      resourceId: user.id,
      outcome: 'failure',
      changes: [{ field: 'failedStep', before: null, after: step }],
    }),
  ]);
}

const dummyHashes = new Map<string, Promise<string>>();

/** A hash of a random password with today's parameters, made once per parameter set. */
function dummyHash(parameters: PasswordHashing): Promise<string> {
  const key = JSON.stringify(parameters);
  let found = dummyHashes.get(key);
  if (!found) {
    found = hashPassword(newSessionToken(), parameters);
    dummyHashes.set(key, found);
  }
  return found;
}
