import { findAuditEntries, type AuditFilter, type AuditPage } from '@prevention/db';
import type { Context } from '../context.js';

export function listAuditEntries(
  ctx: Context,
  filter: AuditFilter,
  page: { beforeSeq?: number; limit: number },
): Promise<AuditPage> {
  return findAuditEntries(ctx.db, filter, page);
}
