import type { AssessmentContent } from '@prevention/assessment';
import { type Actor, type Role, type Sensitivity } from '@prevention/core';
import { findAuditEntries } from '@prevention/db';
import { createTestUser, databaseKinds, useTestDatabase } from '@prevention/db/testing';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { acknowledged, syncItem, testContent } from './assessment-fixtures.js';
import { actorOf, callerFor, testDependencies } from './harness.js';

/**
 * Redaction of assessments: values planted in a section raised to strictly confidential, and in
 * the pillars' strictly confidential fields, must reach no restricted reader in any answer —
 * reads, revisions, diffs, lists, conflicts — and must survive a save by someone who cannot see
 * them.
 */
const secret = (name: string) => `PLANTED-${name}-${Math.random()}`;

function plantedContent(markers: { section: string; informant: string }): AssessmentContent {
  const content = testContent({ sectionSensitivity: { humanRights: 'strictly-confidential' } });
  const humanRights = content.sections.humanRights ?? {};
  const peaceSecurity = content.sections.peaceSecurity ?? {};
  content.sections.humanRights = { ...humanRights, situationOverview: markers.section };
  content.sections.peaceSecurity = {
    ...peaceSecurity,
    keyInformants: [{ name: markers.informant, contact: 'via the protection cluster' }],
  };
  return content;
}

