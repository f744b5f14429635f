import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import {
  decide,
  exportFormatsOf,
  exportPlan,
  exportRecords,
  httpRoutePolicies,
  planExportFormats,
  readSessionState,
  type ApiDependencies,
  type ExportRequest,
  type ImportServices,
} from '@prevention/api';
import { AppError, Id, isAppError, Month, type Actor } from '@prevention/core';
import { findCommittedBatchByHash, findHxlMapping, recordAuditEntries } from '@prevention/db';
import {
  ExchangeError,
  HxlMapping,
  hxlShapeKey,
  inspectFile,
  suggestHxlMapping,
  type BoundaryInfo,
  type Inspection,
} from '@prevention/exchange';
import type { IatiReportingOrg } from '@prevention/planning';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sendError } from './error-reply.js';
import { readSessionToken } from './session-cookie.js';

const statusOf: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
};

/** The signed-in caller, if the route's policy lets them in; otherwise the refusal is sent. */
async function authorise(
  deps: ApiDependencies,
  route: keyof typeof httpRoutePolicies & string,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Actor | undefined> {
  const policy = httpRoutePolicies[route];
  if (!policy) throw new Error(`No policy for ${route}`);
  const state = await readSessionState(deps, readSessionToken(request));
  const actor = state.kind === 'active' ? state.actor : null;
  const decision = decide(policy, actor);
  if (decision.allowed && actor) return actor;
  if (!actor) {
    await sendError(request, reply, 401, 'UNAUTHORIZED', 'Sign in to continue.');
    return undefined;
  }
  await sendError(request, reply, 403, 'FORBIDDEN', 'You do not have permission to do this.');
  return undefined;
}

function sendAppError(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  if (!isAppError(error) || error.code === 'INTERNAL_SERVER_ERROR') throw error;
  return sendError(request, reply, statusOf[error.code] ?? 400, error.code, error.message);
}

const ExportQuery = z
  .object({
    kind: z.enum(['signals', 'observations']).default('signals'),
    format: z.enum(['acled', 'csv', 'hxl']).optional(),
    area: z
      .string()
      .regex(/^[A-Za-z0-9]{2,15}$/, 'Expected a country or area code')
      .transform((code) => code.toUpperCase())
      .optional(),
    pillar: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,63}$/)
      .optional(),
    indicator: z.string().max(120).optional(),
    from: Month.optional(),
    to: Month.optional(),
  })
  .strict();

const PlanExportQuery = z
  .object({ id: Id, format: z.enum(planExportFormats).default('iati') })
  .strict();

/** A query's problems as one message, each named by its parameter. */
const queryProblems = (error: z.ZodError) =>
  error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ');

/**
 * The HTTP routes of data in and out that tRPC does not carry: the bytes of an upload
 * (`PUT /api/imports/upload`, the file as the body, streamed to disk), a streamed export of
 * records (`GET /api/exports`) and of a plan (`GET /api/exports/plan`), each a file download.
 * Each checks its policy (policies.ts) before it reads a body or writes a byte; everything else
 * about an import goes through the `imports` router. `reportingOrg` publishes the IATI files.
 */
