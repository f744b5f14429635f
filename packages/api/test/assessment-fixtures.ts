import {
  composeAssessmentForm,
  exampleContent,
  type AssessmentContent,
  type SyncAnswer,
  type SyncItem,
} from '@prevention/assessment';
import { newId, type Actor, type Role } from '@prevention/core';
import type { DatabaseClient } from '@prevention/db';
import { createTestUser } from '@prevention/db/testing';
import { platformPillars } from '@prevention/risk';
import type { ApiDependencies } from '../src/index.js';
import { actorOf, callerFor } from './harness.js';

export const form = composeAssessmentForm(platformPillars);

let counter = 0;

/** A complete assessment's content, different each time unless a title is given. */
export function testContent(overrides: Partial<AssessmentContent> = {}): AssessmentContent {
  counter += 1;
  let state = counter * 7919;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  return { ...exampleContent(form, { title: `Test assessment ${counter}`, random }), ...overrides };
}

/** A sync item that creates a new assessment in Sudan, with any field overridden. */
export function syncItem(overrides: Partial<SyncItem> = {}): SyncItem {
  return {
    clientId: newId(),
    assessmentId: newId(),
    baseRevision: null,
    areaCode: 'SDN',
    period: '2026-10',
    content: testContent(),
    savedAt: new Date().toISOString(),
    ...overrides,
  };
}

export function acknowledged(answer: SyncAnswer | undefined) {
  if (answer?.outcome !== 'acknowledged') {
    throw new Error(`Expected an acknowledgement, got ${JSON.stringify(answer)}`);
  }
  return answer;
}

export interface Team {
  author: Actor;
  reviewer: Actor;
  lead: Actor;
}

/** Three people who take assessments anywhere through their lifecycle, cleared for everything. */
export async function testTeam(db: DatabaseClient): Promise<Team> {
  const member = async (role: Role) =>
    actorOf(
      await createTestUser(db, {
        roles: [role],
        scope: { kind: 'global' },
        clearance: 'strictly-confidential',
      }),
    );
  return {
    author: await member('field-officer'),
    reviewer: await member('reviewer'),
    lead: await member('country-team-lead'),
  };
}

/**
 * An assessment taken through its lifecycle up to `status` by a team: created and submitted by
 * the author, returned or endorsed by the reviewer, published by the lead.
 */
export async function assessmentIn(
  deps: ApiDependencies,
  team: Team,
  status: 'draft' | 'submitted' | 'returned' | 'endorsed' | 'published',
  item: Partial<SyncItem> = {},
): Promise<{ id: string; revision: number; item: SyncItem }> {
  const created = syncItem(item);
  const [answer] = (await callerFor(deps, team.author).assessments.sync({ items: [created] }))
    .answers;
  const id = created.assessmentId;
  let revision = acknowledged(answer).revision;
  const step = async (actor: Actor, action: 'submit' | 'return' | 'endorse' | 'publish') => {
    const comments = action === 'return' ? { risks: 'Please add the likelihood sources.' } : {};
    revision = (
      await callerFor(deps, actor).assessments.transition({ id, action, revision, comments })
    ).revision;
  };
  if (status === 'draft') return { id, revision, item: created };
  await step(team.author, 'submit');
  if (status === 'returned') await step(team.reviewer, 'return');
  if (status === 'endorsed' || status === 'published') await step(team.reviewer, 'endorse');
  if (status === 'published') await step(team.lead, 'publish');
  return { id, revision, item: created };
}
