import type { Indicator } from '@prevention/core';

const pillar = 'peace-security';
const fromEvents = 'Derived from conflict-event signals (ACLED-compatible)';
/** Household and perception surveys are run every three to five years. */
const surveyValidity = { carryForwardMonths: 60 };

type Definition = Omit<Indicator, 'pillar' | 'code' | 'sdgIndicators' | 'disaggregations'> &
  Partial<Pick<Indicator, 'sdgIndicators' | 'disaggregations'>>;

function indicator(name: string, definition: Definition): Indicator {
  return {
    code: `${pillar}.${name}`,
    pillar,
    sdgIndicators: [],
    disaggregations: [],
    ...definition,
  };
}

/** Monthly events of one ACLED event type: skewed counts, so log-scaled up to 200 a month. */
function eventCount(name: string, en: string, fr: string): Indicator {
  return indicator(name, {
    title: { en, fr },
    unit: 'events',
    polarity: 'higher-is-worse',
    normalisation: { method: 'log-min-max', min: 0, max: 200 },
    origin: 'signals',
    source: fromEvents,
  });
}

export const peaceSecurityIndicators: readonly Indicator[] = [
  eventCount('battles', 'Battles per month', 'Batailles par mois'),
  eventCount(
    'explosions-remote-violence',
    'Explosions and remote violence per month',
    'Explosions et violence à distance par mois',
  ),
  eventCount(
    'violence-against-civilians',
    'Violence against civilians events per month',
    'Événements de violence contre les civils par mois',
  ),
  eventCount('protests', 'Protests per month', 'Manifestations par mois'),
  eventCount('riots', 'Riots per month', 'Émeutes par mois'),
  eventCount(
    'strategic-developments',
    'Strategic developments per month',
    'Développements stratégiques par mois',
  ),
  eventCount(
    'political-violence-events',
    'Political violence events per month',
    'Événements de violence politique par mois',
  ),
  eventCount(
    'excessive-force-against-protesters',
    'Excessive force against protesters, events per month',
    'Usage excessif de la force contre des manifestants, événements par mois',
  ),
  eventCount(
    'non-state-territorial-gains',
    'Non-state actor overtakes territory, events per month',
    'Prises de territoire par des acteurs non étatiques, événements par mois',
  ),
  eventCount(
    'civilian-targeting-events',
    'Events targeting civilians per month',
    'Événements visant des civils par mois',
  ),
  indicator('fatalities', {
    title: { en: 'Reported fatalities per month', fr: 'Décès signalés par mois' },
    unit: 'people',
    polarity: 'higher-is-worse',
    normalisation: { method: 'log-min-max', min: 0, max: 1000 },
    origin: 'signals',
    source: fromEvents,
    sdgIndicators: ['16.1.2'],
  }),
  indicator('fatalities-per-100k', {
    title: {
      en: 'Conflict fatalities per 100,000 people per month',
      fr: 'Décès liés aux conflits pour 100 000 habitants par mois',
    },
    unit: 'per-100k',
    polarity: 'higher-is-worse',
    normalisation: { method: 'log-min-max', min: 0, max: 10 },
    origin: 'signals',
    source: fromEvents,
    sdgIndicators: ['16.1.2'],
  }),
  indicator('civilian-fatalities-per-100k', {
    title: {
      en: 'Fatalities in events targeting civilians per 100,000 people per month',
      fr: 'Décès lors d’événements visant des civils pour 100 000 habitants par mois',
    },
    unit: 'per-100k',
    polarity: 'higher-is-worse',
    normalisation: { method: 'log-min-max', min: 0, max: 5 },
    origin: 'signals',
    source: fromEvents,
    sdgIndicators: ['16.1.2'],
  }),
  indicator('political-violence-change', {
    title: {
      en: 'Political violence events against the trailing 12-month average (% change)',
      fr: 'Événements de violence politique par rapport à la moyenne des 12 mois précédents (% de variation)',
    },
    unit: 'percent',
    polarity: 'higher-is-worse',
    normalisation: { method: 'min-max', min: 0, max: 200 },
    origin: 'signals',
    source: fromEvents,
  }),
  indicator('demonstrations-change', {
    title: {
      en: 'Demonstration events against the trailing 12-month average (% change)',
      fr: 'Manifestations par rapport à la moyenne des 12 mois précédents (% de variation)',
    },
    unit: 'percent',
    polarity: 'higher-is-worse',
    normalisation: { method: 'min-max', min: 0, max: 300 },
    origin: 'signals',
    source: fromEvents,
  }),
  indicator('political-tension', {
    title: { en: 'Political tension (0–10)', fr: 'Tension politique (0–10)' },
    description: {
      en: 'Twice the highest severity (1–5) of the month’s political tension signals; 0 when none was reported.',
    },
    unit: 'score',
    polarity: 'higher-is-worse',
    normalisation: { method: 'identity' },
    origin: 'signals',
    source: 'Derived from tension signals',
  }),
  indicator('inter-communal-tension', {
    title: { en: 'Inter-communal tension (0–10)', fr: 'Tension intercommunautaire (0–10)' },
    description: {
      en: 'Twice the highest severity (1–5) of the month’s inter-communal tension signals; 0 when none was reported.',
    },
    unit: 'score',
    polarity: 'higher-is-worse',
    normalisation: { method: 'identity' },
    origin: 'signals',
    source: 'Derived from tension signals',
  }),
  indicator('electoral-tension', {
    title: { en: 'Electoral tension (0–10)', fr: 'Tension électorale (0–10)' },
    description: {
      en: 'Twice the highest severity (1–5) of the month’s electoral tension signals; 0 when none was reported.',
    },
    unit: 'score',
    polarity: 'higher-is-worse',
    normalisation: { method: 'identity' },
    origin: 'signals',
    source: 'Derived from tension signals',
  }),
  indicator('active-mediation-processes', {
    title: {
      en: 'Active mediation and good-offices processes',
      fr: 'Processus de médiation et de bons offices actifs',
    },
    unit: 'count',
    polarity: 'higher-is-better',
    normalisation: { method: 'min-max', min: 0, max: 3 },
    origin: 'signals',
    source: 'Derived from mediation-engagement signals',
  }),
  indicator('women-among-negotiators', {
    title: {
      en: 'Share of women among negotiators (%)',
      fr: 'Part des femmes parmi les négociateurs (%)',
    },
    unit: 'percent',
    polarity: 'higher-is-better',
    normalisation: { method: 'min-max', min: 0, max: 50 },
    origin: 'signals',
    source: 'Derived from mediation-engagement signals',
    disaggregations: ['sex'],
  }),
  indicator('women-among-mediators', {
    title: {
      en: 'Share of women among mediators (%)',
      fr: 'Part des femmes parmi les médiateurs (%)',
    },
    unit: 'percent',
    polarity: 'higher-is-better',
    normalisation: { method: 'min-max', min: 0, max: 50 },
    origin: 'signals',
    source: 'Derived from mediation-engagement signals',
    disaggregations: ['sex'],
  }),
  indicator('women-among-signatories', {
    title: {
      en: 'Share of women among signatories (%)',
      fr: 'Part des femmes parmi les signataires (%)',
    },
    unit: 'percent',
    polarity: 'higher-is-better',
    normalisation: { method: 'min-max', min: 0, max: 50 },
    origin: 'signals',
    source: 'Derived from mediation-engagement signals',
    disaggregations: ['sex'],
  }),
  indicator('homicide-rate', {
    title: {
      en: 'Victims of intentional homicide per 100,000 people (yearly)',
      fr: 'Victimes d’homicide volontaire pour 100 000 habitants (par an)',
    },
    unit: 'per-100k',
    polarity: 'higher-is-worse',
    normalisation: { method: 'log-min-max', min: 0, max: 50 },
    origin: 'external',
    source: 'UNODC, SDG global database',
    sdgIndicators: ['16.1.1'],
    disaggregations: ['sex', 'age'],
  }),
  indicator('feel-safe', {
    title: {
      en: 'Population that feels safe walking alone around the area they live (%)',
      fr: 'Population qui se sent en sécurité en marchant seule dans sa zone de résidence (%)',
    },
    unit: 'percent',
    polarity: 'higher-is-better',
    normalisation: { method: 'min-max', min: 30, max: 95 },
    origin: 'external',
    source: 'National surveys, SDG global database',
    sdgIndicators: ['16.1.4'],
    disaggregations: ['sex', 'age'],
    validity: surveyValidity,
  }),
];

const byCode = new Map<string, Indicator>(peaceSecurityIndicators.map((i) => [i.code, i]));

/** An indicator of this pillar's catalogue, by code. */
export function peaceSecurityIndicator(code: string): Indicator {
  const found = byCode.get(code);
  if (!found) throw new RangeError(`No peace-security indicator ${code}`);
  return found;
}
