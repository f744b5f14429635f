import { createHash } from 'node:crypto';
import {
  canonicalJson,
  decideEdit,
  restoreWithheld,
  type AssessmentContent,
  type ServerVersion,
  type SyncAnswer,
  type SyncItem,
  type SyncRequest,
  type SyncResponse,
} from '@prevention/assessment';
import {
  AppErrorIssue,
  countryCodeOfArea,
  Id,
  isCountryInScope,
  mayView,
  type Actor,
} from '@prevention/core';
import {
  claimSyncReceipt,
  findAreaByCode,
  findAssessmentById,
  findRevision,
  findSyncReceipt,
  lockAssessment,
  setSyncReceiptAnswer,
  type AuditHead,
  type DatabaseClient,
  type StoredAssessment,
} from '@prevention/db';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { unstorablePath } from '../../input-schemas.js';
import { isVisibleTo, readerFor } from './assessment-access.js';
import { assessmentForm } from './assessment-form.js';
import { auditDisclosure, redactFor } from './assessment-presentation.js';
import { keepConflict, writeRevision, type SyncedWrite } from './assessment-writes.js';

/**
 * The answer as the receipt stores it. It holds no content: a replay re-reads the server's
 * version of a conflict and redacts it for the caller as they are now, so a stored answer can
 * never hand out more than its reader may see today.
 */
export const StoredAnswer = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('acknowledged'),
    assessmentId: Id,
    revision: z.int().min(1),
    savedAt: z.iso.datetime(),
  }),
  z.object({
    outcome: z.literal('conflict'),
    assessmentId: Id,
    reason: z.enum(['stale-base', 'not-editable']),
    conflictId: Id,
    theirsRevision: z.int().min(1),
  }),
  z.object({
    outcome: z.literal('rejected'),
    code: z.enum(['BAD_REQUEST', 'FORBIDDEN', 'NOT_FOUND']),
    message: z.string(),
    issues: z.array(AppErrorIssue),
  }),
]);
export type StoredAnswer = z.infer<typeof StoredAnswer>;

/**
 * Synchronises a client's outbox: each item in order, each in a transaction of its own, so one
 * item's failure never undoes another's acknowledgement.
 */
