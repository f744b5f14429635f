import { z } from 'zod';
import { countries, countryOfArea, CountryCode } from './areas/area.js';
import { Id } from './id.js';
import { isCleared, Sensitivity, sensitivityRank } from './sensitivity.js';

/**
 * The vocabulary of access control: who a caller is (an `Actor`), what they do (their roles),
 * where (their country scope) and how much they may know (their clearance). It is pure, so the
 * API, the lifecycle rules of the domain packages and the web client share one meaning.
 */
export const roles = [
  'field-officer',
  'country-team-lead',
  'reviewer',
  /** HQ analyst or planner. */
  'hq-planner',
  'administrator',
  /** A partner organisation: reads, never writes. */
  'partner',
] as const;

export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/** Where a user works: everywhere, or in a list of countries (a country covers its areas). */
export const CountryScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('global') }),
  z.object({
    kind: z.literal('countries'),
    countries: z
      .array(CountryCode)
      .min(1, 'A country scope names at least one country')
      .max(countries.length)
      .refine((list) => new Set(list).size === list.length, 'A country is listed twice'),
  }),
]);
export type CountryScope = z.infer<typeof CountryScope>;

export const globalScope: CountryScope = Object.freeze({ kind: 'global' });

/** The caller of an operation, as established by a session. */
export const Actor = z.object({
  userId: Id,
  roles: z
    .array(Role)
    .min(1)
    .refine((list) => new Set(list).size === list.length, 'A role is listed twice'),
  scope: CountryScope,
  clearance: Sensitivity,
});
export type Actor = z.infer<typeof Actor>;

export function hasAnyRole(
  actor: { readonly roles: readonly Role[] },
  wanted: readonly Role[],
): boolean {
  return actor.roles.some((role) => wanted.includes(role));
}

/** A scope as functions read it: any country scope, frozen or not. */
export type ScopeLike =
  | { readonly kind: 'global' }
  | { readonly kind: 'countries'; readonly countries: readonly string[] };

export function isGlobalScope(scope: ScopeLike): boolean {
  return scope.kind === 'global';
}

/** Whether a country is within a scope. */
export function isCountryInScope(scope: ScopeLike, countryCode: string): boolean {
  return scope.kind === 'global' || scope.countries.includes(countryCode);
}

/** Whether an actor may see data marked `level` (their clearance is at or above it). */
export function mayView(actor: { readonly clearance: Sensitivity }, level: Sensitivity): boolean {
  return isCleared(actor.clearance, level);
}

/**
 * Clearances of confidential and above are only granted together with a second factor: a
 * stolen password alone must not open records that name victims.
 */
export function requiresSecondFactor(clearance: Sensitivity): boolean {
  return sensitivityRank(clearance) >= sensitivityRank('confidential');
}

/**
 * The country code an area belongs to: the country itself, or, for a sub-national unit, the
 * country whose ISO alpha-2 code begins its P-code (`AF01` is in Afghanistan). Undefined when the
 * code names no country or is not well formed. Scoping compares these codes.
 */
export function countryCodeOfArea(areaCode: string): CountryCode | undefined {
  return countryOfArea(areaCode)?.code;
}

/** A user as administrators see and manage them; credentials never leave the server. */
export const UserAccount = z.object({
  id: Id,
  email: z.email().max(254),
  displayName: z.string().min(1).max(200),
  roles: Actor.shape.roles,
  scope: CountryScope,
  clearance: Sensitivity,
  /** Whether a TOTP second factor is enrolled. */
  secondFactor: z.boolean(),
  disabled: z.boolean(),
  /** Created by demo mode with a published password; production refuses to start while any exist. */
  demo: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type UserAccount = z.infer<typeof UserAccount>;

/**
 * Passwords are 8 to 256 characters (Unicode code points), kept exactly as typed: no trimming, no
 * composition rules (NIST SP 800-63B). The server also refuses the most common ones.
 */
export const passwordRules = Object.freeze({ minLength: 8, maxLength: 256 });
