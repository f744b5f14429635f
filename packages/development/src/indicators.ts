import type {
  Indicator,
  IndicatorUnit,
  IndicatorValidity,
  Normalisation,
  Polarity,
} from '@prevention/core';

const pillar = 'development';

interface Definition {
  en: string;
  fr?: string;
  description?: string;
  unit: IndicatorUnit;
  polarity?: Polarity;
  normalisation: Normalisation;
  source: string;
  sdg?: string[];
  disaggregations?: Indicator['disaggregations'];
  /** Only where the default for the origin (`defaultCarryForwardMonths`) does not fit. */
  validity?: IndicatorValidity;
}

function signalsIndicator(name: string, d: Definition): Indicator {
  return indicator(name, d, 'signals');
}

function externalIndicator(name: string, d: Definition): Indicator {
  return indicator(name, d, 'external');
}

function indicator(name: string, d: Definition, origin: Indicator['origin']): Indicator {
  return {
    code: `${pillar}.${name}`,
    pillar,
    title: d.fr ? { en: d.en, fr: d.fr } : { en: d.en },
    ...(d.description ? { description: { en: d.description } } : {}),
    unit: d.unit,
    polarity: d.polarity ?? 'higher-is-worse',
    normalisation: d.normalisation,
    origin,
    source: d.source,
    sdgIndicators: d.sdg ?? [],
    disaggregations: d.disaggregations ?? [],
    ...(d.validity ? { validity: d.validity } : {}),
  };
}

const sdgDatabase = 'UN SDG Global Database';
const percent = (max: number, min = 0): Normalisation => ({ method: 'min-max', min, max });
const log = (max: number): Normalisation => ({ method: 'log-min-max', min: 0, max });
/** Household surveys (DHS, MICS, income and expenditure) are run every three to five years. */
const surveyValidity = { carryForwardMonths: 60 };
/** A policy in place stays in place until it is replaced; a review every five years. */
const policyValidity = { carryForwardMonths: 60 };
/** A year's prices or losses say little about the year after next. */
const oneYearValidity = { carryForwardMonths: 12 };
/** A displacement stock is counted in tracking rounds a few months apart. */
const trackingRoundValidity = { carryForwardMonths: 6 };

