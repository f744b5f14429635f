import { Id, Sensitivity } from '@prevention/core';
import { fileFormats, HxlMapping } from '@prevention/exchange';
import { z } from 'zod';
import {
  cancelImport,
  getImport,
  listImportErrors,
  listImports,
  rollBackImport,
  startImport,
} from '../services/imports/imports.js';
import { procedure, router } from '../trpc.js';

export const ZImportBatch = z.object({
  id: Id,
  format: z.enum(fileFormats),
  target: z.enum(['signals', 'observations', 'boundaries']),
  fileName: z.string(),
  contentHash: z.string(),
  byteSize: z.number().int(),
  mode: z.enum(['all-or-nothing', 'valid-rows']),
  status: z.enum(['queued', 'reading', 'committed', 'failed', 'cancelled', 'rolled-back']),
  sensitivity: Sensitivity,
  mapping: z.unknown(),
  createdBy: Id,
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  cancelRequested: z.boolean(),
  bytesRead: z.number().int(),
  rowsRead: z.number().int(),
  rowsInvalid: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failure: z.string().nullable(),
  rolledBackBy: Id.nullable(),
  rolledBackAt: z.string().nullable(),
});

export const ZImportsStartRequest = z.object({
  /** The id the upload route answered with. */
  uploadId: z.uuid(),
  /** The format, when the upload's inspection guessed it wrong. */
  format: z.enum(fileFormats).optional(),
  mode: z.enum(['all-or-nothing', 'valid-rows']).default('all-or-nothing'),
  sensitivity: Sensitivity.default('public'),
  /** HXL only: the mapping the user confirmed. */
  mapping: HxlMapping.optional(),
  /** HXL only: keep the mapping for the next file with the same hashtags. */
  saveMapping: z.boolean().default(false),
  /** GeoJSON only: the property holding each feature's P-code, when detection is not wanted. */
  codeProperty: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[\p{L}\p{N}_.:-]+$/u, 'Expected a property name')
    .optional(),
});

const ZPage = z.object({
  cursor: Id.optional(),
  limit: z.number().int().min(1).max(100).default(20),
});

export const importsRouter = router({
  /** Queues the import of an uploaded file; it runs in the background. */
  start: procedure
    .input(ZImportsStartRequest)
    .output(z.object({ batch: ZImportBatch, sameContentAs: ZImportBatch.nullable() }))
    .mutation(({ ctx, input }) =>
      startImport(ctx, ctx.actor, ctx.imports, {
        uploadId: input.uploadId,
        mode: input.mode,
        sensitivity: input.sensitivity,
        saveMapping: input.saveMapping,
        ...(input.format ? { format: input.format } : {}),
        ...(input.mapping ? { mapping: input.mapping } : {}),
        ...(input.codeProperty ? { codeProperty: input.codeProperty } : {}),
      }),
    ),

  list: procedure
    .input(ZPage.default({ limit: 20 }))
    .output(z.object({ items: z.array(ZImportBatch), nextCursor: Id.nullable() }))
    .query(({ ctx, input }) =>
      listImports(ctx, ctx.actor, {
        limit: input.limit,
        ...(input.cursor ? { beforeId: input.cursor } : {}),
      }),
    ),

  byId: procedure
    .input(z.object({ id: Id }))
    .output(ZImportBatch)
    .query(({ ctx, input }) => getImport(ctx, ctx.actor, input.id)),

  /** The bad rows of a batch, in file order, a page at a time. */
  errors: procedure
    .input(
      z.object({
        id: Id,
        cursor: z.number().int().nonnegative().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      }),
    )
    .output(
      z.object({
        errors: z.array(
          z.object({
            seq: z.number().int(),
            line: z.number().int(),
            column: z.string().nullable(),
            message: z.string(),
          }),
        ),
        nextCursor: z.number().int().nullable(),
      }),
    )
    .query(({ ctx, input }) =>
      listImportErrors(ctx, ctx.actor, input.id, {
        limit: input.limit,
        ...(input.cursor === undefined ? {} : { afterSeq: input.cursor }),
      }),
    ),

  cancel: procedure
    .input(z.object({ id: Id }))
    .output(ZImportBatch)
    .mutation(({ ctx, input }) => cancelImport(ctx, ctx.actor, input.id)),

  rollBack: procedure
    .input(z.object({ id: Id }))
    .output(ZImportBatch)
    .mutation(async ({ ctx, input }) => {
      const batch = await rollBackImport(ctx, ctx.actor, input.id);
      await ctx.imports?.purgeLater(batch.id);
      return batch;
    }),
});
