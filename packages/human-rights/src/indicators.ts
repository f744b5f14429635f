import type {
  Indicator,
  IndicatorUnit,
  IndicatorValidity,
  Normalisation,
  Polarity,
} from '@prevention/core';

const pillar = 'human-rights';

interface Definition {
  en: string;
  fr?: string;
  description?: string;
  unit: IndicatorUnit;
  polarity?: Polarity;
  normalisation: Normalisation;
  origin: Indicator['origin'];
  source: string;
  sdg?: string[];
  disaggregations?: Indicator['disaggregations'];
  /** Only where the default for the origin (`defaultCarryForwardMonths`) does not fit. */
  validity?: IndicatorValidity;
}

function indicator(name: string, d: Definition): Indicator {
  return {
    code: `${pillar}.${name}`,
    pillar,
    title: d.fr ? { en: d.en, fr: d.fr } : { en: d.en },
    ...(d.description ? { description: { en: d.description } } : {}),
    unit: d.unit,
    polarity: d.polarity ?? 'higher-is-worse',
    normalisation: d.normalisation,
    origin: d.origin,
    source: d.source,
    sdgIndicators: d.sdg ?? [],
    disaggregations: d.disaggregations ?? [],
    ...(d.validity ? { validity: d.validity } : {}),
  };
}

const log = (max: number): Normalisation => ({ method: 'log-min-max', min: 0, max });
const range = (min: number, max: number): Normalisation => ({ method: 'min-max', min, max });
const fromViolations = 'Derived from violation signals';
const fromCivicSpace = 'Derived from civic-space signals';
const fromRecommendations = 'Derived from recommendation signals';
const sdgDatabase = 'UN SDG Global Database';
/** Household and perception surveys are run every three to five years. */
const surveyValidity = { carryForwardMonths: 60 };
/** Accreditation is reviewed every five years; ratifications are rarely withdrawn. */
const statusValidity = { carryForwardMonths: 60 };

function violationCount(name: string, en: string, fr: string, max: number): Indicator {
  return indicator(name, {
    en,
    fr,
    unit: 'count',
    normalisation: log(max),
    origin: 'signals',
    source: fromViolations,
  });
}