export async function registerExchangeRoutes(
  app: FastifyInstance,
  deps: ApiDependencies,
  imports: ImportServices | undefined,
  reportingOrg: IatiReportingOrg | undefined,
): Promise<void> {
  await app.register(async (scope) => {
    // The body stays a stream: the upload store reads it, counting bytes against its limit.
    scope.addContentTypeParser('application/octet-stream', (_request, payload, done) =>
      done(null, payload),
    );

    scope.put('/api/imports/upload', async (request, reply) => {
      const actor = await authorise(deps, 'PUT /api/imports/upload', request, reply);
      if (!actor) return reply;
      if (!imports)
        return sendError(request, reply, 412, 'PRECONDITION_FAILED', 'Imports are not available.');
      const rawName = request.headers['x-file-name'];
      try {
        const fileName = typeof rawName === 'string' ? safeDecode(rawName) : 'upload.csv';
        const upload = await imports.uploads.save(
          actor.userId,
          fileName,
          request.body as IncomingMessage,
        );
        await recordAuditEntries(deps.db, [
          {
            occurredAt: deps.now(),
            actorUserId: actor.userId,
            actorRoles: [...actor.roles],
            action: 'import.upload',
            resourceType: 'upload',
            resourceId: upload.id,
            outcome: 'success',
            requestId: request.id,
            changes: [
              { field: 'fileName', before: null, after: upload.fileName },
              { field: 'contentHash', before: null, after: upload.contentHash },
              { field: 'byteSize', before: null, after: upload.byteSize },
            ],
          },
        ]);
        let inspection: Inspection | null = null;
        let boundaries: BoundaryInfo | null = null;
        let problem: string | null = null;
        try {
          const found = await inspectFile(imports.uploads.open(upload.id)());
          if (found.kind === 'table') inspection = found.inspection;
          else boundaries = found.info;
        } catch (error) {
          if (!(error instanceof ExchangeError)) throw error;
          problem = error.message;
        }
        const saved =
          inspection?.format === 'hxl'
            ? HxlMapping.safeParse(await findHxlMapping(deps.db, hxlShapeKey(inspection.columns)))
            : undefined;
        const earlier = await findCommittedBatchByHash(deps.db, upload.contentHash);
        return reply.send({
          upload,
          inspection,
          boundaries,
          problem,
          savedMapping: saved?.success ? saved.data : null,
          suggestion: inspection?.format === 'hxl' ? suggestHxlMapping(inspection.columns) : null,
          sameContentAs: earlier
            ? { id: earlier.id, fileName: earlier.fileName, createdAt: earlier.createdAt }
            : null,
        });
      } catch (error) {
        return sendAppError(request, reply, error);
      }
    });

    scope.get('/api/exports', async (request, reply) => {
      const actor = await authorise(deps, 'GET /api/exports', request, reply);
      if (!actor) return reply;
      const query = ExportQuery.safeParse(request.query);
      if (!query.success)
        return sendError(request, reply, 400, 'BAD_REQUEST', queryProblems(query.error));
      const {
        kind,
        format = exportFormatsOf[kind][0],
        area,
        pillar,
        indicator,
        from,
        to,
      } = query.data;
      if (!format || !exportFormatsOf[kind].includes(format))
        return sendError(
          request,
          reply,
          400,
          'BAD_REQUEST',
          `${kind} are exported as ${exportFormatsOf[kind].join(' or ')}.`,
        );
      const exportRequest: ExportRequest = {
        kind,
        format,
        ...(area ? { areaCode: area } : {}),
        ...(pillar ? { pillar } : {}),
        ...(indicator ? { code: indicator } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      };
      const chunks = exportRecords(
        { db: deps.db, now: deps.now, requestId: request.id, security: deps.security },
        actor,
        exportRequest,
      );
      // The first chunk (audit entry written, header line) before the status line, so that a
      // failure to start is still an error response rather than a truncated file.
      let first: IteratorResult<string>;
      try {
        first = await chunks.next();
      } catch (error) {
        return sendAppError(request, reply, error);
      }
      const name = `${kind}-${area ?? 'all'}${from ? `-${from}` : ''}${to ? `-${to}` : ''}.${format === 'hxl' ? 'hxl.csv' : 'csv'}`;
      async function* body() {
        if (!first.done) yield first.value;
        yield* chunks;
      }
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(Readable.from(body()));
    });

    // A plan the caller may not read is a 404 like a missing one: exportPlan reads it with the
    // reader plans.byId uses, and audits the export before the status line is written.
    scope.get('/api/exports/plan', async (request, reply) => {
      const actor = await authorise(deps, 'GET /api/exports/plan', request, reply);
      if (!actor) return reply;
      const query = PlanExportQuery.safeParse(request.query);
      if (!query.success)
        return sendError(request, reply, 400, 'BAD_REQUEST', queryProblems(query.error));
      let exported;
      try {
        exported = await exportPlan(
          { db: deps.db, now: deps.now, requestId: request.id, security: deps.security },
          actor,
          { plan: { planId: query.data.id }, format: query.data.format, reportingOrg },
        );
      } catch (error) {
        return sendAppError(request, reply, error);
      }
      return reply
        .header('content-type', exported.contentType)
        .header('content-disposition', `attachment; filename="${exported.fileName}"`)
        .send(Readable.from(exported.chunks));
    });
  });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new AppError('BAD_REQUEST', 'The x-file-name header is not URI-encoded.');
  }
}
