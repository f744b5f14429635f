import type { AssessmentContent } from '@prevention/assessment';
import { newId, type Sensitivity } from '@prevention/core';
import type { AreaHistory } from '@prevention/early-warning';
import { preventionRiskModel } from '@prevention/risk';
import { describe, expect, it } from 'vitest';
import {
  basisOf,
  ensureShippedRiskModels,
  loadAreaHistories,
  replaceRiskProfiles,
  type DatabaseClient,
  type StoredRiskProfile,
} from '../src/index.js';
import {
  createTestSignal,
  createTestUser,
  databaseKinds,
  useTestDatabase,
} from '../src/testing/index.js';

const now = new Date('2026-12-09T10:00:00Z');
const root = preventionRiskModel.root.id;

/** A profile whose root scores `score` and whose peace and security pillar scores `pillar`. */
function profile(month: string, level: Sensitivity, score: number, pillar: number | null) {
  return {
    month,
    basis: basisOf(level),
    score,
    class: null,
    change3: null,
    change12: null,
    completeness: 1,
    reliability: 1,
    summary: { [root]: { score }, 'peace-security': { score: pillar, class: null } },
    profile: {},
  } satisfies StoredRiskProfile;
}

async function storeObservation(
  db: DatabaseClient,
  by: string,
  row: {
    areaCode?: string;
    indicatorCode?: string;
    period: string;
    value: number;
    sensitivity?: Sensitivity;
    sex?: string;
  },
) {
  const areaCode = row.areaCode ?? 'SDN';
  await db
    .insertInto('observation')
    .values({
      id: newId(),
      indicator_code: row.indicatorCode ?? 'peace-security.fatalities',
      area_code: areaCode,
      country_code: areaCode,
      period: row.period,
      sex: row.sex ?? null,
      age: null,
      source: 'Field count',
      value: row.value,
      reliability: 'high',
      sensitivity: row.sensitivity ?? 'public',
      import_batch_id: null,
      source_row: null,
      replaces: null,
      superseded_by: null,
      created_by: by,
      created_at: new Date(),
    })
    .execute();
}

