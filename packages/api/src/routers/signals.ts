import { AreaCode, Id, PillarId, Signal } from '@prevention/core';
import { SignalRecord } from '@prevention/db';
import { z } from 'zod';
import { BoundedFieldSensitivity, JsonObject, safeText } from '../input-schemas.js';
import { createSignal, getSignal, listSignals } from '../services/signals.js';
import { procedure, router } from '../trpc.js';

const SignalKind = Signal.shape.kind.max(64);

/** The envelope of a new signal; its pillar's schema will validate the payload in a later issue. */
export const ZSignalsCreateRequest = Signal.omit({ id: true }).extend({
  pillar: PillarId.max(64),
  kind: SignalKind,
  title: safeText(1, 300),
  source: safeText(1, 500),
  fieldSensitivity: BoundedFieldSensitivity,
  payload: JsonObject,
});

export const ZSignalsListRequest = z
  .object({
    /** A country (with all its areas) or a sub-national area. */
    areaCode: AreaCode.optional(),
    pillar: PillarId.max(64).optional(),
    kind: SignalKind.optional(),
    /** The `nextCursor` of the previous page. */
    cursor: Id.optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .default({ limit: 50 });

export const ZSignalsByIdRequest = z.object({ id: Id });

/** A signal as the caller may see it: fields above their clearance are withheld markers. */
export const ZSignalResponse = SignalRecord.extend({ withheldPaths: z.array(z.string()) });

export const ZSignalsListResponse = z.object({
  items: z.array(ZSignalResponse),
  nextCursor: Id.nullable(),
});

export const signalsRouter = router({
  create: procedure
    .input(ZSignalsCreateRequest)
    .output(ZSignalResponse)
    .mutation(({ ctx, input }) => createSignal(ctx, ctx.actor, input)),

  list: procedure
    .input(ZSignalsListRequest)
    .output(ZSignalsListResponse)
    .query(({ ctx, input }) =>
      listSignals(
        ctx,
        ctx.actor,
        {
          ...(input.areaCode ? { areaCode: input.areaCode } : {}),
          ...(input.pillar ? { pillar: input.pillar } : {}),
          ...(input.kind ? { kind: input.kind } : {}),
        },
        { limit: input.limit, ...(input.cursor ? { beforeId: input.cursor } : {}) },
      ),
    ),

  byId: procedure
    .input(ZSignalsByIdRequest)
    .output(ZSignalResponse)
    .query(({ ctx, input }) => getSignal(ctx, ctx.actor, input.id)),
});