export async function syncAssessments(
  ctx: Context,
  actor: Actor,
  request: SyncRequest,
): Promise<SyncResponse> {
  const answers: SyncAnswer[] = [];
  for (const item of request.items) {
    answers.push(await syncItem(ctx, actor, item));
    // Let other requests in between items: PGlite holds the event loop while a query runs, and a
    // batch of 50 must not keep everyone else waiting until it is done.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { answers };
}

/**
 * One item. Its client id is claimed in the receipt table first (insert … on conflict do
 * nothing): the primary key, not a check before the insert, decides which copy of an item is
 * processed. A copy that finds the id taken reads the stored answer — after the first copy's
 * transaction has committed, since the insert waited for it.
 *
 * The statements are few because each costs the embedded database about half a millisecond
 * whatever it does: the claim also reads the audit head, and an acknowledged write stores the
 * receipt's answer in the statement that writes the revision; other answers are stored after.
 */
async function syncItem(ctx: Context, actor: Actor, item: SyncItem): Promise<SyncAnswer> {
  const itemHash = createHash('sha256').update(canonicalJson(item)).digest('hex');
  const result = await ctx.db.transaction().execute(async (trx) => {
    const claim = await claimSyncReceipt(trx, {
      clientId: item.clientId,
      userId: actor.userId,
      assessmentId: item.assessmentId,
      itemHash,
      receivedAt: ctx.now(),
    });
    if (!claim.claimed) return { replay: await findSyncReceipt(trx, item.clientId) };
    const answer = await applyItem(trx, ctx, actor, item, claim.auditHead);
    // An acknowledgement was stored with its revision (see `writeRevision`).
    if (answer.outcome !== 'acknowledged') {
      await setSyncReceiptAnswer(trx, item.clientId, answer);
    }
    return { answer };
  });
  if ('answer' in result) return presentAnswer(ctx, actor, item, result.answer);
  const receipt = result.replay;
  if (!receipt) throw new Error(`The receipt of ${item.clientId} vanished after its claim failed`);
  if (receipt.userId !== actor.userId || receipt.itemHash !== itemHash) {
    // The same id for other content (or from someone else): nothing of the first is disclosed.
    return {
      clientId: item.clientId,
      outcome: 'conflict',
      assessmentId: item.assessmentId,
      reason: 'id-reused',
      conflictId: null,
      yours: { baseRevision: item.baseRevision, content: item.content },
      theirs: null,
    };
  }
  return presentAnswer(ctx, actor, item, StoredAnswer.parse(receipt.answer));
}

const rejected = (
  code: 'BAD_REQUEST' | 'FORBIDDEN' | 'NOT_FOUND',
  message: string,
  issues: AppErrorIssue[] = [],
): StoredAnswer => ({ outcome: 'rejected', code, message, issues });

const notFound = () => rejected('NOT_FOUND', 'The assessment was not found.');

async function applyItem(
  trx: DatabaseClient,
  ctx: Context,
  actor: Actor,
  item: SyncItem,
  auditHead: AuditHead,
): Promise<StoredAnswer> {
  const unstorable = unstorablePath(item.content);
  if (unstorable) {
    return rejected('BAD_REQUEST', 'The content holds characters that cannot be stored.', [
      { path: ['content', ...unstorable], message: 'Contains characters that cannot be stored' },
    ]);
  }
  const countryCode = countryCodeOfArea(item.areaCode);
  if (!countryCode) return noSuchArea();

  if (item.baseRevision !== null) {
    const current = await lockAssessment(trx, item.assessmentId);
    return current ? applyToExisting(trx, ctx, actor, item, current, auditHead) : notFound();
  }
  // A create. Most are what they say, so the insert itself (on conflict do nothing) finds out
  // whether the id is taken, rather than a locking read before it; every way it can fail leads
  // to the existing assessment, locked, and the same answer as an edit on a stale base.
  const checked = await checkContent(trx, actor, item, item.content, countryCode);
  if ('refusal' in checked) return existingOr(trx, ctx, actor, item, checked.refusal, auditHead);
  const written = await writeRevision(
    trx,
    ctx,
    actor,
    {
      id: item.assessmentId,
      before: null,
      areaCode: item.areaCode,
      countryCode,
      period: item.period,
      content: checked.content,
      status: 'draft',
      submittedBy: null,
      action: 'create',
      comments: null,
      clientId: item.clientId,
    },
    syncedWrite(item, auditHead),
  );
  if (written) return acknowledged(item.assessmentId, written);
  // The id was taken, earlier or by a concurrent create that committed first: this one builds
  // on nothing.
  const existing = await lockAssessment(trx, item.assessmentId);
  if (!existing) throw new Error(`Assessment ${item.assessmentId} is neither new nor stored`);
  return applyToExisting(trx, ctx, actor, item, existing, auditHead);
}

/**
 * A create whose content was refused: if its id names an existing assessment, the answer is
 * the one an edit of it gets (a conflict, or "already in use"), as if it had been checked first.
 */
async function existingOr(
  trx: DatabaseClient,
  ctx: Context,
  actor: Actor,
  item: SyncItem,
  refusal: StoredAnswer,
  auditHead: AuditHead,
): Promise<StoredAnswer> {
  const existing = await lockAssessment(trx, item.assessmentId);
  return existing ? applyToExisting(trx, ctx, actor, item, existing, auditHead) : refusal;
}

async function applyToExisting(
  trx: DatabaseClient,
  ctx: Context,
  actor: Actor,
  item: SyncItem,
  current: StoredAssessment,
  auditHead: AuditHead,
): Promise<StoredAnswer> {
  if (!isVisibleTo(actor, current)) {
    return item.baseRevision === null
      ? rejected(
          'BAD_REQUEST',
          'This assessment id is already in use: create the assessment under a new id.',
          [{ path: ['assessmentId'], message: 'Already in use' }],
        )
      : notFound();
  }
  const edit = decideEdit(actor, current);
  if (!edit.allowed && edit.code === 'FORBIDDEN') return rejected('FORBIDDEN', edit.reason);
  if (item.baseRevision !== null && item.baseRevision > current.revision) {
    return rejected('BAD_REQUEST', 'The base revision does not exist yet.', [
      { path: ['baseRevision'], message: `The latest revision is ${current.revision}` },
    ]);
  }

  const base =
    item.baseRevision === null
      ? undefined
      : await findRevision(trx, item.assessmentId, item.baseRevision);
  const restored = base
    ? restoreWithheld(assessmentForm, item.content, base.content, actor.clearance)
    : item.content;
  const countryCode = countryCodeOfArea(item.areaCode);
  if (!countryCode) return noSuchArea();
  const checked = await checkContent(trx, actor, item, restored, countryCode, current);
  if ('refusal' in checked) return checked.refusal;
  const content = checked.content;

  if (!edit.allowed || item.baseRevision !== current.revision) {
    const reason = edit.allowed ? 'stale-base' : 'not-editable';
    const conflictId = await keepConflict(
      trx,
      ctx,
      actor,
      {
        assessmentId: item.assessmentId,
        clientId: item.clientId,
        reason,
        baseRevision: item.baseRevision,
        serverRevision: current.revision,
        content,
      },
      { expectedAuditHead: auditHead },
    );
    return {
      outcome: 'conflict',
      assessmentId: item.assessmentId,
      reason,
      conflictId,
      theirsRevision: current.revision,
    };
  }
  const written = await writeRevision(
    trx,
    ctx,
    actor,
    {
      id: item.assessmentId,
      before: current,
      areaCode: item.areaCode,
      countryCode,
      period: item.period,
      content,
      status: current.status,
      submittedBy: current.submittedBy,
      action: 'save',
      comments: null,
      clientId: item.clientId,
    },
    syncedWrite(item, auditHead),
  );
  if (!written) throw new Error('An update cannot lose a race it holds the lock for');
  return acknowledged(item.assessmentId, written);
}

/**
 * What every write of content checks: the area exists and is in the writer's countries, the
 * content is a well-formed draft, and its record level is one the writer may see.
 */
async function checkContent(
  trx: DatabaseClient,
  actor: Actor,
  item: SyncItem,
  content: AssessmentContent,
  countryCode: string,
  current?: StoredAssessment,
): Promise<{ refusal: StoredAnswer } | { content: AssessmentContent }> {
  const refuse = (refusal: StoredAnswer) => ({ refusal });
  const areaChanged = !current || current.areaCode !== item.areaCode;
  if (areaChanged) {
    if (!isCountryInScope(actor.scope, countryCode)) {
      return refuse(
        rejected('FORBIDDEN', 'You can only write assessments of the countries you work on.'),
      );
    }
    // Countries are reference data and always stored; only a sub-national area is looked up.
    const isCountry = item.areaCode === countryCode;
    if (!isCountry && !(await findAreaByCode(trx, item.areaCode))) return refuse(noSuchArea());
  }
  const parsed = assessmentForm.draftSchema.safeParse(content);
  if (!parsed.success) {
    return refuse(
      rejected(
        'BAD_REQUEST',
        'The assessment is not valid; see the issues for each field.',
        parsed.error.issues.map((issue) => ({
          path: ['content', ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))],
          message: issue.message,
        })),
      ),
    );
  }
  if (!mayView(actor, parsed.data.sensitivity)) {
    return refuse(
      rejected(
        'FORBIDDEN',
        'You cannot give an assessment a sensitivity above your own clearance.',
        [{ path: ['content', 'sensitivity'], message: 'Above your clearance' }],
      ),
    );
  }
  return { content: parsed.data };
}

