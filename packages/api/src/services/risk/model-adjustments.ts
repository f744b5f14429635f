import { AppError, isCountryInScope, newId, RiskModel, type Actor } from '@prevention/core';
import {
  appendAuditEntries,
  findProfiledAreas,
  findRiskModelVersion,
  findRiskModelVersions,
  insertRiskModelVersion,
  type DatabaseClient,
} from '@prevention/db';
import { compileModel } from '@prevention/risk';
import { z } from 'zod';
import type { RiskServices } from '../../context.js';
import { auditEntry, type AuditContext } from '../audit-trail.js';
import { profileRange } from './recompute.js';
import { toModelVersionView, type RiskModelVersionView } from './risk-views.js';

/**
 * A country team's adjustment of a model for its country — other weights, indicators left out or
 * added, other thresholds — stored as a new version of that model scoped to the country, beside
 * the global one, never in place of it. The definition must pass the engine's schema and
 * compile; the change is audited in the same transaction; the country's profiles under the new
 * version are then computed in the background.
 */
export async function adjustRiskModel(
  ctx: AuditContext & { db: DatabaseClient },
  actor: Actor,
  services: RiskServices | undefined,
  request: { basedOn: string; countryCode: string; definition: unknown; note: string },
): Promise<RiskModelVersionView> {
  if (!isCountryInScope(actor.scope, request.countryCode))
    throw new AppError('FORBIDDEN', 'You can only adjust the model of a country you work on.');
  const base = await findRiskModelVersion(ctx.db, request.basedOn);
  if (!base || (base.countryCode !== null && base.countryCode !== request.countryCode))
    throw new AppError('NOT_FOUND', 'There is no such model version for this country.');
  const parsed = RiskModel.safeParse(request.definition);
  if (!parsed.success)
    throw new AppError(
      'BAD_REQUEST',
      `The model is not valid:\n${z.prettifyError(parsed.error)}`.slice(0, 2000),
    );
  const definition = parsed.data;
  if (definition.id !== base.modelId)
    throw new AppError('BAD_REQUEST', `An adjustment of ${base.modelId} keeps its id.`);
  try {
    compileModel(definition);
  } catch (error) {
    if (error instanceof AppError) throw new AppError('BAD_REQUEST', error.message);
    throw error;
  }
  const taken = await findRiskModelVersions(ctx.db, [request.countryCode]);
  if (taken.some((v) => v.modelId === definition.id && v.version === definition.version))
    throw new AppError(
      'CONFLICT',
      `${definition.id} ${definition.version} exists already: give the adjustment a version of its own.`,
    );

  const version = await ctx.db.transaction().execute(async (trx) => {
    const stored = await insertRiskModelVersion(trx, {
      id: newId(),
      definition,
      countryCode: request.countryCode,
      basedOn: base.id,
      note: request.note,
      createdBy: actor.userId,
      now: ctx.now(),
    });
    await appendAuditEntries(trx, [
      auditEntry(ctx, actor, {
        action: 'risk-model.adjust',
        resourceType: 'risk_model_version',
        resourceId: stored.id,
        changes: [
          { field: 'basedOn', before: null, after: base.id },
          { field: 'countryCode', before: null, after: request.countryCode },
          { field: 'version', before: base.version, after: definition.version },
          { field: 'note', before: null, after: request.note },
        ],
      }),
    ]);
    return stored;
  });

  const { from } = profileRange(ctx.now());
  const areas = (await findProfiledAreas(ctx.db))
    .filter((area) => area.countryCode === request.countryCode)
    .map((area) => ({ ...area, from }));
  // The new version is listed at once; its profiles follow from the recomputation.
  services?.views?.invalidate();
  await services?.recomputeTouched(areas);
  return toModelVersionView(version);
}
