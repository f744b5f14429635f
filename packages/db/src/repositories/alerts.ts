import { AppError } from '@prevention/core';
import { Alert, alertLevels, type AlertLevel, type AlertStatus } from '@prevention/early-warning';
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import { z } from 'zod';
import { AlertEvent, AlertEventRecord, type NewAlertEvent } from '../alerts/alert-event.js';
import type { AlertEventRow, AlertRow, AlertTable, Database } from '../database.js';
import { type RecordReader, clearedLevels, countryList } from './signals.js';

/** What a write may change of an alert: everything but what names it and when it was raised. */
export type AlertPatch = Partial<
  Omit<Alert, 'id' | 'ruleId' | 'areaCode' | 'countryCode' | 'raisedAt'>
>;

/**
 * Stores a new alert, unless one of the same rule and area is not closed yet: then nothing is
 * written and the result is undefined (another evaluation raised it first; reconcile again).
 */
export async function insertAlert(db: Kysely<Database>, alert: Alert): Promise<Alert | undefined> {
  const row = await db
    .insertInto('alert')
    .values(alertColumns(alert))
    .onConflict((oc) =>
      oc.columns(['rule_id', 'area_code']).where('status', '<>', 'closed').doNothing(),
    )
    .returningAll()
    .executeTakeFirst();
  return row ? toAlert(row) : undefined;
}

/** Changes the fields given of an alert; returns it as it is now, or undefined if there is none. */
export async function updateAlert(
  db: Kysely<Database>,
  id: string,
  patch: AlertPatch,
): Promise<Alert | undefined> {
  const set = changedColumns(patch);
  if (Object.keys(set).length === 0) return findAlert(db, id);
  const row = await db
    .updateTable('alert')
    .set(set)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toAlert(row) : undefined;
}

/** The alert with this id, whoever may read it (the caller decides, and says NOT_FOUND). */
export async function findAlert(db: Kysely<Database>, id: string): Promise<Alert | undefined> {
  const row = await db.selectFrom('alert').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAlert(row) : undefined;
}

/** The alert with this id, locked until the transaction ends: every lifecycle step reads it so. */
export async function lockAlert(trx: Kysely<Database>, id: string): Promise<Alert | undefined> {
  if (!trx.isTransaction) throw new Error('lockAlert must run inside a transaction');
  const row = await trx
    .selectFrom('alert')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ? toAlert(row) : undefined;
}

