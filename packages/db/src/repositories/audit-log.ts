import { newId } from '@prevention/core';
import { sql, type Kysely, type QueryCreator } from 'kysely';
import {
  auditGenesisHash,
  hashAuditEntry,
  type AuditChange,
  type AuditEntry,
  type NewAuditEntry,
} from '../audit/audit-entry.js';
import type { AuditEntryRow, Database } from '../database.js';

/** Where the chain ends: the newest entry's position and hash (0 and the genesis hash when empty). */
export interface AuditHead {
  seq: number;
  hash: string;
}

/**
 * Appends entries to the audit log, in order. It must run inside the transaction of the change it
 * records, so that the change and its entry commit or roll back together.
 *
 * The entries and the head row move in one statement that only applies if the head is still the
 * one the entries were chained to; the row lock it takes is held until the transaction ends, so
 * concurrent writers queue instead of forking the chain. A caller that read the head earlier in
 * its transaction (alongside another statement of its own) passes it as `expectedHead`: when no
 * one appended in between, that is the whole append. Otherwise, or without a guess, the head is
 * read and locked first, and the entries are chained to it.
 */
export async function appendAuditEntries(
  trx: Kysely<Database>,
  entries: readonly NewAuditEntry[],
  options: { expectedHead?: AuditHead } = {},
): Promise<AuditEntry[]> {
  if (!trx.isTransaction) {
    throw new Error('appendAuditEntries must run inside the transaction of the change it records');
  }
  if (entries.length === 0) return [];
  if (options.expectedHead) {
    const written = chainEntries(options.expectedHead, entries);
    if (await insertIfHeadIs(trx, options.expectedHead, written)) return written;
  }
  const head = await lockAuditHead(trx);
  const written = chainEntries(head, entries);
  if (!(await insertIfHeadIs(trx, head, written))) {
    throw new Error('The audit chain head moved while this transaction held its lock');
  }
  return written;
}

/**
 * The head as it is now, without a lock, for a statement that reads it alongside its own work
 * and later passes it to `appendAuditEntries` as its expected head.
 */
export function selectAuditHead(db: QueryCreator<Database>) {
  return db
    .selectFrom('audit_chain_head')
    .select(['audit_chain_head.seq', 'audit_chain_head.hash']);
}

async function lockAuditHead(trx: Kysely<Database>): Promise<AuditHead> {
  const head = await selectAuditHead(trx).forUpdate().executeTakeFirst();
  if (!head) throw new Error('The audit chain has no head row: run the migrations');
  return head;
}

function chainEntries(head: AuditHead, entries: readonly NewAuditEntry[]): AuditEntry[] {
  let seq = head.seq;
  let prevHash = head.hash;
  return entries.map((entry) => {
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
}

/**
 * One statement: moves the head from `head` to the last of `written` and inserts them, or does
 * neither when the head is no longer `head`. The entries travel as one JSON document, so the
 * statement is the same whatever their number. Returns whether it applied.
 */
async function insertIfHeadIs(
  trx: Kysely<Database>,
  head: AuditHead,
  written: readonly AuditEntry[],
): Promise<boolean> {
  const last = written.at(-1);
  if (!last) return true;
  const rows = written.map((entry) => ({
    seq: entry.seq,
    id: entry.id,
    occurred_at: entry.occurredAt,
    actor_user_id: entry.actorUserId,
    actor_roles: entry.actorRoles,
    action: entry.action,
    resource_type: entry.resourceType,
    resource_id: entry.resourceId,
    outcome: entry.outcome,
    request_id: entry.requestId,
    changes: entry.changes,
    prev_hash: entry.prevHash,
    hash: entry.hash,
  }));
  const result = await sql<{ seq: number }>`
    with advanced as (
      update audit_chain_head set seq = ${last.seq}, hash = ${last.hash}
      where seq = ${head.seq} and hash = ${head.hash}
      returning seq
    )
    insert into audit_entry (seq, id, occurred_at, actor_user_id, actor_roles, action,
      resource_type, resource_id, outcome, request_id, changes, prev_hash, hash)
    select e.seq, e.id, e.occurred_at, e.actor_user_id, e.actor_roles, e.action,
      e.resource_type, e.resource_id, e.outcome, e.request_id, e.changes, e.prev_hash, e.hash
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as e(seq bigint, id uuid,
      occurred_at timestamptz, actor_user_id uuid, actor_roles jsonb, action text,
      resource_type text, resource_id text, outcome text, request_id text, changes jsonb,
      prev_hash text, hash text)
    where exists (select 1 from advanced)
    returning seq
  `.execute(trx);
  return result.rows.length === written.length;
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
    }
  | {
      intact: false;
      /** Every entry verifies… */
      entries: number;
      /** …but the chain does not end where its head row says: newer entries were removed. */
      headMismatch: AuditHead;
    };

/**
 * Recomputes the chain from the first entry and stops at the first entry that does not match:
 * its content no longer gives its hash (it was changed), its previous hash is not its
 * predecessor's (an entry was replaced), or its position skips one (an entry was removed). A
 * chain that verifies must also end at the head row: otherwise its newest entries were removed.
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
    if (rows.length < batchSize) {
      const entries = expectedSeq - 1;
      const head = await selectAuditHead(db).executeTakeFirst();
      if (head && (head.seq !== entries || head.hash !== prevHash)) {
        return { intact: false, entries, headMismatch: head };
      }
      return { intact: true, entries, headHash: prevHash };
    }
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
