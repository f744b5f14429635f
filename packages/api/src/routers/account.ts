import { z } from 'zod';
import { NewPassword, TypedPassword } from '../auth/passwords.js';
import { beginTotpEnrolment, changePassword, confirmTotpEnrolment } from '../services/sessions.js';
import { procedure, router } from '../trpc.js';

export const ZChangePasswordRequest = z.object({
  currentPassword: TypedPassword,
  newPassword: NewPassword,
});

export const ZConfirmTotpRequest = z.object({
  code: z.string().regex(/^\d{6}$/, 'Enter the 6-digit code'),
});

/** The signed-in user's own account. */
export const accountRouter = router({
  /** Ends every session of the user, this one included: they sign in again with the new password. */
  changePassword: procedure
    .input(ZChangePasswordRequest)
    .output(z.object({ signedOut: z.literal(true) }))
    .mutation(({ ctx, input }) => changePassword(ctx, ctx.actor, input)),

  beginTotpEnrolment: procedure
    .output(z.object({ secret: z.string(), otpauthUri: z.string() }))
    .mutation(({ ctx }) => beginTotpEnrolment(ctx)),

  confirmTotpEnrolment: procedure
    .input(ZConfirmTotpRequest)
    .output(z.object({ secondFactor: z.literal(true) }))
    .mutation(({ ctx, input }) => confirmTotpEnrolment(ctx, ctx.actor, input)),
});
