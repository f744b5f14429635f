import type { Kysely } from 'kysely';
import type { Database, SignInAttemptTable } from '../database.js';

export type SignInOutcome = SignInAttemptTable['outcome'];

/**
 * Records a sign-in attempt before it is checked, and returns its id and how many failed or
 * unsettled attempts (this one included) the account and the address have made since `since`. Because the
 * attempt is written before the count is read, concurrent attempts — a batch of twenty calls in
 * one HTTP request, say — each see the ones written before them, and no more than the limit can
 * get through to the password check.
 */
export async function recordSignInAttempt(
  db: Kysely<Database>,
  attempt: { account: string; address: string; now: Date },
  since: Date,
): Promise<{ id: number; accountFailures: number; addressFailures: number }> {
  const { id } = await db
    .insertInto('sign_in_attempt')
    .values({
      account: attempt.account,
      address: attempt.address,
      attempted_at: attempt.now,
      outcome: 'pending',
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const lastSuccess = db
    .selectFrom('sign_in_attempt')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('account', '=', attempt.account)
    .where('outcome', '=', 'succeeded');
  const counts = await db
    .selectFrom('sign_in_attempt')
    .select((eb) => [
      eb.fn
        .countAll<number>()
        .filterWhere((f) =>
          f.and([
            f('account', '=', attempt.account),
            // A successful sign-in wipes the account's slate; the address keeps its count.
            f.or([f(lastSuccess, 'is', null), f('id', '>', lastSuccess)]),
          ]),
        )
        .as('account_failures'),
      eb.fn.countAll<number>().filterWhere('address', '=', attempt.address).as('address_failures'),
    ])
    .where('attempted_at', '>=', since)
    // Refused (throttled) calls do not count, so a lock-out ends one window after the last real try.
    .where('outcome', 'in', ['pending', 'failed'])
    .where((eb) =>
      eb.or([eb('account', '=', attempt.account), eb('address', '=', attempt.address)]),
    )
    .executeTakeFirstOrThrow();
  return {
    id,
    accountFailures: Number(counts.account_failures),
    addressFailures: Number(counts.address_failures),
  };
}

export async function settleSignInAttempt(
  db: Kysely<Database>,
  id: number,
  outcome: Exclude<SignInOutcome, 'pending'>,
): Promise<void> {
  await db.updateTable('sign_in_attempt').set({ outcome }).where('id', '=', id).execute();
}

/** Forgets attempts older than any throttling window: they no longer count. */
export async function deleteSignInAttemptsBefore(
  db: Kysely<Database>,
  before: Date,
): Promise<number> {
  const result = await db
    .deleteFrom('sign_in_attempt')
    .where('attempted_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
