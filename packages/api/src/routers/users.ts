import { Actor, CountryScope, Id, Role, Sensitivity, UserAccount } from '@prevention/core';
import { z } from 'zod';
import { NewPassword } from '../auth/passwords.js';
import { safeText } from '../input-schemas.js';
import {
  createUser,
  getUser,
  listUsers,
  resetPassword,
  resetSecondFactor,
  updateUser,
} from '../services/users.js';
import { procedure, router } from '../trpc.js';

export const ZUsersListRequest = z
  .object({
    search: safeText(1, 100).optional(),
    role: Role.optional(),
    /** The `nextCursor` of the previous page. */
    cursor: z.string().max(254).optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .default({ limit: 50 });

export const ZUsersListResponse = z.object({
  items: z.array(UserAccount),
  nextCursor: z.string().nullable(),
});

export const ZUserId = z.object({ id: Id });

export const ZUsersCreateRequest = z.object({
  email: z.email().max(254),
  displayName: safeText(1, 200),
  roles: Actor.shape.roles,
  scope: CountryScope,
  clearance: Sensitivity,
  password: NewPassword,
});

export const ZUsersUpdateRequest = z.object({
  id: Id,
  displayName: safeText(1, 200).optional(),
  roles: Actor.shape.roles.optional(),
  scope: CountryScope.optional(),
  clearance: Sensitivity.optional(),
  disabled: z.boolean().optional(),
});

export const ZUsersResetPasswordRequest = z.object({ id: Id, password: NewPassword });

/** Administrators manage users, their roles, country scopes and clearances. */
export const usersRouter = router({
  list: procedure
    .input(ZUsersListRequest)
    .output(ZUsersListResponse)
    .query(async ({ ctx, input }) => {
      const { users, nextCursor } = await listUsers(
        ctx,
        {
          ...(input.search ? { search: input.search } : {}),
          ...(input.role ? { role: input.role } : {}),
        },
        { limit: input.limit, ...(input.cursor ? { afterEmail: input.cursor } : {}) },
      );
      return { items: users, nextCursor };
    }),

  byId: procedure
    .input(ZUserId)
    .output(UserAccount)
    .query(({ ctx, input }) => getUser(ctx, input.id)),

  create: procedure
    .input(ZUsersCreateRequest)
    .output(UserAccount)
    .mutation(({ ctx, input }) => createUser(ctx, ctx.actor, input)),

  update: procedure
    .input(ZUsersUpdateRequest)
    .output(UserAccount)
    .mutation(({ ctx, input: { id, ...changes } }) =>
      updateUser(ctx, ctx.actor, id, {
        ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
        ...(changes.roles !== undefined ? { roles: changes.roles } : {}),
        ...(changes.scope !== undefined ? { scope: changes.scope } : {}),
        ...(changes.clearance !== undefined ? { clearance: changes.clearance } : {}),
        ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
      }),
    ),

  resetPassword: procedure
    .input(ZUsersResetPasswordRequest)
    .output(UserAccount)
    .mutation(({ ctx, input }) => resetPassword(ctx, ctx.actor, input.id, input.password)),

  resetSecondFactor: procedure
    .input(ZUserId)
    .output(UserAccount)
    .mutation(({ ctx, input }) => resetSecondFactor(ctx, ctx.actor, input.id)),
});
