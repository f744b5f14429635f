import { createUser, NewPassword } from '@prevention/api';
import { isAppError } from '@prevention/core';
import { verifyAuditChain, type DatabaseHandle } from '@prevention/db';
import { z } from 'zod';
import type { Config } from './env.js';
import { readPassword } from './read-password.js';
import { securitySettings } from './security-settings.js';

export class CommandError extends Error {
  override readonly name = 'CommandError';
}

/**
 * `prevention create-admin <email> <name>`: the first administrator of a production database (or
 * another one). The password is read from the terminal, or from standard input when piped; the
 * account gets a global scope and restricted clearance, and the creation is audited.
 */
export async function createAdmin(
  database: DatabaseHandle,
  config: Config,
  email: string,
  displayName: string,
): Promise<string> {
  const address = z.email().max(254).safeParse(email);
  if (!address.success) throw new CommandError(`"${email}" is not an email address.`);
  if (displayName.trim().length === 0) throw new CommandError('The name must not be empty.');
  const password = await readPassword(`Password for ${email} (8 to 256 characters): `);
  const checked = NewPassword.safeParse(password);
  if (!checked.success) {
    throw new CommandError(
      `The password was refused: ${checked.error.issues.map((i) => i.message).join(' ')}`,
    );
  }
  try {
    const user = await createUser(
      {
        db: database.db,
        security: securitySettings(config),
        now: () => new Date(),
        requestId: 'cli:create-admin',
      },
      null,
      {
        email,
        displayName: displayName.trim(),
        roles: ['administrator'],
        scope: { kind: 'global' },
        clearance: 'restricted',
        password,
      },
    );
    return `Created the administrator ${user.email} (id ${user.id}). Sign in with the password just given.\n`;
  } catch (error) {
    if (isAppError(error)) throw new CommandError(error.message);
    throw error;
  }
}

const problems = {
  'content-changed': 'its content no longer gives its hash: it was changed after it was written',
  'link-broken': 'it does not follow from the entry before it: an entry was replaced',
  'entry-missing': 'the entry before it is missing: an entry was removed',
} as const;

/** `prevention verify-audit`: recomputes the audit chain; returns the exit code. */
export async function verifyAudit(
  database: DatabaseHandle,
  write: { out: (text: string) => void; err: (text: string) => void },
): Promise<number> {
  const report = await verifyAuditChain(database.db);
  if (report.intact) {
    write.out(
      `The audit log is intact: ${report.entries} entries verified, head hash ${report.headHash}.\n`,
    );
    return 0;
  }
  if ('headMismatch' in report) {
    write.err(
      `The audit log ends early: its ${report.entries} entries verify, but its head names entry ` +
        `#${report.headMismatch.seq} (hash ${report.headMismatch.hash}): the newest entries were removed.\n`,
    );
    return 1;
  }
  const { seq, id, problem } = report.firstBad;
  write.err(
    `The audit log is broken at entry #${seq} (id ${id}): ${problems[problem]}. ` +
      `The ${report.entries} entries before it verify.\n`,
  );
  return 1;
}
