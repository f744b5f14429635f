import { Actor, CountryScope, Role, Sensitivity, UserAccount } from '@prevention/core';
import { z } from 'zod';
import { TypedPassword } from '../auth/passwords.js';
import { safeText } from '../input-schemas.js';
import { demoAccounts } from '../services/demo-users.js';
import { currentSession, signIn, signOut, verifySecondFactor } from '../services/sessions.js';
import { publicProcedure, router } from '../trpc.js';

export const ZSignInRequest = z.object({
  // Not judged as an address: anything typed is simply an account that does not exist.
  email: safeText(1, 254).transform((email) => email.trim()),
  password: TypedPassword,
});

export const ZSignedIn = z.object({ status: z.literal('signed-in'), user: UserAccount });

export const ZSignInResponse = z.discriminatedUnion('status', [
  ZSignedIn,
  z.object({ status: z.literal('second-factor-required') }),
  z.object({
    status: z.literal('second-factor-enrolment'),
    secret: z.string(),
    otpauthUri: z.string(),
  }),
]);

export const ZVerifySecondFactorRequest = z.object({
  code: z.string().regex(/^\d{6}$/, 'Enter the 6-digit code'),
});

export const ZSessionResponse = z
  .object({ user: UserAccount, actor: Actor, expiresAt: z.iso.datetime() })
  .nullable();

export const ZDemoAccountsResponse = z.array(
  z.object({
    email: z.string(),
    displayName: z.string(),
    roles: z.array(Role),
    scope: CountryScope,
    clearance: Sensitivity,
    password: z.string(),
    totpCode: z.string().nullable(),
    totpSecret: z.string().nullable(),
    totpSecondsLeft: z.number().int().nullable(),
  }),
);

export const authRouter = router({
  /** The signed-in user and what they may do, or null. */
  session: publicProcedure.output(ZSessionResponse).query(({ ctx }) => currentSession(ctx)),

  /** In demo mode, the demo accounts with their password and current second-factor code. */
  demoAccounts: publicProcedure.output(ZDemoAccountsResponse).query(({ ctx }) => demoAccounts(ctx)),

  signIn: publicProcedure
    .input(ZSignInRequest)
    .output(ZSignInResponse)
    .mutation(({ ctx, input }) => signIn(ctx, input)),

  verifySecondFactor: publicProcedure
    .input(ZVerifySecondFactorRequest)
    .output(ZSignedIn)
    .mutation(({ ctx, input }) => verifySecondFactor(ctx, input)),

  signOut: publicProcedure
    .output(z.object({ signedOut: z.literal(true) }))
    .mutation(({ ctx }) => signOut(ctx)),
});
