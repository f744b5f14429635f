import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { passwordRules } from '@prevention/core';
import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';

/** Argon2 parameters: memory in KiB, passes, lanes. */
export interface PasswordHashing {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** OWASP's Password Storage Cheat Sheet: Argon2id, 19 MiB, 2 passes, 1 lane. */
export const owaspArgon2id: PasswordHashing = Object.freeze({
  memoryCost: 19 * 1024,
  timeCost: 2,
  parallelism: 1,
});

// The package declares its algorithms as an ambient const enum, which isolated modules cannot
// read; 2 is its Argon2id.
const argon2id = 2 as Algorithm;

export function hashPassword(password: string, parameters: PasswordHashing): Promise<string> {
  return hash(password, { ...parameters, algorithm: argon2id });
}

/** Verifies against the parameters stored in the hash itself, whatever today's are. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash (a placeholder, say) matches nothing.
    return false;
  }
}

const passwordLength = { min: passwordRules.minLength, max: passwordRules.maxLength };

/**
 * The most common passwords of the zxcvbn list (about 49,000 from public breach corpora, shipped
 * with the npm package, so nothing is downloaded at run time). Only those long enough to pass the
 * length rule matter; they are compared case-insensitively.
 */
const commonPasswords: ReadonlySet<string> = new Set(
  dictionary['passwords-common'].filter((word) => [...word].length >= passwordLength.min),
);

export function isCommonPassword(password: string): boolean {
  return commonPasswords.has(password.toLowerCase());
}

/** A new password: what users choose, and what administrators set. */
export const NewPassword = z
  .string()
  .refine((value) => [...value].length >= passwordLength.min, {
    message: `Use at least ${passwordLength.min} characters.`,
  })
  .refine((value) => [...value].length <= passwordLength.max, {
    message: `Use at most ${passwordLength.max} characters.`,
  })
  .refine((value) => !isCommonPassword(value), {
    message: 'This password is among the most common ones; choose another.',
  });

/** A password as typed at sign-in: never judged, only bounded, so any old password still works. */
export const TypedPassword = z.string().min(1).max(1024);