describe.each(databaseKinds())('assessment redaction on %s', (kind) => {
  const database = useTestDatabase(kind);
  const markers = { section: secret('SECTION'), informant: secret('INFORMANT') };
  const laterMarkers = { section: secret('SECTION-2'), informant: secret('INFORMANT-2') };
  const planted = () => [...Object.values(markers), ...Object.values(laterMarkers)];
  let lead: Actor;
  let restrictedAuthor: Actor;
  let restrictedReviewer: Actor;
  let confidentialReviewer: Actor;
  let assessmentId: string;
  let conflictAnswers: string[] = [];
  const deps = () => testDependencies(database.db, kind);
  const as = (actor: Actor) => callerFor(deps(), actor).assessments;

  beforeAll(async () => {
    const user = async (role: Role, clearance: Sensitivity) =>
      actorOf(
        await createTestUser(database.db, {
          roles: [role],
          scope: { kind: 'countries', countries: ['SDN'] },
          clearance,
        }),
      );
    lead = await user('country-team-lead', 'strictly-confidential');
    restrictedAuthor = await user('field-officer', 'restricted');
    restrictedReviewer = await user('reviewer', 'restricted');
    confidentialReviewer = await user('reviewer', 'confidential');

    const first = syncItem({ content: plantedContent(markers) });
    assessmentId = first.assessmentId;
    acknowledged((await as(lead).sync({ items: [first] })).answers[0]);
    const second = syncItem({
      assessmentId,
      baseRevision: 1,
      content: plantedContent(laterMarkers),
    });
    acknowledged((await as(lead).sync({ items: [second] })).answers[0]);
    // The lead's stale edit is kept as a conflict that restricted authors will be shown.
    const leadsStale = syncItem({
      assessmentId,
      baseRevision: 1,
      content: plantedContent(markers),
    });
    await as(lead).sync({ items: [leadsStale] });
    // A restricted author's stale edit: the answer carries the server's version.
    const stale = syncItem({ assessmentId, baseRevision: 1 });
    const answers = [
      await as(restrictedAuthor).sync({ items: [stale] }),
      await as(restrictedAuthor).sync({ items: [stale] }),
    ];
    const [conflict] = answers[0]?.answers ?? [];
    if (conflict?.outcome !== 'conflict' || !conflict.conflictId) throw new Error('no conflict');
    const resolution = await as(restrictedAuthor).resolveConflict({
      conflictId: conflict.conflictId,
      baseRevision: 1,
      content: stale.content,
    });
    conflictAnswers = [...answers, resolution].map((answer) => JSON.stringify(answer));
  });

  /** Every answer a reader can get about the assessment, errors included, as text. */
  async function everyAnswer(actor: Actor): Promise<string[]> {
    const read = as(actor);
    const calls: Promise<unknown>[] = [
      read.list({ limit: 100 }),
      read.byId({ id: assessmentId }),
      read.history({ id: assessmentId }),
      read.revision({ id: assessmentId, revision: 1 }),
      read.revision({ id: assessmentId, revision: 2 }),
      read.diff({ id: assessmentId, from: 1, to: 2 }),
      read.diff({ id: assessmentId, from: 2, to: 1 }),
    ];
    return Promise.all(
      calls.map((call) =>
        call.then(
          (value) => JSON.stringify(value),
          (error: unknown) =>
            error instanceof TRPCError
              ? JSON.stringify({ code: error.code, message: error.message })
              : String(error),
        ),
      ),
    );
  }

  it('shows the planted values to the lead, who is cleared for them', async () => {
    const texts = (await everyAnswer(lead)).join('\n');
    for (const marker of planted()) expect(texts).toContain(marker);
  });

  it('withholds them from restricted and confidential readers in reads, revisions, diffs and lists', async () => {
    for (const reader of [restrictedAuthor, restrictedReviewer, confidentialReviewer]) {
      const texts = await everyAnswer(reader);
      expect(texts.filter((text) => text.includes('"code"'))).toEqual([]);
      for (const text of texts) for (const marker of planted()) expect(text).not.toContain(marker);
    }
    const detail = await as(confidentialReviewer).byId({ id: assessmentId });
    expect((detail.content as AssessmentContent).sections.humanRights).toEqual({
      withheld: true,
      sensitivity: 'strictly-confidential',
    });
    expect(detail.sectionSensitivity.humanRights).toBe('strictly-confidential');
  });

  it('withholds them from the answers to a conflict and from the versions kept in conflicts', async () => {
    expect(conflictAnswers).toHaveLength(3);
    for (const text of conflictAnswers) {
      expect(text).toContain('"outcome":"conflict"');
      for (const marker of planted()) expect(text).not.toContain(marker);
    }
    expect(conflictAnswers[0]).toContain('"withheld":true');
    const detail = await as(restrictedAuthor).byId({ id: assessmentId });
    expect(detail.conflicts.length).toBeGreaterThanOrEqual(2);
    const kept = JSON.stringify(detail.conflicts);
    for (const marker of planted()) expect(kept).not.toContain(marker);
    expect(JSON.stringify((await as(lead).byId({ id: assessmentId })).conflicts)).toContain(
      markers.section,
    );
  });

  it('keeps what a restricted author could not see when they save what they read', async () => {
    const detail = await as(restrictedAuthor).byId({ id: assessmentId });
    const content = structuredClone(detail.content) as AssessmentContent;
    content.title = 'Saved by someone who cannot see everything';
    // Trying to lower the raised section blind changes nothing either.
    content.sectionSensitivity = {};
    const [answer] = (
      await as(restrictedAuthor).sync({
        items: [syncItem({ assessmentId, baseRevision: detail.revision, content })],
      })
    ).answers;
    const saved = acknowledged(answer);
    const stored = (await as(lead).revision({ id: assessmentId, revision: saved.revision }))
      .content as AssessmentContent;
    expect(stored.title).toBe('Saved by someone who cannot see everything');
    expect(stored.sectionSensitivity.humanRights).toBe('strictly-confidential');
    expect(stored.sections.humanRights?.situationOverview).toBe(laterMarkers.section);
    expect(JSON.stringify(stored.sections.peaceSecurity)).toContain(laterMarkers.informant);
  });

  it('audits every read that discloses strictly confidential content', async () => {
    await as(lead).revision({ id: assessmentId, revision: 1 });
    const { entries } = await findAuditEntries(
      database.db,
      { resourceId: assessmentId, actorUserId: lead.userId },
      { limit: 50 },
    );
    expect(entries[0]).toMatchObject({
      action: 'assessment.read',
      changes: [{ field: 'disclosed', after: [1] }],
    });
    const restrictedReads = await findAuditEntries(
      database.db,
      { resourceId: assessmentId, actorUserId: restrictedReviewer.userId },
      { limit: 50 },
    );
    expect(restrictedReads.entries).toEqual([]);
  });
});
