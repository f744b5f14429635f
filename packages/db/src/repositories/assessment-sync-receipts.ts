import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { AuditHead } from './audit-log.js';

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
  /** Another copy of the item claimed it first: read its receipt. */
  | { claimed: false };

/**
 * Claims a client id for the item being processed: the primary key makes this the one place
 * where two copies of an item meet. Only the first claim inserts; a concurrent claim waits for
 * the first transaction to end and then inserts nothing. A claim also returns the audit head
 * that the item's entry will most likely follow (see `appendAuditEntries`): in its `returning`
 * clause rather than a statement of its own, which on PGlite costs as much as the claim. Must
 * run in the transaction that processes the item and stores its answer.
 */
export async function claimSyncReceipt(
  trx: Kysely<Database>,
  receipt: Omit<SyncReceipt, 'answer'>,
): Promise<SyncClaim> {
  if (!trx.isTransaction) throw new Error('claimSyncReceipt must run inside a transaction');
  const claimed = await trx
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
    .returning((eb) => [
      eb.selectFrom('audit_chain_head').select('audit_chain_head.seq').as('head_seq'),
      eb.selectFrom('audit_chain_head').select('audit_chain_head.hash').as('head_hash'),
    ])
    .executeTakeFirst();
  if (!claimed) return { claimed: false };
  if (claimed.head_seq === null || claimed.head_hash === null) {
    throw new Error('The audit chain has no head row: run the migrations');
  }
  return { claimed: true, auditHead: { seq: claimed.head_seq, hash: claimed.head_hash } };
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