function noSuchArea(): StoredAnswer {
  return rejected('BAD_REQUEST', 'There is no area with this code.', [
    { path: ['areaCode'], message: 'There is no area with this code.' },
  ]);
}

/** How an item's acknowledgement is stored with its revision, in one statement. */
function syncedWrite(item: SyncItem, auditHead: AuditHead): SyncedWrite {
  return {
    clientId: item.clientId,
    answer: (written) => acknowledged(item.assessmentId, written),
    expectedAuditHead: auditHead,
  };
}

function acknowledged(
  assessmentId: string,
  written: { revision: number; savedAt: Date },
): StoredAnswer {
  return {
    outcome: 'acknowledged',
    assessmentId,
    revision: written.revision,
    savedAt: written.savedAt.toISOString(),
  };
}

/** The stored answer as the client receives it, with both versions of a conflict. */
export async function presentAnswer(
  ctx: Context,
  actor: Actor,
  item: Pick<SyncItem, 'clientId' | 'baseRevision' | 'content'>,
  answer: StoredAnswer,
): Promise<SyncAnswer> {
  const clientId = item.clientId;
  switch (answer.outcome) {
    case 'acknowledged':
    case 'rejected':
      return { clientId, ...answer };
    case 'conflict':
      return {
        clientId,
        outcome: 'conflict',
        assessmentId: answer.assessmentId,
        reason: answer.reason,
        conflictId: answer.conflictId,
        yours: { baseRevision: item.baseRevision, content: item.content },
        theirs: await serverVersion(ctx, actor, answer.assessmentId, answer.theirsRevision),
      };
  }
}

/**
 * A revision as the other side of a conflict: redacted for the caller, and only if they may
 * still see the assessment and that revision's record level.
 */
export async function serverVersion(
  ctx: Context,
  actor: Actor,
  assessmentId: string,
  revision: number,
): Promise<ServerVersion | null> {
  const assessment = await findAssessmentById(ctx.db, readerFor(actor), assessmentId);
  if (!assessment) return null;
  const stored = await findRevision(ctx.db, assessmentId, revision);
  if (!stored || !mayView(actor, stored.sensitivity)) return null;
  const floor = assessment.content.sectionSensitivity;
  await auditDisclosure(ctx, actor, assessmentId, [
    { content: stored.content, floor, ref: revision },
  ]);
  return {
    revision,
    status: stored.status,
    content: redactFor(actor, stored.content, floor),
    savedBy: stored.author.name,
    savedAt: stored.savedAt.toISOString(),
  };
}
