import type { Actor, Role } from '@prevention/core';
import {
  findRevision,
  findUserByEmail,
  hasSeedRun,
  recordSeedRun,
  type DemoAssessment,
  type DemoAssessmentStep,
  type DemoData,
} from '@prevention/db';
import { createContextInner, type ApiDependencies, type Context } from '../context.js';
import { syncAssessments } from './assessments/assessment-sync.js';
import { transitionAssessment } from './assessments/assessment-transitions.js';
import { demoUsers } from './demo-users.js';

const seedName = 'demo-assessments';

export type LoadDemoAssessmentsResult =
  | { loaded: true; assessments: number; revisions: number; conflicts: number; problems: string[] }
  | { loaded: false; reason: 'already-loaded' };

/**
 * Loads the demo assessments by replaying their steps through the same services the API calls —
 * sync for saves, transition for lifecycle steps — as the demo users, at the steps' own times, so
 * every revision, conflict and audit entry is what real use would have left. Run after the demo
 * users exist. It can be interrupted: saves replay through their receipts, and a lifecycle step
 * whose revision is already stored is skipped; the set is marked loaded once complete.
 */
export async function loadDemoAssessments(
  deps: ApiDependencies,
  data: Pick<DemoData, 'seed' | 'assessments'>,
): Promise<LoadDemoAssessmentsResult> {
  if (await hasSeedRun(deps.db, seedName)) return { loaded: false, reason: 'already-loaded' };
  const actors = await demoActors(deps);
  const totals = { assessments: 0, revisions: 0, conflicts: 0, problems: [] as string[] };
  for (const assessment of data.assessments) {
    const result = await replay(deps, actors, assessment);
    totals.assessments += result.revisions > 0 ? 1 : 0;
    totals.revisions += result.revisions;
    totals.conflicts += result.conflicts;
    if (result.problem) totals.problems.push(`${assessment.id}: ${result.problem}`);
  }
  await recordSeedRun(deps.db, seedName, data.seed);
  return { loaded: true, ...totals };
}

async function replay(
  deps: ApiDependencies,
  actors: ReadonlyMap<Role, Actor>,
  assessment: DemoAssessment,
): Promise<{ revisions: number; conflicts: number; problem?: string }> {
  let revision = 0;
  let conflicts = 0;
  for (const step of assessment.steps) {
    const actor = actors.get(step.by);
    if (!actor) return { revisions: revision, conflicts, problem: `no demo user is a ${step.by}` };
    const ctx = contextAt(deps, step);
    if (step.kind === 'save') {
      const { answers } = await syncAssessments(ctx, actor, {
        items: [
          {
            clientId: step.clientId,
            assessmentId: assessment.id,
            baseRevision: step.baseRevision,
            areaCode: assessment.areaCode,
            period: assessment.period,
            content: step.content,
            savedAt: step.at,
          },
        ],
      });
      const [answer] = answers;
      if (answer?.outcome === 'acknowledged') revision = answer.revision;
      else if (answer?.outcome === 'conflict' && answer.reason !== 'id-reused') conflicts += 1;
      else return { revisions: revision, conflicts, problem: `a save was ${answer?.outcome}` };
      continue;
    }
    if (await findRevision(deps.db, assessment.id, revision + 1)) {
      revision += 1;
      continue;
    }
    try {
      const detail = await transitionAssessment(ctx, actor, {
        id: assessment.id,
        action: step.action,
        revision,
        comments: step.comments,
      });
      revision = detail.revision;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { revisions: revision, conflicts, problem: `${step.action} refused: ${reason}` };
    }
  }
  return { revisions: revision, conflicts };
}

/** The demo users by role, acting with their full clearance as after a second factor. */
async function demoActors(deps: ApiDependencies): Promise<Map<Role, Actor>> {
  const actors = new Map<Role, Actor>();
  for (const { email } of demoUsers) {
    const user = await findUserByEmail(deps.db, email);
    if (!user || user.disabled) continue;
    const actor = {
      userId: user.id,
      roles: user.roles,
      scope: user.scope,
      clearance: user.clearance,
    };
    for (const role of user.roles) if (!actors.has(role)) actors.set(role, actor);
  }
  return actors;
}

function contextAt(deps: ApiDependencies, step: DemoAssessmentStep): Context {
  const at = new Date(step.at);
  return createContextInner(
    { ...deps, now: () => at },
    {
      requestId: 'demo-seed',
      clientAddress: '127.0.0.1',
      sessionToken: null,
      cookies: { set: () => undefined, clear: () => undefined },
    },
    async () => ({ kind: 'none' }),
  );
}
