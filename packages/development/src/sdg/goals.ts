import type { LocalisedText } from '@prevention/core';

export interface SdgGoal {
  /** 1–17. */
  readonly number: number;
  /** The short name of the goal's icon. */
  readonly short: LocalisedText;
  readonly title: LocalisedText;
}

/**
 * The 17 Sustainable Development Goals (General Assembly resolution 70/1), with the official
 * English and French titles.
 */
export const sdgGoals: readonly SdgGoal[] = [
  {
    number: 1,
    short: { en: 'No poverty', fr: 'Pas de pauvreté' },
    title: {
      en: 'End poverty in all its forms everywhere',
      fr: 'Éliminer la pauvreté sous toutes ses formes et partout dans le monde',
    },
  },
  {
    number: 2,
    short: { en: 'Zero hunger', fr: 'Faim « zéro »' },
    title: {
      en: 'End hunger, achieve food security and improved nutrition and promote sustainable agriculture',
      fr: 'Éliminer la faim, assurer la sécurité alimentaire, améliorer la nutrition et promouvoir l’agriculture durable',
    },
  },
  {
    number: 3,
    short: { en: 'Good health and well-being', fr: 'Bonne santé et bien-être' },
    title: {
      en: 'Ensure healthy lives and promote well-being for all at all ages',
      fr: 'Permettre à tous de vivre en bonne santé et promouvoir le bien-être de tous à tout âge',
    },
  },
  {
    number: 4,
    short: { en: 'Quality education', fr: 'Éducation de qualité' },
    title: {
      en: 'Ensure inclusive and equitable quality education and promote lifelong learning opportunities for all',
      fr: 'Assurer à tous une éducation équitable, inclusive et de qualité et des possibilités d’apprentissage tout au long de la vie',
    },
  },
  {
    number: 5,
    short: { en: 'Gender equality', fr: 'Égalité entre les sexes' },
    title: {
      en: 'Achieve gender equality and empower all women and girls',
      fr: 'Parvenir à l’égalité des sexes et autonomiser toutes les femmes et les filles',
    },
  },
  {
    number: 6,
    short: { en: 'Clean water and sanitation', fr: 'Eau propre et assainissement' },
    title: {
      en: 'Ensure availability and sustainable management of water and sanitation for all',
      fr: 'Garantir l’accès de tous à des services d’alimentation en eau et d’assainissement gérés de façon durable',
    },
  },
  {
    number: 7,
    short: { en: 'Affordable and clean energy', fr: 'Énergie propre et d’un coût abordable' },
    title: {
      en: 'Ensure access to affordable, reliable, sustainable and modern energy for all',
      fr: 'Garantir l’accès de tous à des services énergétiques fiables, durables et modernes, à un coût abordable',
    },
  },
  {
    number: 8,
    short: { en: 'Decent work and economic growth', fr: 'Travail décent et croissance économique' },
    title: {
      en: 'Promote sustained, inclusive and sustainable economic growth, full and productive employment and decent work for all',
      fr: 'Promouvoir une croissance économique soutenue, partagée et durable, le plein emploi productif et un travail décent pour tous',
    },
  },
  {
    number: 9,
    short: {
      en: 'Industry, innovation and infrastructure',
      fr: 'Industrie, innovation et infrastructure',
    },
    title: {
      en: 'Build resilient infrastructure, promote inclusive and sustainable industrialization and foster innovation',
      fr: 'Bâtir une infrastructure résiliente, promouvoir une industrialisation durable qui profite à tous et encourager l’innovation',
    },
  },
  {
    number: 10,
    short: { en: 'Reduced inequalities', fr: 'Inégalités réduites' },
    title: {
      en: 'Reduce inequality within and among countries',
      fr: 'Réduire les inégalités dans les pays et d’un pays à l’autre',
    },
  },
  {
    number: 11,
    short: { en: 'Sustainable cities and communities', fr: 'Villes et communautés durables' },
    title: {
      en: 'Make cities and human settlements inclusive, safe, resilient and sustainable',
      fr: 'Faire en sorte que les villes et les établissements humains soient ouverts à tous, sûrs, résilients et durables',
    },
  },
  {
    number: 12,
    short: {
      en: 'Responsible consumption and production',
      fr: 'Consommation et production responsables',
    },
    title: {
      en: 'Ensure sustainable consumption and production patterns',
      fr: 'Établir des modes de consommation et de production durables',
    },
  },
  {
    number: 13,
    short: {
      en: 'Climate action',
      fr: 'Mesures relatives à la lutte contre les changements climatiques',
    },
    title: {
      en: 'Take urgent action to combat climate change and its impacts',
      fr: 'Prendre d’urgence des mesures pour lutter contre les changements climatiques et leurs répercussions',
    },
  },
  {
    number: 14,
    short: { en: 'Life below water', fr: 'Vie aquatique' },
    title: {
      en: 'Conserve and sustainably use the oceans, seas and marine resources for sustainable development',
      fr: 'Conserver et exploiter de manière durable les océans, les mers et les ressources marines aux fins du développement durable',
    },
  },
  {
    number: 15,
    short: { en: 'Life on land', fr: 'Vie terrestre' },
    title: {
      en: 'Protect, restore and promote sustainable use of terrestrial ecosystems, sustainably manage forests, combat desertification, and halt and reverse land degradation and halt biodiversity loss',
      fr: 'Préserver et restaurer les écosystèmes terrestres, en veillant à les exploiter de façon durable, gérer durablement les forêts, lutter contre la désertification, enrayer et inverser le processus de dégradation des terres et mettre fin à l’appauvrissement de la biodiversité',
    },
  },
  {
    number: 16,
    short: {
      en: 'Peace, justice and strong institutions',
      fr: 'Paix, justice et institutions efficaces',
    },
    title: {
      en: 'Promote peaceful and inclusive societies for sustainable development, provide access to justice for all and build effective, accountable and inclusive institutions at all levels',
      fr: 'Promouvoir l’avènement de sociétés pacifiques et inclusives aux fins du développement durable, assurer l’accès de tous à la justice et mettre en place, à tous les niveaux, des institutions efficaces, responsables et ouvertes à tous',
    },
  },
  {
    number: 17,
    short: {
      en: 'Partnerships for the goals',
      fr: 'Partenariats pour la réalisation des objectifs',
    },
    title: {
      en: 'Strengthen the means of implementation and revitalize the Global Partnership for Sustainable Development',
      fr: 'Renforcer les moyens de mettre en œuvre le Partenariat mondial pour le développement durable et le revitaliser',
    },
  },
];
