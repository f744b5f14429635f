import type { ExportFormat, ExportKind } from '@prevention/api';
import { Month } from '@prevention/core';

/**
 * The formats each kind of record is exported in. The server's `exportFormatsOf` decides; the
 * `satisfies` keeps this copy to its types, and the server refuses any other pair.
 */
export const exportFormatsOf = {
  signals: ['acled'],
  observations: ['csv', 'hxl'],
} as const satisfies Record<ExportKind, readonly ExportFormat[]>;

export const exportKinds = Object.keys(exportFormatsOf) as ExportKind[];

/** What the export form holds, as typed: every text may be empty. */
export interface ExportFilters {
  kind: ExportKind;
  format: ExportFormat;
  area: string;
  pillar: string;
  indicator: string;
  from: string;
  to: string;
}

export type ExportProblem = 'area' | 'from' | 'to' | 'range';

export type ExportLink = { ok: true; href: string } | { ok: false; problems: ExportProblem[] };

const areaCode = /^[A-Za-z0-9]{2,15}$/;

/** The format a kind is exported in when the one chosen does not apply to it. */
export function formatFor(kind: ExportKind, format: ExportFormat): ExportFormat {
  const formats: readonly ExportFormat[] = exportFormatsOf[kind];
  return formats.includes(format) ? format : (formats[0] ?? format);
}

/**
 * The address of `GET /api/exports` for the filters, or what is wrong with them, checked as
 * the server checks them. Empty filters are left out; an indicator applies to observations only.
 */
export function buildExportLink(filters: ExportFilters): ExportLink {
  const area = filters.area.trim();
  const problems: ExportProblem[] = [];
  if (area && !areaCode.test(area)) problems.push('area');
  const from = Month.safeParse(filters.from);
  const to = Month.safeParse(filters.to);
  if (filters.from && !from.success) problems.push('from');
  if (filters.to && !to.success) problems.push('to');
  if (from.success && to.success && from.data > to.data) problems.push('range');
  if (problems.length > 0) return { ok: false, problems };

  const query = new URLSearchParams({
    kind: filters.kind,
    format: formatFor(filters.kind, filters.format),
  });
  if (area) query.set('area', area.toUpperCase());
  if (filters.pillar) query.set('pillar', filters.pillar);
  if (filters.kind === 'observations' && filters.indicator)
    query.set('indicator', filters.indicator);
  if (filters.from) query.set('from', filters.from);
  if (filters.to) query.set('to', filters.to);
  return { ok: true, href: `/api/exports?${query.toString()}` };
}
