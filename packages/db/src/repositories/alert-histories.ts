import { composeAssessmentForm, type AssessmentForm } from '@prevention/assessment';
import {
  addMonths,
  countryCodeOfArea,
  Sensitivity,
  stricterSensitivity,
  type Month,
} from '@prevention/core';
import { JudgementFact, SignalFact, type AreaHistory } from '@prevention/early-warning';
import { platformPillars } from '@prevention/risk';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import {
  layerAreaFacts,
  type AreaFacts,
  type IndicatorFact,
  type ProfileFact,
} from '../alerts/history-layers.js';
import type { Database } from '../database.js';
import { visibleRows } from './imports.js';

export interface AreaHistoryRequest {
  /** The areas to read; without it, every area with anything stored in the months asked for. */
  areaCodes?: readonly string[];
  /** The risk model version whose profiles give the scores. */
  modelVersionId: string;
  /** The last month to read, and how many months up to it (`to` included). */
  to: Month;
  months: number;
}

/**
 * The histories of areas, as warning rules read them: per area one layer per sensitivity level
 * its data reaches (always the public one), least sensitive first. One query per source (risk
 * profiles, observations, signals, endorsements) for all the areas together. An area asked for
 * with nothing stored has one, empty, public layer.
 */
export async function loadAreaHistories(
  db: Kysely<Database>,
  request: AreaHistoryRequest,
): Promise<Map<string, AreaHistory[]>> {
  const from = addMonths(request.to, -(Math.max(request.months, 1) - 1));
  const window = { ...request, from };
  const [profiles, indicators, signals, judgements] = await Promise.all([
    readProfiles(db, window),
    readIndicators(db, window),
    readSignals(db, window),
    readJudgements(db, window),
  ]);
  const facts = new Map<string, CollectedFacts>();
  const factsOf = (areaCode: string, countryCode: string) => {
    let area = facts.get(areaCode);
    if (!area) {
      area = { areaCode, countryCode, profiles: [], indicators: [], signals: [], judgements: [] };
      facts.set(areaCode, area);
    }
    return area;
  };
  for (const area of request.areaCodes ?? []) {
    const countryCode = countryCodeOfArea(area);
    if (countryCode) factsOf(area, countryCode);
  }
  for (const p of profiles) factsOf(p.areaCode, p.countryCode).profiles.push(p.fact);
  for (const i of indicators) factsOf(i.areaCode, i.countryCode).indicators.push(i.fact);
  for (const s of signals) factsOf(s.fact.areaCode, s.countryCode).signals.push(s.fact);
  for (const j of judgements) factsOf(j.fact.areaCode, j.countryCode).judgements.push(j.fact);
  return new Map([...facts].map(([areaCode, area]) => [areaCode, layerAreaFacts(area)]));
}

/** An area's facts while they are collected from the sources. */
interface CollectedFacts extends AreaFacts {
  profiles: ProfileFact[];
  indicators: IndicatorFact[];
  signals: SignalFact[];
  judgements: JudgementFact[];
}

interface Window extends AreaHistoryRequest {
  from: Month;
}

interface Located<T> {
  areaCode: string;
  countryCode: string;
  fact: T;
}

/** The areas asked for, for an `in (…)` condition (which cannot be empty). */
function areaList(areaCodes: readonly string[]): string[] {
  return areaCodes.length > 0 ? [...areaCodes] : [''];
}

/** What a profile's `summary` holds per node: its score, among other figures. */
const NodeSummaries = z.record(z.string(), z.object({ score: z.number().nullable() }).loose());

/** Every basis's profile of each month, with the root's score under the model's root id. */
async function readProfiles(db: Kysely<Database>, w: Window): Promise<Located<ProfileFact>[]> {
  const version = await db
    .selectFrom('risk_model_version')
    .select(sql<string>`definition -> 'root' ->> 'id'`.as('root_id'))
    .where('id', '=', w.modelVersionId)
    .executeTakeFirst();
  if (!version) return [];
  let query = db
    .selectFrom('risk_profile')
    .select(['area_code', 'country_code', 'month', 'basis', 'score', 'summary'])
    .where('model_version_id', '=', w.modelVersionId)
    .where('month', '>=', w.from)
    .where('month', '<=', w.to);
  if (w.areaCodes) query = query.where('area_code', 'in', areaList(w.areaCodes));
  const rows = await query.orderBy('area_code').orderBy('month').orderBy('basis').execute();
  return rows.map((row) => {
    const scores: Record<string, number | null> = {};
    for (const [node, summary] of Object.entries(NodeSummaries.parse(JSON.parse(row.summary))))
      scores[node] = summary.score;
    scores[version.root_id] = row.score;
    return {
      areaCode: row.area_code,
      countryCode: row.country_code,
      fact: { month: row.month, basis: row.basis, scores },
    };
  });
}

