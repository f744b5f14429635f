import {
  RiskModel,
  type AggregateNode,
  type IndicatorNode,
  type LocalisedText,
} from '@prevention/core';
import { informRiskClasses } from '../classify.js';

/** A published INFORM component score, 0–10, fed as it is. */
function component(id: string, en: string, fr: string, weight?: number): IndicatorNode {
  return {
    kind: 'indicator',
    id,
    title: { en, fr },
    normalisation: { method: 'identity' },
    ...(weight === undefined ? {} : { weight }),
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
 * Research Centre and the IASC) from its components up: risk is the geometric mean of hazard &
 * exposure, vulnerability and lack of coping capacity; each dimension combines two categories
 * with INFORM's reverse geometric mean, as do natural hazards and vulnerable groups; human
 * hazard is the larger of current conflict intensity and projected conflict risk;
 * socio-economic vulnerability weighs development & deprivation twice; the other categories
 * are arithmetic means. Classes are INFORM's. See the package README for the sources and for
 * what could not be verified.
 */
export const informRiskModel: RiskModel = RiskModel.parse({
  id: 'inform-risk',
  version: '2024',
  title: { en: 'INFORM Risk Index', fr: 'Indice de risque INFORM' },
  description: {
    en: 'Risk of humanitarian crises and disasters that could overwhelm national response capacity, from INFORM component scores.',
  },
  minCoverage: 0.5,
  classes: informRiskClasses,
  root: group('inform-risk', { en: 'INFORM Risk', fr: 'Risque INFORM' }, 'geometric-mean', [
    group(
      'hazard-exposure',
      { en: 'Hazard & exposure', fr: 'Aléas et exposition' },
      'reverse-geometric-mean',
      [
        group('natural', { en: 'Natural', fr: 'Naturels' }, 'reverse-geometric-mean', [
          component('earthquake', 'Earthquake', 'Séisme'),
          component('river-flood', 'River flood', 'Crue fluviale'),
          component('tsunami', 'Tsunami', 'Tsunami'),
          component('tropical-cyclone', 'Tropical cyclone', 'Cyclone tropical'),
          component('coastal-flood', 'Coastal flood', 'Inondation côtière'),
          component('drought', 'Drought', 'Sécheresse'),
          component('epidemic', 'Epidemic', 'Épidémie'),
        ]),
        group('human', { en: 'Human', fr: 'Humains' }, 'scaled-max', [
          component(
            'current-conflict-intensity',
            'Current conflict intensity',
            'Intensité actuelle des conflits',
          ),
          component(
            'projected-conflict-risk',
            'Projected conflict risk',
            'Risque de conflit projeté',
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
            2,
          ),
          component('inequality', 'Inequality', 'Inégalités'),
          component('economic-dependency', 'Economic dependency', 'Dépendance économique'),
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
            'weighted-mean',
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
