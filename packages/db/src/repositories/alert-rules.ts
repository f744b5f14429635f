import { AlertRule, type AlertRuleDraft } from '@prevention/early-warning';
import { sql, type Kysely } from 'kysely';
import type { AlertRuleRow, Database } from '../database.js';

/**
 * Stores a draft as the next version of its rule (1 for a new id) and returns the saved rule.
 * A global rule and a country's rule of the same id share one sequence of versions, so that
 * `(id, version)` names one document. Saves of one id are serialised by a transaction lock.
 */
export async function saveAlertRule(
  db: Kysely<Database>,
  draft: AlertRuleDraft,
  savedBy: string,
  now: Date,
): Promise<AlertRule> {
  const save = async (trx: Kysely<Database>) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`alert-rule:${draft.id}`}))`.execute(trx);
    const latest = await trx
      .selectFrom('alert_rule')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('id', '=', draft.id)
      .executeTakeFirst();
    const rule = AlertRule.parse({ ...draft, version: (latest?.version ?? 0) + 1 });
    const row = await trx
      .insertInto('alert_rule')
      .values({
        id: rule.id,
        version: rule.version,
        country_code: rule.countryCode,
        enabled: rule.enabled,
        document: JSON.stringify(rule),
        saved_by: savedBy,
        saved_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toAlertRule(row);
  };
  return db.isTransaction ? save(db) : db.transaction().execute(save);
}

/**
 * The latest version of each rule, by id (a global rule before a country's of the same id):
 * every rule without a filter; with `countryCode: null` the global ones; with a country code
 * the rules that may apply there, the global ones and that country's own.
 */
export async function listAlertRules(
  db: Kysely<Database>,
  filter: { countryCode?: string | null } = {},
): Promise<AlertRule[]> {
  let query = db
    .selectFrom('alert_rule')
    .selectAll()
    .distinctOn(['id', sql`coalesce(country_code, '')`])
    .orderBy('id')
    .orderBy(sql`coalesce(country_code, '')`)
    .orderBy('version', 'desc');
  const countryCode = filter.countryCode;
  if (countryCode === null) query = query.where('country_code', 'is', null);
  else if (countryCode !== undefined)
    query = query.where((eb) =>
      eb.or([eb('country_code', 'is', null), eb('country_code', '=', countryCode)]),
    );
  const rows = await query.execute();
  return rows.map(toAlertRule);
}

/**
 * One version of a rule; without `version`, the latest saved under the id, or, with
 * `countryCode` (null for the global rule), the latest of that country's variant.
 */
export async function findAlertRule(
  db: Kysely<Database>,
  id: string,
  version?: number,
  countryCode?: string | null,
): Promise<AlertRule | undefined> {
  let query = db.selectFrom('alert_rule').selectAll().where('id', '=', id);
  if (version !== undefined) query = query.where('version', '=', version);
  if (countryCode !== undefined)
    query =
      countryCode === null
        ? query.where('country_code', 'is', null)
        : query.where('country_code', '=', countryCode);
  const row = await query.orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? toAlertRule(row) : undefined;
}

/** Every saved version of a rule id (of any country), newest first, with who saved it when. */
export async function listAlertRuleVersions(
  db: Kysely<Database>,
  id: string,
): Promise<{ rule: AlertRule; savedBy: string; savedAt: Date }[]> {
  const rows = await db
    .selectFrom('alert_rule')
    .selectAll()
    .where('id', '=', id)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((row) => ({
    rule: toAlertRule(row),
    savedBy: row.saved_by,
    savedAt: row.saved_at,
  }));
}

/** The stored document, checked against the schema it was saved under. */
function toAlertRule(row: AlertRuleRow): AlertRule {
  return AlertRule.parse(row.document);
}