export const humanRightsIndicators: readonly Indicator[] = [
  violationCount(
    'violations',
    'Violations, abuses and concerns reported per month',
    'Violations, abus et préoccupations signalés par mois',
    100,
  ),
  violationCount(
    'verified-violations',
    'Verified violations and abuses per month',
    'Violations et abus vérifiés par mois',
    50,
  ),
  indicator('victims-per-100k', {
    en: 'Victims of reported violations per 100,000 people per month',
    fr: 'Victimes de violations signalées pour 100 000 habitants par mois',
    unit: 'per-100k',
    normalisation: log(50),
    origin: 'signals',
    source: fromViolations,
    disaggregations: ['sex', 'age'],
  }),
  violationCount(
    'killings',
    'Violations involving killings per month',
    'Violations comportant des meurtres par mois',
    50,
  ),
  violationCount(
    'arbitrary-detention',
    'Violations involving arbitrary arrest or detention per month',
    'Violations comportant une arrestation ou une détention arbitraire par mois',
    50,
  ),
  violationCount(
    'sexual-violence',
    'Violations involving sexual violence per month',
    'Violations comportant des violences sexuelles par mois',
    20,
  ),
  violationCount(
    'enforced-disappearance',
    'Violations involving enforced disappearance per month',
    'Violations comportant une disparition forcée par mois',
    20,
  ),
  indicator('attacks-on-defenders', {
    en: 'Verified killings, kidnappings, enforced disappearances, arbitrary detentions and torture of journalists, trade unionists and human rights defenders per month',
    fr: 'Cas vérifiés de meurtre, d’enlèvement, de disparition forcée, de détention arbitraire et de torture de journalistes, de syndicalistes et de défenseurs des droits humains par mois',
    unit: 'count',
    normalisation: log(20),
    origin: 'signals',
    source: fromViolations,
    sdg: ['16.10.1'],
  }),
  indicator('civic-space-restrictions', {
    en: 'Civic space and rule-of-law incidents per month',
    fr: "Incidents touchant l'espace civique et l'état de droit par mois",
    unit: 'events',
    normalisation: log(30),
    origin: 'signals',
    source: fromCivicSpace,
  }),
  indicator('internet-shutdowns', {
    en: 'Internet or telecommunications shutdowns per month',
    fr: "Coupures d'internet ou des télécommunications par mois",
    unit: 'events',
    normalisation: range(0, 3),
    origin: 'signals',
    source: fromCivicSpace,
  }),
  indicator('civic-space-rating', {
    en: 'Civic space rating (1 open – 5 closed)',
    fr: "Classement de l'espace civique (1 ouvert – 5 fermé)",
    description:
      'The latest rating reported in the past twelve months, on the CIVICUS Monitor scale.',
    unit: 'score',
    normalisation: range(1, 5),
    origin: 'signals',
    source: fromCivicSpace,
  }),
  indicator('upr-supported-share', {
    en: 'UPR recommendations supported by the state (%)',
    fr: "Recommandations de l'EPU acceptées par l'État (%)",
    unit: 'percent',
    polarity: 'higher-is-better',
    normalisation: range(0, 100),
    origin: 'signals',
    source: fromRecommendations,
  }),
  indicator('recommendations-implemented-share', {
    en: 'Assessed recommendations implemented fully or partially (%)',
    fr: 'Recommandations évaluées mises en œuvre totalement ou partiellement (%)',
    unit: 'percent',
    polarity: 'higher-is-better',
    normalisation: range(0, 100),
    origin: 'signals',
    source: fromRecommendations,
  }),
  indicator('nhri-paris-principles', {
    en: 'National human rights institution compliant with the Paris Principles (1 A status, 0.5 B status, 0 none)',
    fr: 'Institution nationale des droits de l’homme conforme aux Principes de Paris (1 statut A, 0,5 statut B, 0 aucune)',
    unit: 'score',
    polarity: 'higher-is-better',
    normalisation: range(0, 1),
    origin: 'external',
    source: 'GANHRI accreditation, SDG Global Database',
    sdg: ['16.a.1'],
    validity: statusValidity,
  }),
  indicator('core-treaties-ratified', {
    en: 'Core international human rights treaties ratified (of 9)',
    fr: 'Principaux traités internationaux relatifs aux droits de l’homme ratifiés (sur 9)',
    unit: 'count',
    polarity: 'higher-is-better',
    normalisation: range(0, 9),
    origin: 'external',
    source: 'OHCHR ratification status',
    validity: statusValidity,
  }),
  indicator('discrimination-reported', {
    en: 'Population reporting discrimination or harassment in the past 12 months (%)',
    fr: 'Population déclarant avoir subi une discrimination ou un harcèlement au cours des 12 derniers mois (%)',
    unit: 'percent',
    normalisation: range(0, 40),
    origin: 'external',
    source: sdgDatabase,
    sdg: ['10.3.1', '16.b.1'],
    disaggregations: ['sex', 'age'],
    validity: surveyValidity,
  }),
  indicator('unsentenced-detainees', {
    en: 'Unsentenced detainees as a share of the prison population (%)',
    fr: 'Détenus non condamnés en proportion de la population carcérale (%)',
    unit: 'percent',
    normalisation: range(0, 80),
    origin: 'external',
    source: sdgDatabase,
    sdg: ['16.3.2'],
  }),
  indicator('violence-reported-to-authorities', {
    en: 'Victims of violence who reported it to the authorities (%)',
    fr: 'Victimes de violence ayant signalé les faits aux autorités (%)',
    unit: 'percent',
    polarity: 'higher-is-better',
    normalisation: range(0, 80),
    origin: 'external',
    source: sdgDatabase,
    sdg: ['16.3.1'],
    disaggregations: ['sex'],
    validity: surveyValidity,
  }),
  indicator('birth-registration', {
    en: 'Children under 5 whose births have been registered (%)',
    fr: 'Enfants de moins de 5 ans dont la naissance a été enregistrée (%)',
    unit: 'percent',
    polarity: 'higher-is-better',
    normalisation: range(20, 100),
    origin: 'external',
    source: sdgDatabase,
    sdg: ['16.9.1'],
    disaggregations: ['sex'],
    validity: surveyValidity,
  }),
  indicator('trafficking-victims', {
    en: 'Detected victims of human trafficking per 100,000 people',
    fr: 'Victimes détectées de la traite des personnes pour 100 000 habitants',
    unit: 'per-100k',
    normalisation: log(10),
    origin: 'external',
    source: sdgDatabase,
    sdg: ['16.2.2'],
    disaggregations: ['sex', 'age'],
  }),
  indicator('inclusive-decision-making', {
    en: 'Population who believe decision-making is inclusive and responsive (%)',
    fr: 'Population estimant que la prise de décisions est ouverte et réactive (%)',
    unit: 'percent',
    polarity: 'higher-is-better',
    normalisation: range(0, 100),
    origin: 'external',
    source: sdgDatabase,
    sdg: ['16.7.2'],
    disaggregations: ['sex', 'age'],
    validity: surveyValidity,
  }),
];

const byCode = new Map(humanRightsIndicators.map((i) => [i.code, i]));

/** An indicator of this pillar's catalogue, by code. */
export function humanRightsIndicator(code: string): Indicator {
  const found = byCode.get(code);
  if (!found) throw new RangeError(`No human-rights indicator ${code}`);
  return found;
}
