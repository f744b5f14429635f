import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

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

/**
 * Claims a client id for the item being processed: the primary key makes this the one place
 * where two copies of an item meet. Only the first claim inserts; a concurrent claim waits for
 * the first transaction to end and then inserts nothing. Returns whether this call claimed it.
 * Must run in the transaction that processes the item and then calls `setSyncReceiptAnswer`.
 */
export async function claimSyncReceipt(
  trx: Kysely<Database>,
  receipt: Omit<SyncReceipt, 'answer'>,
): Promise<boolean> {
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
    .returning('client_id')
    .executeTakeFirst();
  return claimed !== undefined;
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
