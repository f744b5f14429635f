import type { DiffEntry } from '@prevention/assessment';
import { jsonEqual, type LocalisedText } from '@prevention/core';
import type { PlanAction } from './action.js';
import type { FundingFlow } from './funding-flow.js';
import type { CollectiveOutcome } from './outcome.js';
import type { PlanContent } from './plan.js';

type Labels<T> = { readonly [K in keyof T]-?: LocalisedText };

const planLabels: Labels<Pick<PlanContent, 'title' | 'cycle'>> = {
  title: { en: 'Title', fr: 'Titre' },
  cycle: { en: 'Cycle', fr: 'Cycle' },
};

const outcomeLabels: Labels<Omit<CollectiveOutcome, 'id'>> = {
  title: { en: 'Title', fr: 'Titre' },
  description: { en: 'Description', fr: 'Description' },
  pillars: { en: 'Pillars', fr: 'Piliers' },
  indicators: { en: 'Indicators', fr: 'Indicateurs' },
  sdgTargets: { en: 'SDG targets', fr: 'Cibles des ODD' },
  riskNodes: { en: 'Risks it aims to reduce', fr: 'Risques visés' },
};

const actionLabels: Labels<Omit<PlanAction, 'id'>> = {
  title: { en: 'Title', fr: 'Titre' },
  outcomeIds: { en: 'Outcomes served', fr: 'Résultats servis' },
  pillars: { en: 'Pillars', fr: 'Piliers' },
  stage: { en: 'Stage', fr: 'Étape' },
  leadOrganisationId: { en: 'Lead organisation', fr: 'Organisation cheffe de file' },
  partners: { en: 'Partners', fr: 'Partenaires' },
  areas: { en: 'Areas', fr: 'Zones' },
  plannedStart: { en: 'Planned start', fr: 'Début prévu' },
  plannedEnd: { en: 'Planned end', fr: 'Fin prévue' },
  actualStart: { en: 'Actual start', fr: 'Début effectif' },
  actualEnd: { en: 'Actual end', fr: 'Fin effective' },
  status: { en: 'Status', fr: 'Statut' },
  genderMarker: { en: 'Gender equality marker', fr: 'Marqueur égalité des genres' },
  humanRightsMarker: { en: 'Human rights marker', fr: 'Marqueur droits humains' },
  riskDrivers: { en: 'Risk drivers addressed', fr: 'Facteurs de risque traités' },
  alertIds: { en: 'Alerts addressed', fr: 'Alertes traitées' },
  requiredBudget: { en: 'Required budget', fr: 'Budget requis' },
  focalPointId: { en: 'Focal point', fr: 'Point focal' },
};

const flowLabels: Labels<Omit<FundingFlow, 'id'>> = {
  sourceOrganisationId: { en: 'Source', fr: 'Source' },
  target: { en: 'Recipient', fr: 'Bénéficiaire' },
  status: { en: 'Status', fr: 'Statut' },
  date: { en: 'Date', fr: 'Date' },
  amount: { en: 'Amount', fr: 'Montant' },
  currency: { en: 'Currency', fr: 'Monnaie' },
  usdRate: { en: 'US dollar rate', fr: 'Taux en dollars des États-Unis' },
  description: { en: 'Description', fr: 'Description' },
};

const sectionLabels = {
  plan: { en: 'Plan', fr: 'Plan' },
  outcomes: { en: 'Collective outcomes', fr: 'Résultats collectifs' },
  actions: { en: 'Actions', fr: 'Actions' },
  flows: { en: 'Funding flows', fr: 'Flux de financement' },
} as const satisfies Record<string, LocalisedText>;
type Section = keyof typeof sectionLabels;

/**
 * The changes from one revision of a plan to the next, as the assessment's revision history
 * shows them: one entry per changed field, labelled section › item › field ("Actions › Local
 * peace committees › Status: 1 → 2"). Outcomes, actions and flows are matched by id, so a
 * reordered list is no change; an added or removed item is one entry.
 */
export function diffPlans(before: PlanContent, after: PlanContent): DiffEntry[] {
  const entries: DiffEntry[] = [];
  for (const field of ['title', 'cycle'] as const) {
    if (!jsonEqual(before[field], after[field]))
      entries.push(
        entry('plan', field, [sectionLabels.plan, planLabels[field]], before[field], after[field]),
      );
  }
  diffItems(entries, 'outcomes', before.outcomes, after.outcomes, outcomeLabels, titled);
  diffItems(entries, 'actions', before.actions, after.actions, actionLabels, titled);
  diffItems(entries, 'flows', before.flows, after.flows, flowLabels, (flow) => ({
    en: `${flow.amount} ${flow.currency} (${flow.date})`,
  }));
  return entries;
}

const titled = (item: { title: string }): LocalisedText => ({ en: item.title });

function entry(
  section: Section,
  path: string,
  labels: LocalisedText[],
  before: unknown,
  after: unknown,
): DiffEntry {
  const change = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
  return { section, path, labels, change, before, after };
}

function diffItems<T extends { id: string }>(
  entries: DiffEntry[],
  section: Section,
  before: readonly T[],
  after: readonly T[],
  fieldLabels: Labels<Omit<T, 'id'>>,
  itemLabel: (item: T) => LocalisedText,
): void {
  const earlier = new Map(before.map((item) => [item.id, item]));
  const later = new Map(after.map((item) => [item.id, item]));
  const ids = [...new Set([...earlier.keys(), ...later.keys()])];
  for (const id of ids) {
    const a = earlier.get(id);
    const b = later.get(id);
    const path = `${section}[${id}]`;
    const named = b ?? a;
    if (named === undefined) continue;
    const labels = [sectionLabels[section], itemLabel(named)];
    if (a === undefined || b === undefined) {
      entries.push(entry(section, path, labels, a, b));
      continue;
    }
    for (const field of Object.keys(fieldLabels) as (keyof Omit<T, 'id'> & string)[]) {
      if (jsonEqual(a[field], b[field])) continue;
      entries.push(
        entry(section, `${path}.${field}`, [...labels, fieldLabels[field]], a[field], b[field]),
      );
    }
  }
}
