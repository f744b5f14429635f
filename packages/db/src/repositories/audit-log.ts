import { newId } from '@prevention/core';
import { sql, type Kysely } from 'kysely';
import {
  auditGenesisHash,
  hashAuditEntry,
  type AuditChange,
  type AuditEntry,
  type NewAuditEntry,
} from '../audit/audit-entry.js';
import type { AuditEntryRow, Database } from '../database.js';

/** The advisory lock that serialises appends, so that two writers never extend the same head. */
const auditLockKey = 0x61756469; // 'audi'

/**
 * Appends entries to the audit log, in order. It must run inside the transaction of the change it
 * records, so that the change and its entry commit or roll back together; the lock it takes there
 * is held until that transaction ends, so concurrent writers queue instead of forking the chain.
 */
export async function appendAuditEntries(
  trx: Kysely<Database>,
  entries: readonly NewAuditEntry[],
): Promise<AuditEntry[]> {
  if (!trx.isTransaction) {
    throw new Error('appendAuditEntries must run inside the transaction of the change it records');
  }
  if (entries.length === 0) return [];
  await sql`select pg_advisory_xact_lock(${auditLockKey})`.execute(trx);
  const head = await trx
    .selectFrom('audit_entry')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();

  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? auditGenesisHash;
  const written: AuditEntry[] = entries.map((entry) => {
    seq += 1;
    const content = {
      seq,
      id: newId(),
      occurredAt: entry.occurredAt.toISOString(),
      actorUserId: entry.actorUserId,
      actorRoles: [...entry.actorRoles],
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId,
      outcome: entry.outcome,
      requestId: entry.requestId,
      changes: entry.changes.map(normaliseChange),
    };
    const hash = hashAuditEntry(content, prevHash);
    const full = { ...content, prevHash, hash };
    prevHash = hash;
    return full;
  });

  await trx
    .insertInto('audit_entry')
    .values(
      written.map((entry) => ({
        seq: entry.seq,
        id: entry.id,
        occurred_at: new Date(entry.occurredAt),
        actor_user_id: entry.actorUserId,
        actor_roles: JSON.stringify(entry.actorRoles),
        action: entry.action,
        resource_type: entry.resourceType,
        resource_id: entry.resourceId,
        outcome: entry.outcome,
        request_id: entry.requestId,
        changes: JSON.stringify(entry.changes),
        prev_hash: entry.prevHash,
        hash: entry.hash,
      })),
    )
    .execute();
  return written;
}

/** Appends entries in a transaction of their own: for events that change nothing else. */
export function recordAuditEntries(
  db: Kysely<Database>,
  entries: readonly NewAuditEntry[],
): Promise<AuditEntry[]> {
  if (db.isTransaction) return appendAuditEntries(db, entries);
  return db.transaction().execute((trx) => appendAuditEntries(trx, entries));
}

export interface AuditFilter {
  actorUserId?: string;
  resourceType?: string;
  resourceId?: string;
  /** Entries at or after this instant. */
  from?: Date;
  /** Entries before this instant. */
  to?: Date;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `beforeSeq` to read the next (older) page; null on the last page. */
  nextCursor: number | null;
}

/** Audit entries, newest first, filtered by actor, resource and time. */
export async function findAuditEntries(
  db: Kysely<Database>,
  filter: AuditFilter,
  page: { beforeSeq?: number; limit: number },
): Promise<AuditPage> {
  let query = db.selectFrom('audit_entry').selectAll();
  if (filter.actorUserId) query = query.where('actor_user_id', '=', filter.actorUserId);
  if (filter.resourceType) query = query.where('resource_type', '=', filter.resourceType);
  if (filter.resourceId) query = query.where('resource_id', '=', filter.resourceId);
  if (filter.from) query = query.where('occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('occurred_at', '<', filter.to);
  if (page.beforeSeq !== undefined) query = query.where('seq', '<', page.beforeSeq);
  const rows = await query
    .orderBy('seq', 'desc')
    .limit(page.limit + 1)
    .execute();
  const entries = rows.slice(0, page.limit).map(toAuditEntry);
  const last = entries.at(-1);
  return { entries, nextCursor: rows.length > page.limit && last ? last.seq : null };
}

export type AuditChainReport =
  | { intact: true; entries: number; headHash: string }
  | {
      intact: false;
      /** Entries that verified before the first bad one. */
      entries: number;
      firstBad: {
        seq: number;
        id: string;
        problem: 'content-changed' | 'link-broken' | 'entry-missing';
      };
    };

/**
 * Recomputes the chain from the first entry and stops at the first entry that does not match:
 * its content no longer gives its hash (it was changed), its previous hash is not its
 * predecessor's (an entry was replaced), or its position skips one (an entry was removed).
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  options: { batchSize?: number } = {},
): Promise<AuditChainReport> {
  const batchSize = options.batchSize ?? 1000;
  let expectedSeq = 1;
  let prevHash = auditGenesisHash;
  for (;;) {
    const rows = await db
      .selectFrom('audit_entry')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      const entry = toAuditEntry(row);
      const bad = (problem: 'content-changed' | 'link-broken' | 'entry-missing') =>
        ({
          intact: false,
          entries: expectedSeq - 1,
          firstBad: { seq: entry.seq, id: entry.id, problem },
        }) as const;
      if (entry.seq !== expectedSeq) return bad('entry-missing');
      if (entry.prevHash !== prevHash) return bad('link-broken');
      if (hashAuditEntry(entry, prevHash) !== entry.hash) return bad('content-changed');
      prevHash = entry.hash;
      expectedSeq += 1;
    }
    if (rows.length < batchSize)
      return { intact: true, entries: expectedSeq - 1, headHash: prevHash };
  }
}

function normaliseChange(change: AuditChange): AuditChange {
  return { field: change.field, before: change.before ?? null, after: change.after ?? null };
}

function toAuditEntry(row: AuditEntryRow): AuditEntry {
  return {
    seq: row.seq,
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actorUserId: row.actor_user_id,
    actorRoles: row.actor_roles,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    outcome: row.outcome,
    requestId: row.request_id,
    changes: row.changes as AuditChange[],
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