/** Monthly totals (not for one sex or age group) of every indicator, in the order recorded. */
async function readIndicators(db: Kysely<Database>, w: Window): Promise<Located<IndicatorFact>[]> {
  let query = db
    .selectFrom('observation')
    .select(['area_code', 'country_code', 'indicator_code', 'period', 'value', 'sensitivity'])
    .where('period', '>=', w.from)
    .where('period', '<=', w.to)
    // Quarters and years are not a month's value (and `2026-Q1` sorts among the months).
    .where(sql<boolean>`period ~ '^[0-9]{4}-[0-9]{2}$'`)
    .where('sex', 'is', null)
    .where('age', 'is', null)
    .where(visibleRows('observation'));
  if (w.areaCodes) query = query.where('area_code', 'in', areaList(w.areaCodes));
  const rows = await query.orderBy('period').orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => ({
    areaCode: row.area_code,
    countryCode: row.country_code,
    fact: {
      indicatorCode: row.indicator_code,
      month: row.period,
      value: row.value,
      sensitivity: Sensitivity.parse(row.sensitivity),
    },
  }));
}

/** The visible signals that occurred in the months asked for. */
async function readSignals(
  db: Kysely<Database>,
  w: Window,
): Promise<{ countryCode: string; fact: SignalFact }[]> {
  let query = db
    .selectFrom('signal')
    .select([
      'id',
      'pillar',
      'kind',
      'area_code',
      'country_code',
      'occurred_on',
      'severity',
      'verification',
      'sensitivity',
    ])
    .where('occurred_on', '>=', `${w.from}-01`)
    .where('occurred_on', '<', `${addMonths(w.to, 1)}-01`)
    .where(visibleRows('signal'));
  if (w.areaCodes) query = query.where('area_code', 'in', areaList(w.areaCodes));
  const rows = await query.orderBy('occurred_on').orderBy('id').execute();
  return rows.map((row) => ({
    countryCode: row.country_code,
    fact: SignalFact.parse({
      id: row.id,
      pillar: row.pillar,
      kind: row.kind,
      areaCode: row.area_code,
      occurredOn: row.occurred_on,
      severity: row.severity,
      verification: row.verification,
      sensitivity: row.sensitivity,
    }),
  }));
}

/** An identified risk as the assessment form stores it; an incomplete one is not a judgement. */
const StoredRisk = z.object({
  title: z.string(),
  likelihood: z.number().int().min(1).max(5),
  impact: z.number().int().min(1).max(5),
});

const SectionSensitivities = z.record(z.string(), Sensitivity);

let form: AssessmentForm | undefined;
/** The platform's assessment form, which knows the identified risks' default sensitivity. */
function assessmentForm(): AssessmentForm {
  form ??= composeAssessmentForm(platformPillars);
  return form;
}

/**
 * The identified risks of every endorsement made in the months asked for, as the endorsed
 * revision holds them. A risk is as sensitive as the assessment or its risks section, whichever
 * is stricter; an assessment endorsed again after reopening judges again, in its month.
 */
async function readJudgements(
  db: Kysely<Database>,
  w: Window,
): Promise<{ countryCode: string; fact: JudgementFact }[]> {
  let query = db
    .selectFrom('assessment_revision as r')
    .innerJoin('assessment as a', 'a.id', 'r.assessment_id')
    .select([
      'r.assessment_id',
      'a.area_code',
      'a.country_code',
      'r.saved_at',
      'r.sensitivity',
      sql<unknown>`r.content -> 'sectionSensitivity'`.as('section_sensitivity'),
      sql<unknown>`r.content -> 'sections' -> 'risks' -> 'risks'`.as('risks'),
    ])
    .where('r.action', '=', 'endorse')
    .where('r.saved_at', '>=', new Date(`${w.from}-01T00:00:00Z`))
    .where('r.saved_at', '<', new Date(`${addMonths(w.to, 1)}-01T00:00:00Z`));
  if (w.areaCodes) query = query.where('a.area_code', 'in', areaList(w.areaCodes));
  const rows = await query.orderBy('r.saved_at').orderBy('r.assessment_id').execute();
  return rows.flatMap((row) => {
    const raised = SectionSensitivities.safeParse(row.section_sensitivity ?? {});
    const risksLevel = assessmentForm().sectionSensitivity(
      { sectionSensitivity: raised.success ? raised.data : {} },
      'risks',
    );
    const sensitivity = stricterSensitivity(row.sensitivity, risksLevel);
    const risks = Array.isArray(row.risks) ? row.risks : [];
    return risks.flatMap((item) => {
      const risk = StoredRisk.safeParse(item);
      if (!risk.success) return [];
      return [
        {
          countryCode: row.country_code,
          fact: JudgementFact.parse({
            assessmentId: row.assessment_id,
            areaCode: row.area_code,
            month: row.saved_at.toISOString().slice(0, 7),
            title: risk.data.title,
            likelihood: risk.data.likelihood,
            impact: risk.data.impact,
            sensitivity,
          }),
        },
      ];
    });
  });
}
