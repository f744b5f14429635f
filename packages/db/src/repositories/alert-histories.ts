import { composeAssessmentForm, type AssessmentForm } from '@prevention/assessment';
import {
  addMonths,
  countryCodeOfArea,
  Month,
  Sensitivity,
  stricterSensitivity,
} from '@prevention/core';
import {
  JudgementFact,
  SignalFact,
  type AreaHistory,
  type RuleInputs,
} from '@prevention/early-warning';
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
  /**
   * Only what these rules read (`inputsOfRules`): the scores of their nodes, the values of
   * their indicators, the signals of their kinds, judgements if any reads them. Without it,
   * everything.
   */
  inputs?: RuleInputs;
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
  const inputs = request.inputs;
  const [profiles, indicators, signals, judgements] = await Promise.all([
    inputs?.nodeIds.length === 0 ? [] : readProfiles(db, window),
    inputs?.indicatorIds.length === 0 ? [] : readIndicators(db, window),
    inputs?.signalKinds.length === 0 ? [] : readSignals(db, window),
    inputs?.judgements === false ? [] : readJudgements(db, window),
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
  for (const p of profiles) factsOf(p.areaCode, p.countryCode).profiles.push(...p.facts);
  for (const i of indicators) factsOf(i.areaCode, i.countryCode).indicators.push(...i.facts);
  for (const s of signals) factsOf(s.areaCode, s.countryCode).signals.push(...s.facts);
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

/** An area's facts from one source. */
interface Located<T> {
  areaCode: string;
  countryCode: string;
  facts: T;
}

/** The areas asked for, for an `in (…)` condition (which cannot be empty). */
function areaList(areaCodes: readonly string[]): string[] {
  return areaCodes.length > 0 ? [...areaCodes] : [''];
}

/*
 * The three large sources come back as one row per area holding that area's rows as a JSON
 * array: for 250 areas over three years, about three times faster on the embedded database
 * than a row per record, whose transfer costs more than the query.
 */

/** A JSON array of tuples, as `json_agg(json_build_array(…))` gives it, checked by `schema`. */
function tuples<T extends z.ZodType>(schema: T, json: string): z.infer<T>[] {
  return z.array(schema).parse(JSON.parse(json));
}

/** A profile: month, basis, the root's score, and the summary of each node (a score among them). */
const ProfileTuple = z.tuple([
  Month,
  z.number().int(),
  z.number().nullable(),
  z.record(z.string(), z.object({ score: z.number().nullable() }).loose()),
]);

/** Every basis's profile of each month, with the root's score under the model's root id. */
async function readProfiles(db: Kysely<Database>, w: Window): Promise<Located<ProfileFact[]>[]> {
  const version = await db
    .selectFrom('risk_model_version')
    .select(sql<string>`definition -> 'root' ->> 'id'`.as('root_id'))
    .where('id', '=', w.modelVersionId)
    .executeTakeFirst();
  if (!version) return [];
  const nodes = w.inputs?.nodeIds;
  // Only the nodes asked for, picked out of each summary by the database: a summary holds every
  // node of the model, and the rules read two or three.
  const summary = nodes
    ? sql`(select json_object_agg(node, json_build_object('score', s.summary -> node -> 'score'))
           from (select summary::json as summary) s, unnest(${[...nodes]}::text[]) as node)`
    : sql`summary::json`;
  let query = db
    .selectFrom('risk_profile')
    .select([
      'area_code',
      'country_code',
      sql<string>`json_agg(json_build_array(month, basis, score, ${summary}) order by month, basis)::text`.as(
        'facts',
      ),
    ])
    .where('model_version_id', '=', w.modelVersionId)
    .where('month', '>=', w.from)
    .where('month', '<=', w.to)
    .groupBy(['area_code', 'country_code']);
  if (w.areaCodes) query = query.where('area_code', 'in', areaList(w.areaCodes));
  const rows = await query.execute();
  return rows.map((row) => ({
    areaCode: row.area_code,
    countryCode: row.country_code,
    facts: tuples(ProfileTuple, row.facts).map(([month, basis, score, summary]) => {
      const scores: Record<string, number | null> = {};
      for (const [node, figures] of Object.entries(summary)) scores[node] = figures.score;
      scores[version.root_id] = score;
      return { month, basis, scores };
    }),
  }));
}

const IndicatorTuple = z.tuple([z.string(), Month, z.number(), Sensitivity]);

/** Monthly totals (not for one sex or age group) of every indicator, in the order recorded. */
async function readIndicators(
  db: Kysely<Database>,
  w: Window,
): Promise<Located<IndicatorFact[]>[]> {
  let query = db
    .selectFrom('observation')
    .select([
      'area_code',
      'country_code',
      sql<string>`json_agg(json_build_array(indicator_code, period, value, sensitivity) order by period, created_at, id)::text`.as(
        'facts',
      ),
    ])
    .where('period', '>=', w.from)
    .where('period', '<=', w.to)
    // Quarters and years are not a month's value (and `2026-Q1` sorts among the months).
    .where(sql<boolean>`period ~ '^[0-9]{4}-[0-9]{2}$'`)
    .where('sex', 'is', null)
    .where('age', 'is', null)
    .where(visibleRows('observation'))
    .groupBy(['area_code', 'country_code']);
  if (w.inputs) query = query.where('indicator_code', 'in', [...w.inputs.indicatorIds]);
  if (w.areaCodes) {
    // The areas' countries too, so that the index on (country, period) narrows the scan.
    const countries = w.areaCodes.map((code) => countryCodeOfArea(code) ?? '');
    query = query
      .where('country_code', 'in', areaList([...new Set(countries)]))
      .where('area_code', 'in', areaList(w.areaCodes));
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    areaCode: row.area_code,
    countryCode: row.country_code,
    facts: tuples(IndicatorTuple, row.facts).map(([indicatorCode, month, value, sensitivity]) => ({
      indicatorCode,
      month,
      value,
      sensitivity,
    })),
  }));
}

const SignalTuple = z.tuple([
  SignalFact.shape.id,
  SignalFact.shape.pillar,
  SignalFact.shape.kind,
  SignalFact.shape.occurredOn,
  SignalFact.shape.severity,
  SignalFact.shape.verification,
  SignalFact.shape.sensitivity,
]);

/** The visible signals that occurred in the months asked for, oldest first. */
async function readSignals(db: Kysely<Database>, w: Window): Promise<Located<SignalFact[]>[]> {
  let query = db
    .selectFrom('signal')
    .select([
      'area_code',
      'country_code',
      sql<string>`json_agg(json_build_array(id, pillar, kind, occurred_on, severity, verification, sensitivity) order by occurred_on, id)::text`.as(
        'facts',
      ),
    ])
    .where('occurred_on', '>=', `${w.from}-01`)
    .where('occurred_on', '<', `${addMonths(w.to, 1)}-01`)
    .where(visibleRows('signal'))
    .groupBy(['area_code', 'country_code']);
  if (w.inputs) query = query.where('kind', 'in', [...w.inputs.signalKinds]);
  if (w.areaCodes) query = query.where('area_code', 'in', areaList(w.areaCodes));
  const rows = await query.execute();
  return rows.map((row) => ({
    areaCode: row.area_code,
    countryCode: row.country_code,
    facts: tuples(SignalTuple, row.facts).map(
      ([id, pillar, kind, occurredOn, severity, verification, sensitivity]) => ({
        id,
        pillar,
        kind,
        areaCode: row.area_code,
        occurredOn,
        severity,
        verification,
        sensitivity,
      }),
    ),
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
