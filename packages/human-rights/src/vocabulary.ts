import { z } from 'zod';
import type { LocalisedText } from '@prevention/core';

type Labels = Record<string, LocalisedText>;
const keysOf = <T extends Labels>(labels: T) =>
  Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];

/** Rights a violation or concern affects, after the core human rights treaties. */
export const rights = {
  life: { en: 'Right to life', fr: 'Droit à la vie', ar: 'الحق في الحياة' },
  'liberty-and-security': {
    en: 'Liberty and security of person',
    fr: 'Liberté et sécurité de la personne',
    ar: 'الحق في الحرية والأمان',
  },
  'freedom-from-torture': {
    en: 'Freedom from torture and ill-treatment',
    fr: 'Droit de ne pas être soumis à la torture ni à des mauvais traitements',
    ar: 'الحق في عدم التعرض للتعذيب',
  },
  'fair-trial': {
    en: 'Fair trial and due process',
    fr: 'Procès équitable et garanties judiciaires',
    ar: 'الحق في محاكمة عادلة',
  },
  privacy: { en: 'Privacy', fr: 'Vie privée', ar: 'الحق في الخصوصية' },
  expression: {
    en: 'Freedom of opinion and expression',
    fr: "Liberté d'opinion et d'expression",
    ar: 'حرية الرأي والتعبير',
  },
  'peaceful-assembly': {
    en: 'Freedom of peaceful assembly',
    fr: 'Liberté de réunion pacifique',
    ar: 'حرية التجمع السلمي',
  },
  association: {
    en: 'Freedom of association',
    fr: "Liberté d'association",
    ar: 'حرية تكوين الجمعيات',
  },
  religion: {
    en: 'Freedom of thought, conscience and religion',
    fr: 'Liberté de pensée, de conscience et de religion',
    ar: 'حرية الفكر والوجدان والدين',
  },
  participation: {
    en: 'Participation in public affairs',
    fr: 'Participation aux affaires publiques',
    ar: 'المشاركة في الشؤون العامة',
  },
  movement: { en: 'Freedom of movement', fr: 'Liberté de circulation', ar: 'حرية التنقل' },
  'non-discrimination': {
    en: 'Equality and non-discrimination',
    fr: 'Égalité et non-discrimination',
    ar: 'المساواة وعدم التمييز',
  },
  food: { en: 'Right to adequate food', fr: "Droit à l'alimentation", ar: 'الحق في الغذاء' },
  health: { en: 'Right to health', fr: 'Droit à la santé', ar: 'الحق في الصحة' },
  education: { en: 'Right to education', fr: "Droit à l'éducation", ar: 'الحق في التعليم' },
  housing: { en: 'Right to adequate housing', fr: 'Droit au logement', ar: 'الحق في السكن' },
  'water-and-sanitation': {
    en: 'Rights to water and sanitation',
    fr: "Droits à l'eau et à l'assainissement",
    ar: 'الحق في المياه والصرف الصحي',
  },
  work: {
    en: 'Right to work and just conditions of work',
    fr: 'Droit au travail et à des conditions de travail justes',
    ar: 'الحق في العمل',
  },
  'social-security': {
    en: 'Right to social security',
    fr: 'Droit à la sécurité sociale',
    ar: 'الحق في الضمان الاجتماعي',
  },
  'rights-of-the-child': { en: 'Rights of the child', fr: "Droits de l'enfant", ar: 'حقوق الطفل' },
} as const satisfies Labels;
export type Right = keyof typeof rights;
export const Right = z.enum(keysOf(rights));

/** What was done, for counting the gravest acts separately. */
export const acts = {
  killing: { en: 'Killing', fr: 'Meurtre' },
  injury: { en: 'Injury', fr: 'Blessure' },
  'torture-ill-treatment': { en: 'Torture or ill-treatment', fr: 'Torture ou mauvais traitements' },
  'arbitrary-detention': {
    en: 'Arbitrary arrest or detention',
    fr: 'Arrestation ou détention arbitraire',
  },
  'enforced-disappearance': { en: 'Enforced disappearance', fr: 'Disparition forcée' },
  abduction: { en: 'Abduction', fr: 'Enlèvement' },
  'sexual-violence': { en: 'Sexual violence', fr: 'Violence sexuelle' },
  'forced-displacement': {
    en: 'Forced displacement or eviction',
    fr: 'Déplacement ou expulsion forcés',
  },
  'destruction-of-property': { en: 'Destruction of property', fr: 'Destruction de biens' },
  'denial-of-services': { en: 'Denial of essential services', fr: 'Refus de services essentiels' },
  discrimination: { en: 'Discrimination', fr: 'Discrimination' },
  'threats-intimidation': { en: 'Threats or intimidation', fr: 'Menaces ou intimidation' },
  other: { en: 'Other', fr: 'Autre' },
} as const satisfies Labels;
export type Act = keyof typeof acts;
export const Act = z.enum(keysOf(acts));

