import { Id, IsoDate } from '@prevention/core';
import { AuditEntry } from '@prevention/db';
import { z } from 'zod';
import { safeText } from '../input-schemas.js';
import { listAuditEntries } from '../services/audit-log.js';
import { procedure, router } from '../trpc.js';

const day = 86_400_000;

export const ZAuditListRequest = z
  .object({
    actorUserId: Id.optional(),
    resourceType: safeText(1, 50).optional(),
    resourceId: safeText(1, 100).optional(),
    /** The first day (UTC) to include. */
    from: IsoDate.optional(),
    /** The last day (UTC) to include. */
    to: IsoDate.optional(),
    /** The `nextCursor` of the previous page. */
    cursor: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .default({ limit: 50 });

export const ZAuditListResponse = z.object({
  items: z.array(AuditEntry),
  nextCursor: z.number().int().nullable(),
});

/** Administrators read the audit log; nobody writes it but the services that make changes. */
export const auditRouter = router({
  list: procedure
    .input(ZAuditListRequest)
    .output(ZAuditListResponse)
    .query(async ({ ctx, input }) => {
      const { entries, nextCursor } = await listAuditEntries(
        ctx,
        {
          ...(input.actorUserId ? { actorUserId: input.actorUserId } : {}),
          ...(input.resourceType ? { resourceType: input.resourceType } : {}),
          ...(input.resourceId ? { resourceId: input.resourceId } : {}),
          ...(input.from ? { from: new Date(`${input.from}T00:00:00.000Z`) } : {}),
          ...(input.to
            ? { to: new Date(new Date(`${input.to}T00:00:00.000Z`).getTime() + day) }
            : {}),
        },
        { limit: input.limit, ...(input.cursor ? { beforeSeq: input.cursor } : {}) },
      );
      return { items: entries, nextCursor };
    }),
});
