import { createHash } from 'node:crypto';
import {
  requiresSecondFactor,
  type CountryScope,
  type Role,
  type Sensitivity,
} from '@prevention/core';
import {
  findUserByEmail,
  findUserCredentialsByEmail,
  type DemoPeople,
  type DemoPerson,
} from '@prevention/db';
import { decryptSecret, encryptSecret } from '../auth/server-keys.js';
import { base32Encode, totpCode } from '../auth/totp.js';
import type { Context } from '../context.js';
import type { AuditContext } from './audit-trail.js';
import { createUser } from './users.js';

/** The password of every demo user, published in the README and on the sign-in page. */
export const demoPassword = 'prevention-demo';

interface DemoUser {
  email: string;
  displayName: string;
  roles: Role[];
  scope: CountryScope;
  clearance: Sensitivity;
}

/** One demo user per role, with the scopes and clearances such a person would typically hold. */
export const demoUsers: readonly DemoUser[] = [
  {
    email: 'field-officer@demo.example',
    displayName: 'Demo field officer',
    roles: ['field-officer'],
    scope: { kind: 'countries', countries: ['SDN', 'SSD', 'MLI'] },
    clearance: 'confidential',
  },
  {
    email: 'team-lead@demo.example',
    displayName: 'Demo country team lead',
    roles: ['country-team-lead'],
    scope: { kind: 'countries', countries: ['SDN'] },
    clearance: 'strictly-confidential',
  },
  {
    email: 'reviewer@demo.example',
    displayName: 'Demo reviewer',
    roles: ['reviewer'],
    scope: { kind: 'countries', countries: ['SDN', 'SSD', 'MLI'] },
    clearance: 'confidential',
  },
  {
    email: 'hq-planner@demo.example',
    displayName: 'Demo HQ planner',
    roles: ['hq-planner'],
    scope: { kind: 'global' },
    clearance: 'restricted',
  },
  {
    email: 'admin@demo.example',
    displayName: 'Demo administrator',
    roles: ['administrator'],
    scope: { kind: 'global' },
    clearance: 'restricted',
  },
  {
    email: 'partner@demo.example',
    displayName: 'Demo partner',
    roles: ['partner'],
    scope: { kind: 'countries', countries: ['MLI'] },
    clearance: 'public',
  },
];

/**
 * A demo user's TOTP secret: fixed, derived from the email, so it is the same on every machine
 * and may be added to an authenticator app; the sign-in page shows its current code in demo mode.
 */
export function demoTotpSecret(email: string): Buffer {
  return createHash('sha256').update(`prevention-demo-totp:${email}`).digest().subarray(0, 20);
}

/** Creates the demo users that do not exist yet; returns the emails created. */
export async function ensureDemoUsers(
  ctx: Pick<Context, 'db' | 'security'> & AuditContext,
): Promise<string[]> {
  const created: string[] = [];
  for (const user of demoUsers) {
    if (await findUserByEmail(ctx.db, user.email)) continue;
    const totpSecret = requiresSecondFactor(user.clearance)
      ? encryptSecret(ctx.security.keys.totpEncryption, demoTotpSecret(user.email))
      : undefined;
    await createUser(
      ctx,
      null,
      { ...user, password: demoPassword },
      { demo: true, ...(totpSecret ? { totpSecret } : {}) },
    );
    created.push(user.email);
  }
  return created;
}

/**
 * The demo users the demo plans name, by their role: the demo user of each role. Undefined when
 * one of them no longer exists or is disabled, since a plan would then name someone absent.
 */
export async function findDemoPeople(ctx: Pick<Context, 'db'>): Promise<DemoPeople | undefined> {
  const idOf = async (role: DemoPerson) => {
    const demo = demoUsers.find((user) => user.roles.includes(role));
    const user = demo ? await findUserByEmail(ctx.db, demo.email) : undefined;
    return user && !user.disabled ? user.id : undefined;
  };
  const lead = await idOf('country-team-lead');
  const reviewer = await idOf('reviewer');
  const planner = await idOf('hq-planner');
  const officer = await idOf('field-officer');
  if (!lead || !reviewer || !planner || !officer) return undefined;
  return {
    'country-team-lead': lead,
    reviewer,
    'hq-planner': planner,
    'field-officer': officer,
  };
}

export interface DemoAccount extends DemoUser {
  password: string;
  /** The current second-factor code, for demo users whose clearance needs one. */
  totpCode: string | null;
  totpSecret: string | null;
  /** Seconds until the code changes. */
  totpSecondsLeft: number | null;
}

/** The demo accounts and how to sign in with them; nothing outside demo mode. */
export async function demoAccounts(ctx: Context): Promise<DemoAccount[]> {
  if (ctx.mode !== 'demo') return [];
  const now = ctx.now().getTime();
  const accounts: DemoAccount[] = [];
  for (const user of demoUsers) {
    const credentials = await findUserCredentialsByEmail(ctx.db, user.email);
    if (!credentials?.account.demo || credentials.account.disabled) continue;
    const secret = credentials.totpSecret
      ? decryptSecret(ctx.security.keys.totpEncryption, credentials.totpSecret)
      : null;
    accounts.push({
      ...user,
      roles: credentials.account.roles,
      scope: credentials.account.scope,
      clearance: credentials.account.clearance,
      password: demoPassword,
      totpCode: secret ? totpCode(secret, now) : null,
      totpSecret: secret ? base32Encode(secret) : null,
      totpSecondsLeft: secret ? 30 - Math.floor((now / 1000) % 30) : null,
    });
  }
  return accounts;
}
