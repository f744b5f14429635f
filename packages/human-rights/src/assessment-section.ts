import { defineFormSection, field } from '@prevention/core';
import { civicSpaceRatings, perpetratorCategories, rights } from './vocabulary.js';

const verification = {
  unverified: { en: 'Unverified', fr: 'Non vérifié' },
  reported: { en: 'Reported', fr: 'Signalé' },
  corroborated: { en: 'Corroborated', fr: 'Corroboré' },
  verified: { en: 'Verified', fr: 'Vérifié' },
};

/** The human rights section of a joint assessment. */
export const humanRightsSection = defineFormSection({
  id: 'human-rights',
  title: { en: 'Human rights', fr: 'Droits humains', ar: 'حقوق الإنسان' },
  description: {
    en: 'The human rights situation, civic space, the rule of law and the follow-up of recommendations.',
    fr: "La situation des droits humains, l'espace civique, l'état de droit et le suivi des recommandations.",
  },
  sensitivity: 'confidential',
  fields: {
    situationOverview: field.longText({
      label: {
        en: 'Human rights situation',
        fr: 'Situation des droits humains',
        ar: 'حالة حقوق الإنسان',
      },
      help: {
        en: 'Main patterns of violations and abuses, who is affected and who is responsible.',
        fr: 'Principales tendances des violations et abus, qui est touché et qui est responsable.',
      },
    }),
    rightsMostAffected: field.multiChoice({
      label: {
        en: 'Rights most affected',
        fr: 'Droits les plus touchés',
        ar: 'الحقوق الأكثر تضرراً',
      },
      maxSelected: 5,
      options: rights,
    }),
    violationsReported: field.count({
      label: {
        en: 'Violations and abuses reported in the period',
        fr: 'Violations et abus signalés au cours de la période',
      },
      required: false,
    }),
    victims: field.countBySexAndAge({
      label: {
        en: 'Victims by sex and age',
        fr: 'Victimes par sexe et par âge',
        ar: 'الضحايا حسب الجنس والعمر',
      },
      required: false,
    }),
    perpetrators: field.multiChoice({
      label: { en: 'Alleged perpetrators', fr: 'Auteurs présumés', ar: 'الجناة المزعومون' },
      required: false,
      options: perpetratorCategories,
    }),
    civicSpace: field.singleChoice({
      label: {
        en: 'State of civic space',
        fr: "État de l'espace civique",
        ar: 'حالة الفضاء المدني',
      },
      help: { en: 'On the scale of the CIVICUS Monitor, from open to closed.' },
      options: civicSpaceRatings,
    }),
    defendersAtRisk: field.boolean({
      label: {
        en: 'Human rights defenders or journalists are at risk',
        fr: 'Des défenseurs des droits humains ou des journalistes sont en danger',
      },
    }),
    cases: field.group({
      label: { en: 'Emblematic cases', fr: 'Cas emblématiques', ar: 'حالات رمزية' },
      itemLabel: { en: 'Case', fr: 'Cas' },
      required: false,
      maxItems: 30,
      fields: {
        summary: field.longText({
          label: { en: 'What happened', fr: 'Ce qui s’est passé' },
          maxLength: 3000,
        }),
        rightsAffected: field.multiChoice({
          label: { en: 'Rights affected', fr: 'Droits touchés' },
          options: rights,
        }),
        verification: field.singleChoice({
          label: { en: 'Verification', fr: 'Vérification' },
          options: verification,
        }),
        victimNames: field.shortText({
          label: { en: 'Victims’ names', fr: 'Noms des victimes' },
          help: { en: 'Only with the victims’ informed consent.' },
          sensitivity: 'strictly-confidential',
          required: false,
          maxLength: 1000,
        }),
        witnessNames: field.shortText({
          label: { en: 'Witnesses’ names', fr: 'Noms des témoins' },
          sensitivity: 'strictly-confidential',
          required: false,
          maxLength: 1000,
        }),
      },
    }),
    recommendationsFollowUp: field.longText({
      label: {
        en: 'Follow-up of UPR and treaty-body recommendations',
        fr: "Suivi des recommandations de l'EPU et des organes conventionnels",
      },
      required: false,
    }),
    protectionNeeds: field.longText({
      label: { en: 'Protection needs', fr: 'Besoins de protection', ar: 'احتياجات الحماية' },
      required: false,
    }),
  },
});