/** An assessment of Sudan with its identified risks, and a revision of `action` on `savedAt`. */
async function storeAssessmentStep(
  db: DatabaseClient,
  by: string,
  step: {
    action: 'endorse' | 'submit';
    savedAt: string;
    risks: Record<string, unknown>[];
    sensitivity?: Sensitivity;
    risksSensitivity?: Sensitivity;
    areaCode?: string;
  },
) {
  const id = newId();
  const areaCode = step.areaCode ?? 'SDN';
  const content: AssessmentContent = {
    title: 'Joint assessment',
    sensitivity: step.sensitivity ?? 'public',
    sectionSensitivity: step.risksSensitivity ? { risks: step.risksSensitivity } : {},
    sections: { risks: { risks: step.risks } },
  };
  const at = new Date(step.savedAt);
  const status = step.action === 'endorse' ? 'endorsed' : 'submitted';
  await db
    .insertInto('assessment')
    .values({
      id,
      area_code: areaCode,
      country_code: areaCode,
      period: '2026-10',
      title: content.title,
      status,
      revision: 2,
      sensitivity: content.sensitivity,
      content: JSON.stringify(content),
      pillars: '[]',
      organisations: '[]',
      risk_count: step.risks.length,
      highest_risk: null,
      submitted_by: by,
      created_by: by,
      created_at: at,
      updated_by: by,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('assessment_revision')
    .values({
      assessment_id: id,
      revision: 2,
      action: step.action,
      status,
      sensitivity: content.sensitivity,
      content: JSON.stringify(content),
      comments: null,
      changed_sections: '[]',
      client_id: null,
      author_id: by,
      saved_at: at,
    })
    .execute();
  return id;
}

const levelsOf = (layers: readonly AreaHistory[] | undefined) => layers?.map((l) => l.sensitivity);

describe.each(databaseKinds())('area histories on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('builds one layer per level the data reaches from what is stored', async () => {
    const [version] = await ensureShippedRiskModels(database.db, [preventionRiskModel], now);
    const modelVersionId = version?.id ?? '';
    const user = await createTestUser(database.db);
    await replaceRiskProfiles(
      database.db,
      { modelVersionId, areaCode: 'SDN', countryCode: 'SDN', from: '2026-01', now },
      [
        profile('2026-08', 'public', 1, 1), // before the window
        profile('2026-09', 'public', 3, 2),
        profile('2026-09', 'confidential', 7, 8),
        profile('2026-10', 'public', 4, null),
        profile('2026-10', 'restricted', 5, 6),
      ],
    );
    await storeObservation(database.db, user.id, { period: '2026-09', value: 4 });
    await storeObservation(database.db, user.id, { period: '2026-10', value: 6 });
    await storeObservation(database.db, user.id, {
      period: '2026-10',
      value: 12,
      sensitivity: 'confidential',
    });
    // Not a monthly total, or outside the window: not read.
    await storeObservation(database.db, user.id, { period: '2026-10', value: 1, sex: 'female' });
    await storeObservation(database.db, user.id, { period: '2026-Q3', value: 30 });
    await storeObservation(database.db, user.id, { period: '2026-11', value: 99 });
    const publicSignal = await createTestSignal(database.db, user.id, {
      occurredOn: '2026-09-10',
      sensitivity: 'public',
    });
    const secretSignal = await createTestSignal(database.db, user.id, {
      occurredOn: '2026-10-31',
      sensitivity: 'strictly-confidential',
    });
    await createTestSignal(database.db, user.id, { occurredOn: '2026-08-31' });
    const endorsed = await storeAssessmentStep(database.db, user.id, {
      action: 'endorse',
      savedAt: '2026-10-15T12:00:00Z',
      risks: [
        { title: 'Land disputes turn violent', likelihood: 4, impact: 5 },
        { title: 'Not scored yet', likelihood: 3 },
      ],
    });
    await storeAssessmentStep(database.db, user.id, {
      action: 'submit',
      savedAt: '2026-10-16T12:00:00Z',
      risks: [{ title: 'Only submitted', likelihood: 5, impact: 5 }],
    });
    const confidentialJudgement = await storeAssessmentStep(database.db, user.id, {
      action: 'endorse',
      savedAt: '2026-09-01T00:00:00Z',
      risks: [{ title: 'Militia recruitment', likelihood: 3, impact: 3 }],
      risksSensitivity: 'confidential',
    });

    const histories = await loadAreaHistories(database.db, {
      areaCodes: ['SDN', 'NER'],
      modelVersionId,
      to: '2026-10',
      months: 2,
    });
    const sudan = histories.get('SDN');
    expect(levelsOf(sudan)).toEqual([
      'public',
      'restricted',
      'confidential',
      'strictly-confidential',
    ]);
    const [open, restricted, confidential, secret] = sudan ?? [];

    // Scores: for each month, the profile of the highest basis at or below the layer's level.
    expect(open?.scores).toEqual({
      [root]: [
        { month: '2026-09', score: 3 },
        { month: '2026-10', score: 4 },
      ],
      'peace-security': [
        { month: '2026-09', score: 2 },
        { month: '2026-10', score: null },
      ],
    });
    expect(restricted?.scores[root]).toEqual([
      { month: '2026-09', score: 3 },
      { month: '2026-10', score: 5 },
    ]);
    expect(confidential?.scores[root]).toEqual([
      { month: '2026-09', score: 7 },
      { month: '2026-10', score: 5 },
    ]);
    expect(confidential?.scores['peace-security']).toEqual([
      { month: '2026-09', score: 8 },
      { month: '2026-10', score: 6 },
    ]);

    // The confidential value of October is in the confidential layers only.
    const fatalities = (layer: AreaHistory | undefined) =>
      layer?.indicators['peace-security.fatalities'];
    expect(fatalities(open)).toEqual([
      { month: '2026-09', value: 4 },
      { month: '2026-10', value: 6 },
    ]);
    expect(fatalities(restricted)).toEqual(fatalities(open));
    expect(fatalities(confidential)).toEqual([
      { month: '2026-09', value: 4 },
      { month: '2026-10', value: 12 },
    ]);
    expect(fatalities(secret)).toEqual(fatalities(confidential));

    expect(open?.signals.map((s) => s.id)).toEqual([publicSignal.id]);
    expect(secret?.signals.map((s) => s.id)).toEqual([publicSignal.id, secretSignal.id]);
    expect(secret?.signals[1]).toEqual({
      id: secretSignal.id,
      pillar: secretSignal.pillar,
      kind: secretSignal.kind,
      areaCode: 'SDN',
      occurredOn: '2026-10-31',
      severity: secretSignal.severity,
      verification: secretSignal.verification,
      sensitivity: 'strictly-confidential',
    });

    // Identified risks are restricted by default (the form's risks section), or as raised.
    expect(open?.judgements).toEqual([]);
    expect(restricted?.judgements).toEqual([
      {
        assessmentId: endorsed,
        areaCode: 'SDN',
        month: '2026-10',
        title: 'Land disputes turn violent',
        likelihood: 4,
        impact: 5,
        sensitivity: 'restricted',
      },
    ]);
    expect(confidential?.judgements.map((j) => [j.assessmentId, j.month, j.sensitivity])).toEqual([
      [confidentialJudgement, '2026-09', 'confidential'],
      [endorsed, '2026-10', 'restricted'],
    ]);

    // An area asked for with nothing stored has one empty public layer.
    expect(histories.get('NER')).toEqual([
      {
        areaCode: 'NER',
        countryCode: 'NER',
        sensitivity: 'public',
        scores: {},
        indicators: {},
        signals: [],
        judgements: [],
      },
    ]);
    expect(histories.has('MLI')).toBe(false);
  });

  it('reads only what the rules read when told their inputs', async () => {
    const [version] = await ensureShippedRiskModels(database.db, [preventionRiskModel], now);
    const modelVersionId = version?.id ?? '';
    const user = await createTestUser(database.db);
    await replaceRiskProfiles(
      database.db,
      { modelVersionId, areaCode: 'TCD', countryCode: 'TCD', from: '2026-01', now },
      [
        {
          ...profile('2026-10', 'public', 4, 5),
          summary: {
            [root]: { score: 4 },
            'peace-security': { score: 5, class: null },
            development: { score: 2, class: null },
          },
        },
      ],
    );
    await storeObservation(database.db, user.id, { areaCode: 'TCD', period: '2026-10', value: 6 });
    await storeObservation(database.db, user.id, {
      areaCode: 'TCD',
      period: '2026-10',
      value: 70,
      indicatorCode: 'development.idps',
    });
    const violation = await createTestSignal(database.db, user.id, {
      areaCode: 'TCD',
      occurredOn: '2026-10-02',
      sensitivity: 'public',
    });
    await createTestSignal(database.db, user.id, {
      pillar: 'peace-security',
      kind: 'tension',
      areaCode: 'TCD',
      occurredOn: '2026-10-03',
      sensitivity: 'public',
    });
    await storeAssessmentStep(database.db, user.id, {
      action: 'endorse',
      savedAt: '2026-10-15T12:00:00Z',
      risks: [{ title: 'Land disputes turn violent', likelihood: 4, impact: 5 }],
      areaCode: 'TCD',
    });
    const request = { areaCodes: ['TCD'], modelVersionId, to: '2026-10', months: 1 } as const;

    // The identified risks are restricted by default: the fullest layer holds everything.
    const everything = (await loadAreaHistories(database.db, request)).get('TCD')?.at(-1);
    expect(Object.keys(everything?.scores ?? {}).sort()).toEqual(
      [root, 'development', 'peace-security'].sort(),
    );
    expect(everything?.signals).toHaveLength(2);
    expect(everything?.judgements).toHaveLength(1);

    const asked = await loadAreaHistories(database.db, {
      ...request,
      inputs: {
        nodeIds: ['peace-security'],
        indicatorIds: ['peace-security.fatalities'],
        signalKinds: ['violation'],
        judgements: false,
      },
    });
    // Nothing restricted was read, so there is one layer, the public one.
    expect(levelsOf(asked.get('TCD'))).toEqual(['public']);
    const [layer] = asked.get('TCD') ?? [];
    // The root's score comes with every profile; of the nodes, only those asked for.
    expect(layer?.scores).toEqual({
      [root]: [{ month: '2026-10', score: 4 }],
      'peace-security': [{ month: '2026-10', score: 5 }],
    });
    expect(layer?.indicators).toEqual({
      'peace-security.fatalities': [{ month: '2026-10', value: 6 }],
    });
    expect(layer?.signals.map((signal) => signal.id)).toEqual([violation.id]);
    expect(layer?.judgements).toEqual([]);
  });

  it('reads every area with anything stored when no areas are named', async () => {
    const user = await createTestUser(database.db);
    const [version] = await ensureShippedRiskModels(database.db, [preventionRiskModel], now);
    await storeObservation(database.db, user.id, {
      areaCode: 'MLI',
      period: '2025-03',
      value: 2,
      sensitivity: 'restricted',
    });
    const histories = await loadAreaHistories(database.db, {
      modelVersionId: version?.id ?? '',
      to: '2025-03',
      months: 1,
    });
    expect([...histories.keys()]).toEqual(['MLI']);
    expect(levelsOf(histories.get('MLI'))).toEqual(['public', 'restricted']);
    expect(histories.get('MLI')?.[0]?.indicators).toEqual({});
    expect(histories.get('MLI')?.[1]?.indicators).toEqual({
      'peace-security.fatalities': [{ month: '2025-03', value: 2 }],
    });
  });
});
