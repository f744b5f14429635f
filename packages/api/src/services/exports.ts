import { redactFields, type Actor } from '@prevention/core';
import {
  findSignals,
  findVisibleObservations,
  recordAuditEntries,
  type ObservationFilter,
  type SignalFilter,
} from '@prevention/db';
import {
  acledColumnOfPath,
  acledColumns,
  acledRowOf,
  csvChunks,
  writeObservationCsv,
  writeObservationHxl,
} from '@prevention/exchange';
import { auditEntry } from './audit-trail.js';
import type { ImportContext } from './imports/run-import.js';
import { auditStrictlyConfidentialReads } from './signals.js';

export type ExportFormat = 'acled' | 'csv' | 'hxl';
export type ExportKind = 'signals' | 'observations';

export interface ExportRequest {
  format: ExportFormat;
  kind: ExportKind;
  /** A country (with its areas) or a sub-national area. */
  areaCode?: string;
  pillar?: string;
  /** Signals: the event's kind within its pillar. Observations: an indicator code. */
  code?: string;
  /** Months `YYYY-MM`, both included. */
  from?: string;
  to?: string;
}

/** Rows fetched per query: large enough to be quick, small enough that memory stays flat. */
const pageSize = 1_000;

/** What an export of these records may be written as. */
export const exportFormatsOf: Record<ExportKind, readonly ExportFormat[]> = {
  signals: ['acled'],
  observations: ['csv', 'hxl'],
};

/**
 * The records the caller may see, as a file, streamed a page at a time: scoped to their
 * countries and clearance exactly as the API is, with every field withheld from them withheld
 * (empty) in the file too. The export is audited (with its filter) before its first byte, and
 * strictly confidential records are audited as they are read, as the API audits them.
 */
export async function* exportRecords(
  ctx: ImportContext,
  actor: Actor,
  request: ExportRequest,
): AsyncGenerator<string> {
  await recordAuditEntries(ctx.db, [
    auditEntry(ctx, actor, {
      action: `export.${request.kind}`,
      resourceType: request.kind === 'signals' ? 'signal' : 'observation',
      resourceId: null,
      changes: Object.entries(request).map(([field, after]) => ({ field, before: null, after })),
    }),
  ]);
  if (request.kind === 'signals') yield* acledExport(ctx, actor, request);
  else {
    const observations = visibleObservations(ctx, actor, request);
    yield* request.format === 'hxl'
      ? writeObservationHxl(observations)
      : writeObservationCsv(observations);
  }
}

async function* acledExport(ctx: ImportContext, actor: Actor, request: ExportRequest) {
  const filter: SignalFilter = {
    pillar: 'peace-security',
    kind: 'conflict-event',
    ...(request.areaCode ? { areaCode: request.areaCode } : {}),
    ...(request.from ? { from: `${request.from}-01` } : {}),
    ...(request.to ? { to: endOfMonth(request.to) } : {}),
  };
  async function* rows() {
    let beforeId: string | undefined;
    let index = 0;
    for (;;) {
      const { signals, nextCursor } = await findSignals(ctx.db, actor, filter, {
        limit: pageSize,
        ...(beforeId ? { beforeId } : {}),
      });
      await auditStrictlyConfidentialReads(ctx, actor, signals);
      for (const signal of signals) {
        const row = acledRowOf(signal, index);
        index += 1;
        const { withheldPaths } = redactFields(
          signal.payload,
          signal.fieldSensitivity,
          actor.clearance,
        );
        for (const path of withheldPaths) {
          const column = acledColumnOfPath(path.replace(/\[\]/g, '').split('.'));
          if (column in row) row[column as keyof typeof row] = '';
        }
        yield row;
      }
      if (!nextCursor) return;
      beforeId = nextCursor;
    }
  }
  yield* csvChunks([acledColumns], rows(), (row) => acledColumns.map((column) => row[column]));
}

async function* visibleObservations(ctx: ImportContext, actor: Actor, request: ExportRequest) {
  const filter: ObservationFilter = {
    ...(request.areaCode ? { areaCode: request.areaCode } : {}),
    ...(request.pillar ? { pillar: request.pillar } : {}),
    ...(request.code ? { indicatorCode: request.code } : {}),
    ...(request.from ? { from: request.from } : {}),
    ...(request.to ? { to: request.to } : {}),
  };
  let afterId: string | undefined;
  for (;;) {
    const page = await findVisibleObservations(ctx.db, actor, filter, {
      limit: pageSize,
      ...(afterId ? { afterId } : {}),
    });
    for (const {
      id: _id,
      countryCode: _c,
      sensitivity: _s,
      provenance: _p,
      ...observation
    } of page)
      yield observation;
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    afterId = last.id;
  }
}

function endOfMonth(month: string): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}
