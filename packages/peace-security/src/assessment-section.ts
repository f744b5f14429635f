import { defineFormSection, field } from '@prevention/core';
import { actorTypes } from './acled/codebook.js';
import { mediationStages } from './signals/mediation.js';
import { tensionTypes } from './signals/tension.js';

const actorTypeOptions = Object.fromEntries(
  Object.entries(actorTypes).map(([type, { label }]) => [type, label]),
) as { [K in keyof typeof actorTypes]: (typeof actorTypes)[K]['label'] };

const likelihood = {
  low: { en: 'Low', fr: 'Faible', ar: 'منخفض' },
  medium: { en: 'Medium', fr: 'Moyen', ar: 'متوسط' },
  high: { en: 'High', fr: 'Élevé', ar: 'مرتفع' },
} as const;

/** The peace-and-security section of a joint assessment. */
export const peaceSecuritySection = defineFormSection({
  id: 'peace-security',
  title: { en: 'Peace and security', fr: 'Paix et sécurité', ar: 'السلام والأمن' },
  description: {
    en: 'Conflict dynamics, early signs of tension and efforts to prevent and resolve conflict in the area.',
    fr: 'Dynamiques de conflit, signes précoces de tension et efforts de prévention et de règlement des conflits dans la zone.',
  },
  fields: {
    conflictDynamics: field.longText({
      label: { en: 'Conflict dynamics', fr: 'Dynamiques du conflit', ar: 'ديناميات النزاع' },
      help: {
        en: 'Main actors, trends and flashpoints since the last assessment.',
        fr: 'Principaux acteurs, tendances et points chauds depuis la dernière évaluation.',
      },
    }),
    overallTrend: field.singleChoice({
      label: { en: 'Overall trend', fr: 'Tendance générale', ar: 'الاتجاه العام' },
      options: {
        improving: { en: 'Improving', fr: 'En amélioration', ar: 'في تحسن' },
        stable: { en: 'Stable', fr: 'Stable', ar: 'مستقر' },
        deteriorating: { en: 'Deteriorating', fr: 'En détérioration', ar: 'في تدهور' },
      },
    }),
    violenceTypes: field.multiChoice({
      label: { en: 'Forms of violence present', fr: 'Formes de violence présentes' },
      required: false,
      options: {
        'armed-conflict': { en: 'Armed conflict', fr: 'Conflit armé' },
        'inter-communal': { en: 'Inter-communal violence', fr: 'Violence intercommunautaire' },
        'political-violence': { en: 'Political violence', fr: 'Violence politique' },
        'violent-extremism': { en: 'Violent extremism', fr: 'Extrémisme violent' },
        'criminal-violence': {
          en: 'Organised criminal violence',
          fr: 'Violence criminelle organisée',
        },
        'gender-based-violence': {
          en: 'Conflict-related sexual and gender-based violence',
          fr: 'Violences sexuelles et fondées sur le genre liées aux conflits',
        },
      },
    }),
    fatalitiesReported: field.count({
      label: {
        en: 'Conflict-related deaths reported in the period',
        fr: 'Décès liés au conflit signalés au cours de la période',
      },
      required: false,
    }),
    civilianCasualties: field.countBySexAndAge({
      label: {
        en: 'Civilian casualties by sex and age',
        fr: 'Victimes civiles par sexe et par âge',
      },
      help: { en: 'Killed and injured civilians; enter 0 where none were reported.' },
      required: false,
    }),
    tensionHotspots: field.group({
      label: { en: 'Tension hotspots', fr: 'Foyers de tension', ar: 'بؤر التوتر' },
      itemLabel: { en: 'Hotspot', fr: 'Foyer' },
      maxItems: 30,
      fields: {
        place: field.shortText({ label: { en: 'Place', fr: 'Lieu', ar: 'المكان' } }),
        tensionType: field.singleChoice({
          label: { en: 'Type of tension', fr: 'Type de tension' },
          options: tensionTypes,
        }),
        description: field.longText({
          label: { en: 'What is happening', fr: 'Ce qui se passe' },
          maxLength: 2000,
        }),
        escalationRisk: field.singleChoice({
          label: { en: 'Risk of escalation', fr: "Risque d'escalade" },
          options: likelihood,
        }),
      },
    }),
    keyActors: field.group({
      label: { en: 'Key actors', fr: 'Acteurs clés', ar: 'الجهات الفاعلة الرئيسية' },
      sensitivity: 'confidential',
      maxItems: 50,
      fields: {
        name: field.shortText({ label: { en: 'Name', fr: 'Nom', ar: 'الاسم' } }),
        type: field.singleChoice({
          label: { en: 'Type', fr: 'Type', ar: 'النوع' },
          options: actorTypeOptions,
        }),
        role: field.longText({
          label: { en: 'Role and interests', fr: 'Rôle et intérêts' },
          required: false,
          maxLength: 2000,
        }),
      },
    }),
    mediationStage: field.singleChoice({
      label: { en: 'Stage of the main peace process', fr: 'Étape du principal processus de paix' },
      required: false,
      options: mediationStages,
    }),
    womenParticipation: field.longText({
      label: {
        en: 'Participation of women in peace processes',
        fr: 'Participation des femmes aux processus de paix',
      },
      help: {
        en: 'Women among negotiators, mediators and signatories; barriers to their participation.',
      },
      required: false,
    }),
    keyInformants: field.group({
      label: { en: 'Key informants', fr: 'Informateurs clés', ar: 'المخبرون الرئيسيون' },
      help: { en: 'Who gave information. Visible only to strictly confidential clearance.' },
      sensitivity: 'strictly-confidential',
      required: false,
      maxItems: 50,
      fields: {
        name: field.shortText({ label: { en: 'Name', fr: 'Nom', ar: 'الاسم' } }),
        contact: field.shortText({ label: { en: 'Contact', fr: 'Contact' }, required: false }),
      },
    }),
    escalationExpected: field.boolean({
      label: {
        en: 'The team expects violence to escalate within three months',
        fr: "L'équipe s'attend à une escalade de la violence dans les trois mois",
      },
    }),
  },
});