export const developmentIndicators: readonly Indicator[] = [
  externalIndicator('extreme-poverty', {
    en: 'Population below the international poverty line (%)',
    fr: 'Population vivant sous le seuil international de pauvreté (%)',
    unit: 'percent',
    normalisation: percent(60),
    source: sdgDatabase,
    sdg: ['1.1.1'],
    disaggregations: ['sex', 'age'],
    validity: surveyValidity,
  }),
  externalIndicator('multidimensional-poverty', {
    en: 'People living in poverty in all its dimensions (%)',
    fr: 'Personnes vivant dans la pauvreté sous toutes ses dimensions (%)',
    unit: 'percent',
    normalisation: percent(80),
    source: sdgDatabase,
    sdg: ['1.2.2'],
    disaggregations: ['sex', 'age'],
    validity: surveyValidity,
  }),
  externalIndicator('social-protection-coverage', {
    en: 'Population covered by social protection floors or systems (%)',
    fr: 'Population couverte par des socles ou systèmes de protection sociale (%)',
    unit: 'percent',
    polarity: 'higher-is-better',
    normalisation: percent(100),
    source: sdgDatabase,
    sdg: ['1.3.1'],
    disaggregations: ['sex'],
  }),
  externalIndicator('below-half-median-income', {
    en: 'People living below 50 per cent of median income (%)',
    fr: 'Personnes vivant avec moins de 50 % du revenu médian (%)',
    unit: 'percent',
    normalisation: percent(30),
    source: sdgDatabase,
    sdg: ['10.2.1'],
    disaggregations: ['sex', 'age'],
    validity: surveyValidity,
  }),
  externalIndicator('bottom-40-income-growth', {
    en: 'Growth of income per capita of the bottom 40 per cent (%/year)',
    fr: 'Croissance du revenu par habitant des 40 % les plus pauvres (%/an)',
    unit: 'percent',
    polarity: 'higher-is-better',
    normalisation: percent(5, -5),
    source: sdgDatabase,
    sdg: ['10.1.1'],
    validity: surveyValidity,
  }),
  externalIndicator('youth-neet', {
    en: 'Youth not in education, employment or training (%)',
    fr: 'Jeunes sans emploi, ni études, ni formation (%)',
    unit: 'percent',
    normalisation: percent(50),
    source: sdgDatabase,
    sdg: ['8.6.1'],
    disaggregations: ['sex'],
  }),
  externalIndicator('under-five-mortality', {
    en: 'Under-five mortality (deaths per 1,000 live births)',
    fr: 'Mortalité des moins de cinq ans (décès pour 1 000 naissances vivantes)',
    unit: 'ratio',
    normalisation: percent(150),
    source: sdgDatabase,
    sdg: ['3.2.1'],
    disaggregations: ['sex'],
  }),
  externalIndicator('undernourishment', {
    en: 'Prevalence of undernourishment (%)',
    fr: 'Prévalence de la sous-alimentation (%)',
    unit: 'percent',
    normalisation: percent(50),
    source: sdgDatabase,
    sdg: ['2.1.1'],
  }),
  externalIndicator('food-insecurity-fies', {
    en: 'Moderate or severe food insecurity, FIES (%)',
    fr: 'Insécurité alimentaire modérée ou grave, FIES (%)',
    unit: 'percent',
    normalisation: percent(80),
    source: sdgDatabase,
    sdg: ['2.1.2'],
    disaggregations: ['sex'],
  }),
  externalIndicator('stunting', {
    en: 'Stunting among children under 5 (%)',
    fr: 'Retard de croissance chez les enfants de moins de 5 ans (%)',
    unit: 'percent',
    normalisation: percent(50),
    source: sdgDatabase,
    sdg: ['2.2.1'],
    disaggregations: ['sex'],
  }),
  externalIndicator('wasting', {
    en: 'Wasting among children under 5 (%)',
    fr: 'Émaciation chez les enfants de moins de 5 ans (%)',
    unit: 'percent',
    normalisation: percent(20),
    source: sdgDatabase,
    sdg: ['2.2.2'],
    disaggregations: ['sex'],
  }),
  externalIndicator('food-price-anomaly', {
    en: 'Indicator of food price anomalies',
    fr: 'Indicateur des anomalies des prix alimentaires',
    description: 'Above 1 signals abnormally high food prices.',
    unit: 'ratio',
    normalisation: percent(2),
    source: 'FAO, SDG Global Database',
    sdg: ['2.c.1'],
    validity: oneYearValidity,
  }),
  signalsIndicator('ipc-phase-3-plus', {
    en: 'Population in IPC Phase 3 (Crisis) or worse (%)',
    fr: 'Population en phase 3 (Crise) de l’IPC ou pire (%)',
    unit: 'percent',
    normalisation: percent(50),
    source: 'Derived from food-insecurity (IPC) signals',
  }),
  signalsIndicator('ipc-area-phase', {
    en: 'IPC phase of the area (1–5)',
    fr: 'Phase IPC de la zone (1–5)',
    unit: 'score',
    normalisation: { method: 'min-max', min: 1, max: 5 },
    source: 'Derived from food-insecurity (IPC) signals',
  }),
  externalIndicator('natural-hazard-exposure', {
    en: 'Exposure to natural hazards (INFORM natural hazard, 0–10)',
    fr: 'Exposition aux aléas naturels (INFORM, aléas naturels, 0–10)',
    unit: 'score',
    normalisation: { method: 'identity' },
    source: 'INFORM Risk Index, natural hazard category',
  }),
  signalsIndicator('hazard-events', {
    en: 'Natural hazard events per month',
    fr: 'Aléas naturels par mois',
    unit: 'events',
    normalisation: log(10),
    source: 'Derived from hazard signals',
  }),
  signalsIndicator('disaster-affected-per-100k', {
    en: 'Deaths, missing and directly affected persons attributed to disasters per 100,000 people',
    fr: 'Décès, disparus et personnes directement touchées par des catastrophes pour 100 000 habitants',
    unit: 'per-100k',
    normalisation: log(20_000),
    source: 'Derived from hazard signals',
    sdg: ['1.5.1', '11.5.1', '13.1.1'],
    disaggregations: ['sex', 'age'],
  }),
  externalIndicator('disaster-economic-loss', {
    en: 'Direct economic loss attributed to disasters (% of GDP)',
    fr: 'Pertes économiques directes dues aux catastrophes (% du PIB)',
    unit: 'percent',
    normalisation: log(10),
    source: 'Sendai Framework Monitor',
    sdg: ['1.5.2'],
    validity: oneYearValidity,
  }),
  externalIndicator('drr-strategy', {
    en: 'National disaster risk reduction strategy in line with the Sendai Framework (1 yes, 0 no)',
    fr: 'Stratégie nationale de réduction des risques de catastrophe conforme au Cadre de Sendai (1 oui, 0 non)',
    unit: 'yes-no',
    polarity: 'higher-is-better',
    normalisation: percent(1),
    source: 'Sendai Framework Monitor',
    sdg: ['1.5.3', '13.1.2'],
    validity: policyValidity,
  }),
  externalIndicator('population', {
    en: 'Resident population',
    fr: 'Population résidente',
    description:
      'People living in the area (UN World Population Prospects for countries; a census or projection for sub-national areas), by year: the denominator of every per-100,000 indicator.',
    unit: 'people',
    polarity: 'higher-is-better',
    normalisation: log(2_000_000_000),
    source: 'UN World Population Prospects, national statistics',
    disaggregations: ['sex', 'age'],
  }),
  externalIndicator('idps', {
    en: 'Internally displaced people',
    fr: 'Personnes déplacées internes',
    description:
      'Stock of internally displaced people in the area at the end of the month, as displacement tracking reports it (HXL #affected+idp+ind).',
    unit: 'people',
    normalisation: log(2_000_000),
    source: 'Displacement tracking (IOM DTM, IDMC) via import',
    disaggregations: ['sex', 'age'],
    validity: trackingRoundValidity,
  }),
  signalsIndicator('idps-per-100k', {
    en: 'Internally displaced people per 100,000 residents',
    fr: 'Personnes déplacées internes pour 100 000 habitants',
    unit: 'per-100k',
    normalisation: log(30_000),
    source: 'Derived from displacement signals',
    disaggregations: ['sex', 'age'],
  }),
  signalsIndicator('new-displacement-per-100k', {
    en: 'Newly displaced people in the month per 100,000 residents',
    fr: 'Nouvelles personnes déplacées dans le mois pour 100 000 habitants',
    unit: 'per-100k',
    normalisation: log(5_000),
    source: 'Derived from displacement signals',
  }),
  signalsIndicator('refugees-hosted-per-100k', {
    en: 'Refugees and asylum-seekers hosted per 100,000 residents',
    fr: 'Réfugiés et demandeurs d’asile accueillis pour 100 000 habitants',
    unit: 'per-100k',
    normalisation: log(20_000),
    source: 'Derived from displacement signals',
    disaggregations: ['sex', 'age'],
  }),
  signalsIndicator('returnees-in-month', {
    en: 'People who returned in the month',
    fr: 'Personnes retournées dans le mois',
    unit: 'people',
    polarity: 'higher-is-better',
    normalisation: log(100_000),
    source: 'Derived from displacement signals',
  }),
  externalIndicator('women-in-parliament', {
    en: 'Seats held by women in national parliament (%)',
    fr: 'Sièges occupés par des femmes au parlement national (%)',
    unit: 'percent',
    polarity: 'higher-is-better',
    normalisation: percent(50),
    source: sdgDatabase,
    sdg: ['5.5.1'],
  }),
  externalIndicator('child-marriage', {
    en: 'Women aged 20–24 married or in a union before age 18 (%)',
    fr: 'Femmes de 20 à 24 ans mariées ou en union avant 18 ans (%)',
    unit: 'percent',
    normalisation: percent(60),
    source: sdgDatabase,
    sdg: ['5.3.1'],
    validity: surveyValidity,
  }),
  externalIndicator('intimate-partner-violence', {
    en: 'Ever-partnered women subjected to intimate partner violence in the last 12 months (%)',
    fr: 'Femmes ayant déjà eu un partenaire victimes de violence de ce partenaire au cours des 12 derniers mois (%)',
    unit: 'percent',
    normalisation: percent(50),
    source: sdgDatabase,
    sdg: ['5.2.1'],
    disaggregations: ['age'],
    validity: surveyValidity,
  }),
];

const byCode = new Map(developmentIndicators.map((i) => [i.code, i]));

/** An indicator of this pillar's catalogue, by code. */
export function developmentIndicator(code: string): Indicator {
  const found = byCode.get(code);
  if (!found) throw new RangeError(`No development indicator ${code}`);
  return found;
}
