import { defineFormSection, field, type LocalisedText } from '@prevention/core';
import { sdgGoals } from './sdg/goals.js';
import { ipcPhases } from './signals/food-insecurity.js';
import { hazardTypes } from './signals/hazard-event.js';

const goalOptions: Record<string, LocalisedText> = Object.fromEntries(
  sdgGoals.map((goal) => [
    `goal-${goal.number}`,
    {
      en: `${goal.number}. ${goal.short.en}`,
      ...(goal.short.fr ? { fr: `${goal.number}. ${goal.short.fr}` } : {}),
    },
  ]),
);

const phaseOptions = {
  'phase-1': ipcPhases[1],
  'phase-2': ipcPhases[2],
  'phase-3': ipcPhases[3],
  'phase-4': ipcPhases[4],
  'phase-5': ipcPhases[5],
};

/** The development section of a joint assessment. */
export const developmentSection = defineFormSection({
  id: 'development',
  title: { en: 'Sustainable development', fr: 'Développement durable', ar: 'التنمية المستدامة' },
  description: {
    en: 'Socio-economic vulnerability, food insecurity, climate and natural hazards, displacement, and the SDGs most at stake.',
    fr: 'Vulnérabilité socio-économique, insécurité alimentaire, climat et aléas naturels, déplacements, et les ODD les plus menacés.',
  },
  fields: {
    socioEconomicSituation: field.longText({
      label: {
        en: 'Socio-economic situation',
        fr: 'Situation socio-économique',
        ar: 'الوضع الاجتماعي والاقتصادي',
      },
      help: {
        en: 'Poverty, livelihoods, prices and access to basic services, and who is most affected.',
        fr: 'Pauvreté, moyens de subsistance, prix et accès aux services de base, et qui est le plus touché.',
      },
    }),
    povertyTrend: field.singleChoice({
      label: { en: 'Trend of living conditions', fr: 'Évolution des conditions de vie' },
      options: {
        improving: { en: 'Improving', fr: 'En amélioration', ar: 'في تحسن' },
        stable: { en: 'Stable', fr: 'Stable', ar: 'مستقر' },
        deteriorating: { en: 'Deteriorating', fr: 'En détérioration', ar: 'في تدهور' },
      },
    }),
    foodSecurityPhase: field.singleChoice({
      label: { en: 'Food security phase (IPC)', fr: 'Phase de sécurité alimentaire (IPC)' },
      help: { en: 'The latest IPC classification of the area, if there is one.' },
      required: false,
      options: phaseOptions,
    }),
    hazards: field.multiChoice({
      label: { en: 'Hazards faced in the period', fr: 'Aléas subis au cours de la période' },
      required: false,
      options: hazardTypes,
    }),
    climateVulnerability: field.longText({
      label: {
        en: 'Climate vulnerability and adaptation',
        fr: 'Vulnérabilité climatique et adaptation',
      },
      required: false,
    }),
    displacedPeople: field.countBySexAndAge({
      label: {
        en: 'Displaced people in the area, by sex and age',
        fr: 'Personnes déplacées dans la zone, par sexe et par âge',
      },
      required: false,
    }),
    displacementSituation: field.longText({
      label: { en: 'Displacement and migration', fr: 'Déplacements et migrations' },
      help: {
        en: 'Internally displaced people, refugees and returnees: numbers, needs and movements.',
      },
      required: false,
    }),
    basicServiceGaps: field.multiChoice({
      label: { en: 'Gaps in basic services', fr: 'Lacunes dans les services de base' },
      required: false,
      options: {
        health: { en: 'Health', fr: 'Santé' },
        education: { en: 'Education', fr: 'Éducation' },
        'water-sanitation': { en: 'Water and sanitation', fr: 'Eau et assainissement' },
        energy: { en: 'Energy', fr: 'Énergie' },
        shelter: { en: 'Shelter', fr: 'Abri' },
        livelihoods: { en: 'Livelihoods', fr: 'Moyens de subsistance' },
        'social-protection': { en: 'Social protection', fr: 'Protection sociale' },
      },
    }),
    sdgsAtRisk: field.multiChoice({
      label: { en: 'SDGs most at risk in the area', fr: 'ODD les plus menacés dans la zone' },
      required: false,
      maxSelected: 5,
      options: goalOptions,
    }),
    developmentPartners: field.group({
      label: { en: 'Development partners present', fr: 'Partenaires de développement présents' },
      required: false,
      maxItems: 50,
      fields: {
        organisation: field.shortText({ label: { en: 'Organisation', fr: 'Organisation' } }),
        sector: field.shortText({ label: { en: 'Sector', fr: 'Secteur' } }),
        annualBudgetUsd: field.number({
          label: { en: 'Annual budget (USD)', fr: 'Budget annuel (USD)' },
          min: 0,
          required: false,
        }),
      },
    }),
  },
});
