import {
  AppError,
  countryCodeOfArea,
  isCountryInScope,
  mayView,
  newId,
  redactFields,
  stricterSensitivity,
  type Actor,
  type Sensitivity,
  type Signal,
} from '@prevention/core';
import {
  appendAuditEntries,
  findAreaByCode,
  findSignalById,
  findSignals,
  insertSignal,
  recordAuditEntries,
  type AuditChange,
  type SignalFilter,
  type SignalRecord,
} from '@prevention/db';
import type { Context } from '../context.js';
import { auditEntry, loggableValue, type AuditContext } from './audit-trail.js';

/** A signal as a reader receives it: fields above their clearance replaced by a marker. */
export type SignalView = SignalRecord & { withheldPaths: string[] };

export type NewSignal = Omit<Signal, 'id'>;

/**
 * Records a signal in a country of the author's scope, at a record level the author may see.
 * Field levels may exceed it: a field officer may write down a name they will not read back.
 */
export async function createSignal(
  ctx: Context,
  actor: Actor,
  input: NewSignal,
): Promise<SignalView> {
  const countryCode = countryCodeOfArea(input.areaCode);
  if (!countryCode || !(await findAreaByCode(ctx.db, input.areaCode))) {
    throw new AppError('BAD_REQUEST', 'There is no area with this code.', {
      issues: [{ path: ['areaCode'], message: 'There is no area with this code.' }],
    });
  }
  if (!isCountryInScope(actor.scope, countryCode)) {
    throw new AppError('FORBIDDEN', 'You can only record signals in the countries you work on.');
  }
  if (!mayView(actor, input.sensitivity)) {
    throw new AppError(
      'FORBIDDEN',
      'You cannot record a signal at a sensitivity above your own clearance.',
    );
  }
  const signal: Signal = { ...input, id: newId() };
  const stored = await ctx.db.transaction().execute(async (trx) => {
    const record = await insertSignal(trx, signal, {
      countryCode,
      createdBy: actor.userId,
      now: ctx.now(),
    });
    await appendAuditEntries(trx, [
      auditEntry(ctx, actor, {
        action: 'signal.create',
        resourceType: 'signal',
        resourceId: record.id,
        changes: signalFields(ctx, record),
      }),
    ]);
    return record;
  });
  return present(stored, actor);
}

export async function getSignal(ctx: Context, actor: Actor, id: string): Promise<SignalView> {
  // Out of scope, above clearance or absent: the answer is the same, so existence does not leak.
  const record = await findSignalById(ctx.db, actor, id);
  if (!record) throw AppError.notFound('The signal');
  await auditStrictlyConfidentialReads(ctx, actor, [record]);
  return present(record, actor);
}

export async function listSignals(
  ctx: Context,
  actor: Actor,
  filter: SignalFilter,
  page: { beforeId?: string; limit: number },
): Promise<{ items: SignalView[]; nextCursor: string | null }> {
  const { signals, nextCursor } = await findSignals(ctx.db, actor, filter, page);
  await auditStrictlyConfidentialReads(ctx, actor, signals);
  return { items: signals.map((record) => present(record, actor)), nextCursor };
}

function present(record: SignalRecord, actor: Actor): SignalView {
  const { value, withheldPaths } = redactFields(
    record.payload,
    record.fieldSensitivity,
    actor.clearance,
  );
  return { ...record, payload: value, withheldPaths };
}

/** Every read that hands out strictly confidential data leaves an entry in the audit log. */
export async function auditStrictlyConfidentialReads(
  ctx: AuditContext & Pick<Context, 'db'>,
  actor: Actor,
  records: readonly SignalRecord[],
): Promise<void> {
  if (!mayView(actor, 'strictly-confidential')) return;
  const disclosed = records.filter(
    (record) =>
      record.sensitivity === 'strictly-confidential' ||
      Object.values(record.fieldSensitivity).includes('strictly-confidential'),
  );
  if (disclosed.length === 0) return;
  await recordAuditEntries(
    ctx.db,
    disclosed.map((record) =>
      auditEntry(ctx, actor, {
        action: 'signal.read',
        resourceType: 'signal',
        resourceId: record.id,
      }),
    ),
  );
}

const envelopeFields = [
  'pillar',
  'kind',
  'areaCode',
  'occurredOn',
  'title',
  'severity',
  'verification',
  'source',
] as const;

/**
 * The fields of a new signal as the audit log holds them. Envelope fields carry the record's
 * level; each top-level payload field carries the strictest level of any path inside it; the
 * levels themselves are always in clear, so the log can be read.
 */
function signalFields(ctx: Context, record: SignalRecord): AuditChange[] {
  const changes: AuditChange[] = envelopeFields.map((field) => ({
    field,
    before: null,
    after: loggableValue(ctx, record.sensitivity, record[field]),
  }));
  changes.push(
    { field: 'sensitivity', before: null, after: record.sensitivity },
    { field: 'fieldSensitivity', before: null, after: record.fieldSensitivity },
  );
  for (const [key, value] of Object.entries(record.payload)) {
    changes.push({
      field: `payload.${key}`,
      before: null,
      after: loggableValue(ctx, payloadFieldLevel(record, key), value),
    });
  }
  return changes;
}

function payloadFieldLevel(record: SignalRecord, key: string): Sensitivity {
  let level = record.sensitivity;
  for (const [path, fieldLevel] of Object.entries(record.fieldSensitivity)) {
    const head = path.split('.')[0]?.replace(/\[\]$/, '');
    if (head === key) level = stricterSensitivity(level, fieldLevel);
  }
  return level;
}