/** The newest alert of a rule in an area, open or closed: what a new firing is reconciled with. */
export async function findLatestAlert(
  db: Kysely<Database>,
  ruleId: string,
  areaCode: string,
): Promise<Alert | undefined> {
  const row = await db
    .selectFrom('alert')
    .selectAll()
    .where('rule_id', '=', ruleId)
    .where('area_code', '=', areaCode)
    .orderBy('raised_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toAlert(row) : undefined;
}

/** The key of a rule and an area, as `findLatestAlerts` keys its answer. */
export const alertKey = (ruleId: string, areaCode: string): string => `${ruleId}|${areaCode}`;

/**
 * The newest alert of each rule and area asked (keyed by `alertKey`), locked until the
 * transaction ends: what an evaluation reconciles its firings with, read in one statement.
 */
export async function lockLatestAlerts(
  trx: Kysely<Database>,
  keys: readonly { ruleId: string; areaCode: string }[],
): Promise<Map<string, Alert>> {
  if (!trx.isTransaction) throw new Error('lockLatestAlerts must run inside a transaction');
  if (keys.length === 0) return new Map();
  const ruleIds = keys.map((key) => key.ruleId);
  const areaCodes = keys.map((key) => key.areaCode);
  const latest = sql<boolean>`id in (
    select distinct on (rule_id, area_code) id from alert
    where (rule_id, area_code) in (select * from unnest(${ruleIds}::text[], ${areaCodes}::text[]))
    order by rule_id, area_code, raised_at desc, id desc)`;
  // Locked in one order, so that two evaluations never wait on each other in a circle.
  const rows = await trx
    .selectFrom('alert')
    .selectAll()
    .where(latest)
    .orderBy('id')
    .forUpdate()
    .execute();
  return new Map(rows.map((row) => [alertKey(row.rule_id, row.area_code), toAlert(row)]));
}

/**
 * Stores new alerts in one statement, each unless one of its rule and area is not closed yet
 * (another evaluation raised it first). Returns the ids of those stored.
 */
export async function insertAlerts(
  trx: Kysely<Database>,
  alerts: readonly Alert[],
): Promise<Set<string>> {
  if (alerts.length === 0) return new Set();
  const rows = await trx
    .insertInto('alert')
    .values(alerts.map(alertColumns))
    .onConflict((oc) =>
      oc.columns(['rule_id', 'area_code']).where('status', '<>', 'closed').doNothing(),
    )
    .returning('id')
    .execute();
  return new Set(rows.map((row) => row.id));
}

/**
 * Writes what new firings changed of existing alerts, in one statement: their rule version,
 * level, periods, firings, evidence, sensitivity and time of update.
 */
export async function updateAlertFirings(
  trx: Kysely<Database>,
  alerts: readonly Alert[],
): Promise<void> {
  if (alerts.length === 0) return;
  const column = <T>(pick: (alert: Alert) => T) => alerts.map(pick);
  await sql`
    update alert set
      rule_version = v.rule_version, level = v.level, first_period = v.first_period,
      period = v.period, firings = v.firings, evidence = v.evidence::jsonb,
      sensitivity = v.sensitivity, updated_at = v.updated_at
    from unnest(
      ${column((a) => a.id)}::uuid[], ${column((a) => a.ruleVersion)}::int[],
      ${column((a) => a.level)}::text[], ${column((a) => a.firstPeriod)}::text[],
      ${column((a) => a.period)}::text[], ${column((a) => a.firings)}::int[],
      ${column((a) => JSON.stringify(a.evidence))}::text[], ${column((a) => a.sensitivity)}::text[],
      ${column((a) => a.updatedAt)}::timestamptz[]
    ) as v(id, rule_version, level, first_period, period, firings, evidence, sensitivity, updated_at)
    where alert.id = v.id`.execute(trx);
}

/**
 * Appends steps to the histories of several alerts in one statement, each alert's in the order
 * given, numbered after what it has. Take the alerts' locks first (`lockLatestAlerts`).
 */
export async function appendAlertEvents(
  trx: Kysely<Database>,
  events: readonly NewAlertEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const seen = new Map<string, number>();
  const order = events.map((event) => {
    const next = (seen.get(event.alertId) ?? 0) + 1;
    seen.set(event.alertId, next);
    return next;
  });
  const column = <T>(pick: (event: NewAlertEvent) => T) => events.map(pick);
  await sql`
    insert into alert_event (alert_id, seq, action, level, actor_id, at, note, period)
    select v.alert_id,
           coalesce((select max(e.seq) from alert_event e where e.alert_id = v.alert_id), 0) + v.ord,
           v.action, v.level, v.actor_id, v.at, v.note, v.period
    from unnest(
      ${column((e) => e.alertId)}::uuid[], ${order}::int[], ${column((e) => e.action)}::text[],
      ${column((e) => e.level)}::text[], ${column((e) => e.actorId)}::uuid[],
      ${column((e) => e.at)}::timestamptz[], ${column((e) => e.note)}::text[],
      ${column((e) => e.period)}::text[]
    ) as v(alert_id, ord, action, level, actor_id, at, note, period)`.execute(trx);
}

/**
 * Appends a step to an alert's history as its next one (numbered from 1). Two appends to one
 * alert at once would collide on the number: take the alert's lock (`lockAlert`) first.
 */
export async function appendAlertEvent(
  db: Kysely<Database>,
  event: NewAlertEvent,
): Promise<AlertEvent> {
  const row = await db
    .insertInto('alert_event')
    .columns(['alert_id', 'seq', 'action', 'level', 'actor_id', 'at', 'note', 'period'])
    .expression((eb) =>
      eb
        .selectFrom('alert_event')
        .select([
          sql<string>`${event.alertId}::uuid`.as('alert_id'),
          sql<number>`coalesce(max(seq), 0) + 1`.as('seq'),
          sql<string>`${event.action}`.as('action'),
          sql<string>`${event.level}`.as('level'),
          sql<string | null>`${event.actorId}::uuid`.as('actor_id'),
          sql<Date>`${new Date(event.at)}::timestamptz`.as('at'),
          sql<string | null>`${event.note}::text`.as('note'),
          sql<string | null>`${event.period}::text`.as('period'),
        ])
        .where('alert_id', '=', event.alertId),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAlertEvent(row);
}

/** An alert's history, in the order the steps were taken, with who took each by name. */
export async function listAlertEvents(
  db: Kysely<Database>,
  alertId: string,
): Promise<AlertEventRecord[]> {
  const rows = await db
    .selectFrom('alert_event')
    .leftJoin('app_user', 'app_user.id', 'alert_event.actor_id')
    .selectAll('alert_event')
    .select('app_user.display_name')
    .where('alert_event.alert_id', '=', alertId)
    .orderBy('alert_event.seq')
    .execute();
  return rows.map((row) =>
    AlertEventRecord.parse({ ...toAlertEvent(row), actorName: row.display_name }),
  );
}

export interface AlertFilter {
  status?: readonly AlertStatus[];
  countryCode?: string;
  areaCode?: string;
  level?: AlertLevel;
  limit: number;
  /** Where the previous page ended (its `nextCursor`). */
  cursor?: string | null;
}

/**
 * The alerts a reader may see — in their countries, at or below their clearance, both in SQL —
 * the highest level first and, within a level, the oldest first (then by id, so the order is
 * total and a page never repeats or skips an alert).
 */
export async function listAlerts(
  db: Kysely<Database>,
  reader: RecordReader,
  filter: AlertFilter,
): Promise<{ items: Alert[]; nextCursor: string | null }> {
  if (filter.status?.length === 0) return { items: [], nextCursor: null };
  let query = readableAlerts(db, reader).selectAll();
  if (filter.status) query = query.where('status', 'in', [...filter.status]);
  if (filter.countryCode) query = query.where('country_code', '=', filter.countryCode);
  if (filter.areaCode) query = query.where('area_code', '=', filter.areaCode);
  if (filter.level) query = query.where('level', '=', filter.level);
  if (filter.cursor) {
    const after = decodeCursor(filter.cursor);
    query = query.where((eb) =>
      eb.or([
        eb('level_rank', '<', after.rank),
        eb.and([
          eb('level_rank', '=', after.rank),
          eb(eb.refTuple('raised_at', 'id'), '>', eb.tuple(new Date(after.raisedAt), after.id)),
        ]),
      ]),
    );
  }
  const rows = await query
    .orderBy('level_rank', 'desc')
    .orderBy('raised_at')
    .orderBy('id')
    .limit(filter.limit + 1)
    .execute();
  const items = rows.slice(0, filter.limit).map(toAlert);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > filter.limit && last ? encodeCursor(last) : null };
}

/** Per country the reader may see, how many alerts are not closed and the highest level among them. */
export async function countOpenAlertsByCountry(
  db: Kysely<Database>,
  reader: RecordReader,
): Promise<{ countryCode: string; open: number; highestLevel: AlertLevel }[]> {
  const rows = await readableAlerts(db, reader)
    .select((eb) => [
      'country_code',
      eb.fn.countAll<number>().as('open'),
      eb.fn.max('level_rank').as('highest'),
    ])
    .where('status', '<>', 'closed')
    .groupBy('country_code')
    .orderBy('country_code')
    .execute();
  return rows.map((row) => ({
    countryCode: row.country_code,
    open: Number(row.open),
    highestLevel: alertLevels[Number(row.highest)] ?? 'watch',
  }));
}

/** How fast a country's team answered its alerts: the time from raising to each first step. */
export interface AlertResponseTimes {
  countryCode: string;
  /** Alerts raised since the date asked for. */
  alerts: number;
  /** Of those, acknowledged (a response acknowledges an unacknowledged alert). */
  acknowledged: number;
  responded: number;
  /** Null when none was acknowledged (responded). */
  medianHoursToAcknowledge: number | null;
  medianHoursToRespond: number | null;
}

/**
 * Per country the reader may see, over the alerts raised since `since` that they may see: how
 * many were acknowledged and responded to, and the median hours from the alert's raising to its
 * first acknowledgement (or response) and to its first response, from the alerts' histories.
 */
export async function alertResponseTimes(
  db: Kysely<Database>,
  reader: RecordReader,
  options: { since: Date },
): Promise<AlertResponseTimes[]> {
  const alerts = readableAlerts(db, reader)
    .select(['id', 'country_code', 'raised_at'])
    .where('raised_at', '>=', options.since);
  const result = await sql<{
    country_code: string;
    alerts: number | string;
    acknowledged: number | string;
    responded: number | string;
    hours_to_acknowledge: number | null;
    hours_to_respond: number | null;
  }>`
    with raised as (${alerts}),
    steps as (
      select raised.country_code, raised.raised_at,
             min(e.at) filter (where e.action in ('acknowledge', 'respond')) as acknowledged_at,
             min(e.at) filter (where e.action = 'respond') as responded_at
      from raised left join alert_event e on e.alert_id = raised.id
      group by raised.id, raised.country_code, raised.raised_at
    )
    select country_code,
           count(*) as alerts,
           count(acknowledged_at) as acknowledged,
           count(responded_at) as responded,
           percentile_cont(0.5) within group (
             order by (extract(epoch from acknowledged_at - raised_at) / 3600)::float8
           ) as hours_to_acknowledge,
           percentile_cont(0.5) within group (
             order by (extract(epoch from responded_at - raised_at) / 3600)::float8
           ) as hours_to_respond
    from steps group by country_code order by country_code
  `.execute(db);
  return result.rows.map((row) => ({
    countryCode: row.country_code,
    alerts: Number(row.alerts),
    acknowledged: Number(row.acknowledged),
    responded: Number(row.responded),
    medianHoursToAcknowledge: row.hours_to_acknowledge,
    medianHoursToRespond: row.hours_to_respond,
  }));
}

/** Alerts limited, in SQL, to the reader's countries and clearance. */
function readableAlerts(db: Kysely<Database>, reader: RecordReader) {
  let query = db.selectFrom('alert').where('sensitivity', 'in', clearedLevels(reader.clearance));
  if (reader.scope.kind === 'countries')
    query = query.where('country_code', 'in', countryList(reader.scope.countries));
  return query;
}

/** A position in the inbox order: the last alert's level rank, raising time and id. */
const InboxCursor = z.object({
  rank: z
    .number()
    .int()
    .min(0)
    .max(alertLevels.length - 1),
  raisedAt: z.iso.datetime(),
  id: z.uuid(),
});

function encodeCursor(alert: Alert): string {
  const position = {
    rank: alertLevels.indexOf(alert.level),
    raisedAt: alert.raisedAt,
    id: alert.id,
  };
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

function decodeCursor(cursor: string): z.infer<typeof InboxCursor> {
  try {
    return InboxCursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch (error) {
    throw new AppError('BAD_REQUEST', 'The cursor is not one this list gave.', { cause: error });
  }
}

const date = (value: string | null) => (value === null ? null : new Date(value));

type Writers = {
  [K in keyof AlertPatch]-?: (value: Alert[K]) => Updateable<AlertTable>;
};

/** How each field of an alert is written to its column. */
const writers: Writers = {
  ruleVersion: (value) => ({ rule_version: value }),
  level: (value) => ({ level: value }),
  status: (value) => ({ status: value }),
  firstPeriod: (value) => ({ first_period: value }),
  period: (value) => ({ period: value }),
  firings: (value) => ({ firings: value }),
  evidence: (value) => ({ evidence: JSON.stringify(value) }),
  sensitivity: (value) => ({ sensitivity: value }),
  updatedAt: (value) => ({ updated_at: new Date(value) }),
  acknowledgeBy: (value) => ({ acknowledge_by: new Date(value) }),
  acknowledgedAt: (value) => ({ acknowledged_at: date(value) }),
  acknowledgedBy: (value) => ({ acknowledged_by: value }),
  respondedAt: (value) => ({ responded_at: date(value) }),
  respondedBy: (value) => ({ responded_by: value }),
  response: (value) => ({ response: value === null ? null : JSON.stringify(value) }),
  responseNote: (value) => ({ response_note: value }),
  closedAt: (value) => ({ closed_at: date(value) }),
  closedBy: (value) => ({ closed_by: value }),
  outcome: (value) => ({ outcome: value }),
  closingNote: (value) => ({ closing_note: value }),
  snoozedUntil: (value) => ({ snoozed_until: value }),
  snoozedAtLevel: (value) => ({ snoozed_at_level: value }),
};

/** Every column of a new alert, from the alert checked against its schema. */
function alertColumns(alert: Alert): Insertable<AlertTable> {
  const { id, ruleId, areaCode, countryCode, raisedAt, ...rest } = Alert.parse(alert);
  // `rest` holds every other field, so the patch's columns are all the remaining ones.
  return {
    id,
    rule_id: ruleId,
    area_code: areaCode,
    country_code: countryCode,
    raised_at: new Date(raisedAt),
    ...changedColumns(rest),
  } as Insertable<AlertTable>;
}

/** The columns of the fields a patch gives (an undefined field is left as it is). */
function changedColumns(patch: AlertPatch): Updateable<AlertTable> {
  let columns: Updateable<AlertTable> = {};
  for (const key of Object.keys(writers) as (keyof Writers)[]) {
    const value = patch[key];
    if (value === undefined) continue;
    const write = writers[key] as (value: unknown) => Updateable<AlertTable>;
    columns = { ...columns, ...write(value) };
  }
  return columns;
}

/** A row as the domain's alert, checked against its schema. */
function toAlert(row: AlertRow): Alert {
  const iso = (value: Date | null) => (value === null ? null : value.toISOString());
  return Alert.parse({
    id: row.id,
    ruleId: row.rule_id,
    ruleVersion: row.rule_version,
    areaCode: row.area_code,
    countryCode: row.country_code,
    level: row.level,
    status: row.status,
    firstPeriod: row.first_period,
    period: row.period,
    firings: row.firings,
    evidence: row.evidence,
    sensitivity: row.sensitivity,
    raisedAt: row.raised_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    acknowledgeBy: row.acknowledge_by.toISOString(),
    acknowledgedAt: iso(row.acknowledged_at),
    acknowledgedBy: row.acknowledged_by,
    respondedAt: iso(row.responded_at),
    respondedBy: row.responded_by,
    response: row.response,
    responseNote: row.response_note,
    closedAt: iso(row.closed_at),
    closedBy: row.closed_by,
    outcome: row.outcome,
    closingNote: row.closing_note,
    snoozedUntil: row.snoozed_until,
    snoozedAtLevel: row.snoozed_at_level,
  });
}

function toAlertEvent(row: AlertEventRow): AlertEvent {
  return AlertEvent.parse({
    alertId: row.alert_id,
    seq: row.seq,
    action: row.action,
    level: row.level,
    actorId: row.actor_id,
    at: row.at.toISOString(),
    note: row.note,
    period: row.period,
  });
}