/** Who is alleged to be responsible. */
export const perpetratorCategories = {
  'state-security-forces': {
    en: 'State security forces',
    fr: "Forces de sécurité de l'État",
    ar: 'قوات الأمن التابعة للدولة',
  },
  'state-officials': {
    en: 'Other state officials',
    fr: "Autres agents de l'État",
    ar: 'مسؤولون حكوميون آخرون',
  },
  'non-state-armed-groups': {
    en: 'Non-state armed groups',
    fr: 'Groupes armés non étatiques',
    ar: 'جماعات مسلحة من غير الدول',
  },
  militias: { en: 'Militias', fr: 'Milices', ar: 'ميليشيات' },
  'private-actors': {
    en: 'Private individuals or companies',
    fr: 'Particuliers ou entreprises',
    ar: 'أفراد أو شركات خاصة',
  },
  unknown: { en: 'Unknown', fr: 'Inconnu', ar: 'غير معروف' },
} as const satisfies Labels;
export type PerpetratorCategory = keyof typeof perpetratorCategories;
export const PerpetratorCategory = z.enum(keysOf(perpetratorCategories));

/** Groups a victim belongs to, where it matters for protection and for SDG 16.10.1. */
export const victimGroups = {
  'human-rights-defender': { en: 'Human rights defender', fr: 'Défenseur des droits humains' },
  journalist: { en: 'Journalist or media worker', fr: 'Journaliste ou professionnel des médias' },
  'trade-unionist': { en: 'Trade unionist', fr: 'Syndicaliste' },
  'political-opposition': { en: 'Political opposition', fr: 'Opposition politique' },
  minority: { en: 'Member of a minority', fr: "Membre d'une minorité" },
  indigenous: { en: 'Indigenous person', fr: 'Autochtone' },
  displaced: { en: 'Displaced person', fr: 'Personne déplacée' },
  migrant: { en: 'Migrant', fr: 'Migrant' },
  'person-with-disability': { en: 'Person with a disability', fr: 'Personne handicapée' },
  lgbtiq: { en: 'LGBTIQ+ person', fr: 'Personne LGBTIQ+' },
  other: { en: 'Other', fr: 'Autre' },
} as const satisfies Labels;
export type VictimGroup = keyof typeof victimGroups;
export const VictimGroup = z.enum(keysOf(victimGroups));

/**
 * The ten human rights treaty bodies, by their usual abbreviation: the nine committees of the
 * core treaties and the Subcommittee on Prevention of Torture.
 */
export const treatyBodies = {
  CCPR: { en: 'Human Rights Committee', fr: 'Comité des droits de l’homme' },
  CESCR: {
    en: 'Committee on Economic, Social and Cultural Rights',
    fr: 'Comité des droits économiques, sociaux et culturels',
  },
  CERD: {
    en: 'Committee on the Elimination of Racial Discrimination',
    fr: "Comité pour l'élimination de la discrimination raciale",
  },
  CEDAW: {
    en: 'Committee on the Elimination of Discrimination against Women',
    fr: "Comité pour l'élimination de la discrimination à l'égard des femmes",
  },
  CAT: { en: 'Committee against Torture', fr: 'Comité contre la torture' },
  SPT: {
    en: 'Subcommittee on Prevention of Torture',
    fr: 'Sous-comité pour la prévention de la torture',
  },
  CRC: { en: 'Committee on the Rights of the Child', fr: "Comité des droits de l'enfant" },
  CMW: { en: 'Committee on Migrant Workers', fr: 'Comité des travailleurs migrants' },
  CRPD: {
    en: 'Committee on the Rights of Persons with Disabilities',
    fr: 'Comité des droits des personnes handicapées',
  },
  CED: { en: 'Committee on Enforced Disappearances', fr: 'Comité des disparitions forcées' },
} as const satisfies Labels;
export type TreatyBody = keyof typeof treatyBodies;
export const TreatyBody = z.enum(keysOf(treatyBodies));

/** The civic space ratings of the CIVICUS Monitor, from open to closed. */
export const civicSpaceRatings = {
  open: { en: 'Open', fr: 'Ouvert', ar: 'مفتوح' },
  narrowed: { en: 'Narrowed', fr: 'Rétréci', ar: 'مضيّق' },
  obstructed: { en: 'Obstructed', fr: 'Entravé', ar: 'معرقل' },
  repressed: { en: 'Repressed', fr: 'Réprimé', ar: 'مقموع' },
  closed: { en: 'Closed', fr: 'Fermé', ar: 'مغلق' },
} as const satisfies Labels;
export type CivicSpaceRating = keyof typeof civicSpaceRatings;
export const CivicSpaceRating = z.enum(keysOf(civicSpaceRatings));

/** 1 (open) to 5 (closed). */
export function civicSpaceScore(rating: CivicSpaceRating): number {
  return Object.keys(civicSpaceRatings).indexOf(rating) + 1;
}
