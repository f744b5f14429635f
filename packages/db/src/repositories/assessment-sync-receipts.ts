import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { selectAuditHead, type AuditHead } from './audit-log.js';

export interface SyncReceipt {
  clientId: string;
  userId: string;
  assessmentId: string;
  itemHash: string;
  answer: Record<string, unknown>;
  receivedAt: Date;
}

/** Stands in for the answer until the transaction that claimed the receipt writes it. */
const pendingAnswer = { outcome: 'pending' };

export type SyncClaim =
  /** This transaction claimed the id; the audit head as the claim found it, unlocked. */
  | { claimed: true; auditHead: AuditHead }
  /**
   * Another copy of the item claimed it first; its receipt, when the claim could already see it
   * (a copy that committed while this claim waited for it cannot be: read it again).
   */
  | { claimed: false; earlier: SyncReceipt | undefined };

/**
 * Claims a client id for the item being processed: the primary key makes this the one place
 * where two copies of an item meet. Only the first claim inserts; a concurrent claim waits for
 * the first transaction to end and then inserts nothing. The same statement reads what the item
 * needs next either way: the receipt already stored under the id, or the audit head that the
 * item's entry will most likely follow (see `appendAuditEntries`). Must run in the transaction
 * that processes the item and stores its answer.
 */
export async function claimSyncReceipt(
  trx: Kysely<Database>,
  receipt: Omit<SyncReceipt, 'answer'>,
): Promise<SyncClaim> {
  if (!trx.isTransaction) throw new Error('claimSyncReceipt must run inside a transaction');
  const row = await trx
    .with('claimed', (db) =>
      db
        .insertInto('assessment_sync_receipt')
        .values({
          client_id: receipt.clientId,
          user_id: receipt.userId,
          assessment_id: receipt.assessmentId,
          item_hash: receipt.itemHash,
          answer: JSON.stringify(pendingAnswer),
          received_at: receipt.receivedAt,
        })
        .onConflict((oc) => oc.column('client_id').doNothing())
        .returning('client_id'),
    )
    .with('head', (db) => selectAuditHead(db))
    .selectFrom('head')
    // The statement's own insert is invisible to it: a receipt found here is an earlier one.
    .leftJoin('assessment_sync_receipt as earlier', (join) =>
      join.on('earlier.client_id', '=', receipt.clientId),
    )
    .select((eb) => [
      eb.exists(eb.selectFrom('claimed').select('claimed.client_id')).as('claimed'),
      'head.seq',
      'head.hash',
      'earlier.client_id',
      'earlier.user_id',
      'earlier.assessment_id',
      'earlier.item_hash',
      'earlier.answer',
      'earlier.received_at',
    ])
    .executeTakeFirst();
  if (!row) throw new Error('The audit chain has no head row: run the migrations');
  if (row.claimed) return { claimed: true, auditHead: { seq: row.seq, hash: row.hash } };
  const earlier =
    row.client_id === null ||
    row.user_id === null ||
    row.assessment_id === null ||
    row.item_hash === null ||
    row.answer === null ||
    row.received_at === null
      ? undefined
      : {
          clientId: row.client_id,
          userId: row.user_id,
          assessmentId: row.assessment_id,
          itemHash: row.item_hash,
          answer: row.answer,
          receivedAt: row.received_at,
        };
  return { claimed: false, earlier };
}

export async function setSyncReceiptAnswer(
  trx: Kysely<Database>,
  clientId: string,
  answer: Record<string, unknown>,
): Promise<void> {
  await trx
    .updateTable('assessment_sync_receipt')
    .set({ answer: JSON.stringify(answer) })
    .where('client_id', '=', clientId)
    .execute();
}

export async function findSyncReceipt(
  db: Kysely<Database>,
  clientId: string,
): Promise<SyncReceipt | undefined> {
  const row = await db
    .selectFrom('assessment_sync_receipt')
    .selectAll()
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row
    ? {
        clientId: row.client_id,
        userId: row.user_id,
        assessmentId: row.assessment_id,
        itemHash: row.item_hash,
        answer: row.answer,
        receivedAt: row.received_at,
      }
    : undefined;
}
