import {
  RiskModel,
  type AggregateNode,
  type IndicatorNode,
  type LocalisedText,
} from '@prevention/core';
import { informRiskClasses } from '../classify.js';

/** A published INFORM component score, 0–10, fed as it is. */
function component(
  id: string,
  en: string,
  fr: string,
  options: { weight?: number; scale?: number } = {},
): IndicatorNode {
  return {
    kind: 'indicator',
    id,
    title: { en, fr },
    normalisation: { method: 'identity' },
    ...options,
  };
}

function group(
  id: string,
  title: LocalisedText,
  operator: AggregateNode['operator'],
  children: AggregateNode['children'],
): AggregateNode {
  return { kind: 'aggregate', id, title, operator, children };
}

/**
 * The INFORM Risk Index (the INFORM Global Risk Index of the European Commission's Joint
 * Research Centre and the IASC) as its mid-2018 release (v0.3.4) computes it from its 20
 * components: risk is the geometric mean of hazard & exposure, vulnerability and lack of coping
 * capacity; the dimensions, natural hazard and both levels of vulnerable groups use INFORM's
 * reverse geometric mean; human hazard is current highly violent conflict intensity or 0.7 ×
 * projected conflict risk, whichever is higher; socio-economic vulnerability weighs development
 * & deprivation twice; institutional and infrastructure are arithmetic means. Every score is
 * rounded to one decimal before the level above uses it. Each rule reproduces the release from
 * its published children within 0.1 for all 191 countries, to the decimal for all but four
 * natural-hazard rows (see the package README and `test/inform-mid-2018.test.ts`). Classes are
 * INFORM's.
 */
export const informRiskModel: RiskModel = RiskModel.parse({
  id: 'inform-risk',
  version: 'mid-2018',
  title: { en: 'INFORM Risk Index', fr: 'Indice de risque INFORM' },
  description: {
    en: 'Risk of humanitarian crises and disasters that could overwhelm national response capacity, from INFORM component scores, as the INFORM mid-2018 release computes it.',
  },
  minCoverage: 0.5,
  decimals: 1,
  classes: informRiskClasses,
  root: group('inform-risk', { en: 'INFORM Risk', fr: 'Risque INFORM' }, 'geometric-mean', [
    group(
      'hazard-exposure',
      { en: 'Hazard & exposure', fr: 'Aléas et exposition' },
      'reverse-geometric-mean',
      [
        group('natural', { en: 'Natural', fr: 'Naturels' }, 'reverse-geometric-mean', [
          component('earthquake', 'Earthquake', 'Séisme'),
          component('flood', 'Flood', 'Inondation'),
          component('tsunami', 'Tsunami', 'Tsunami'),
          component('tropical-cyclone', 'Tropical cyclone', 'Cyclone tropical'),
          component('drought', 'Drought', 'Sécheresse'),
        ]),
        group('human', { en: 'Human', fr: 'Humains' }, 'scaled-max', [
          component(
            'projected-conflict-risk',
            'Projected conflict risk',
            'Risque de conflit projeté',
            { scale: 0.7 },
          ),
          component(
            'current-conflict-intensity',
            'Current highly violent conflict intensity',
            'Intensité actuelle des conflits très violents',
          ),
        ]),
      ],
    ),
    group('vulnerability', { en: 'Vulnerability', fr: 'Vulnérabilité' }, 'reverse-geometric-mean', [
      group(
        'socio-economic-vulnerability',
        { en: 'Socio-economic vulnerability', fr: 'Vulnérabilité socio-économique' },
        'weighted-mean',
        [
          component(
            'development-deprivation',
            'Development & deprivation',
            'Développement et privations',
            { weight: 2 },
          ),
          component('inequality', 'Inequality', 'Inégalités'),
          component('aid-dependency', 'Aid dependency', "Dépendance à l'aide"),
        ],
      ),
      group(
        'vulnerable-groups',
        { en: 'Vulnerable groups', fr: 'Groupes vulnérables' },
        'reverse-geometric-mean',
        [
          component('uprooted-people', 'Uprooted people', 'Personnes déracinées'),
          group(
            'other-vulnerable-groups',
            { en: 'Other vulnerable groups', fr: 'Autres groupes vulnérables' },
            'reverse-geometric-mean',
            [
              component('health-conditions', 'Health conditions', 'État de santé'),
              component('children-under-5', 'Children under 5', 'Enfants de moins de 5 ans'),
              component('recent-shocks', 'Recent shocks', 'Chocs récents'),
              component('food-security', 'Food security', 'Sécurité alimentaire'),
            ],
          ),
        ],
      ),
    ]),
    group(
      'lack-of-coping-capacity',
      { en: 'Lack of coping capacity', fr: "Manque de capacité d'adaptation" },
      'reverse-geometric-mean',
      [
        group('institutional', { en: 'Institutional', fr: 'Institutionnelle' }, 'weighted-mean', [
          component(
            'disaster-risk-reduction',
            'Disaster risk reduction',
            'Réduction des risques de catastrophe',
          ),
          component('governance', 'Governance', 'Gouvernance'),
        ]),
        group('infrastructure', { en: 'Infrastructure', fr: 'Infrastructure' }, 'weighted-mean', [
          component('communication', 'Communication', 'Communication'),
          component(
            'physical-infrastructure',
            'Physical infrastructure',
            'Infrastructure physique',
          ),
          component('access-to-health-care', 'Access to health care', 'Accès aux soins de santé'),
        ]),
      ],
    ),
  ]),
});

/**
 * The score columns of an INFORM mid-2018 release table, by their published header, and the
 * node each feeds: so that a row of the release can be evaluated at any level. The table's
 * other columns (COUNTRY, ISO3, Rank, Missing Indicators) are not scores.
 */
export const informMid2018Columns: Readonly<Record<string, string>> = {
  Earthquake: 'earthquake',
  Flood: 'flood',
  Tsunami: 'tsunami',
  'Tropical Cyclone': 'tropical-cyclone',
  Drought: 'drought',
  Natural: 'natural',
  'Projected Conflict Risk': 'projected-conflict-risk',
  'Current Highly Violent Conflict Intensity': 'current-conflict-intensity',
  Human: 'human',
  'HAZARD & EXPOSURE': 'hazard-exposure',
  'Development & Deprivation': 'development-deprivation',
  Inequality: 'inequality',
  'Aid Dependency': 'aid-dependency',
  'Socio-Economic Vulnerability': 'socio-economic-vulnerability',
  'Uprooted people': 'uprooted-people',
  'Health Conditions': 'health-conditions',
  'Children U5': 'children-under-5',
  'Recent Shocks': 'recent-shocks',
  'Food Security': 'food-security',
  'Other Vulnerable Groups': 'other-vulnerable-groups',
  'Vulnerable Groups': 'vulnerable-groups',
  VULNERABILITY: 'vulnerability',
  DRR: 'disaster-risk-reduction',
  Governance: 'governance',
  Institutional: 'institutional',
  Communication: 'communication',
  'Physical infrastructure': 'physical-infrastructure',
  'Access to health care': 'access-to-health-care',
  Infrastructure: 'infrastructure',
  'LACK OF COPING CAPACITY': 'lack-of-coping-capacity',
  'INFORM RISK': 'inform-risk',
};
