import {
  deriveServerKeys,
  owaspArgon2id,
  type PasswordHashing,
  type SecuritySettings,
} from '@prevention/api';
import type { Config } from './env.js';

export type SecurityConfig = Pick<
  Config,
  'APP_SECRET' | 'SESSION_IDLE_MINUTES' | 'SESSION_ABSOLUTE_HOURS'
>;

/** Sign-in throttling: 5 failures per account and 50 per address in 15 minutes. */
export const signInThrottle = {
  windowMs: 15 * 60_000,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 50,
} as const;

export function securitySettings(
  config: SecurityConfig,
  passwordHashing: PasswordHashing = owaspArgon2id,
): SecuritySettings {
  return {
    sessionIdleMs: config.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: config.SESSION_ABSOLUTE_HOURS * 60 * 60_000,
    passwordHashing,
    keys: deriveServerKeys(config.APP_SECRET),
    signInThrottle,
  };
}
