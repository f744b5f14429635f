import {
  defineFormSection,
  field,
  type FormSection,
  type LocalisedText,
  type PillarModule,
} from '@prevention/core';

/**
 * The parts of a joint assessment that belong to no pillar: who assessed, the gender analysis,
 * root causes, identified risks, recommendations and the team's overall confidence. They are
 * form sections like the pillars' own, so a client renders every part of an assessment with
 * one renderer. Choices that name pillars or indicators are built from the pillars composed.
 */

export const stages = {
  prevention: { en: 'Prevention', fr: 'Prévention', ar: 'الوقاية' },
  'conflict-resolution': {
    en: 'Conflict resolution',
    fr: 'Règlement des conflits',
    ar: 'حل النزاعات',
  },
  peacekeeping: { en: 'Peacekeeping', fr: 'Maintien de la paix', ar: 'حفظ السلام' },
  peacebuilding: { en: 'Peacebuilding', fr: 'Consolidation de la paix', ar: 'بناء السلام' },
  'sustainable-development': {
    en: 'Sustainable development',
    fr: 'Développement durable',
    ar: 'التنمية المستدامة',
  },
} as const satisfies Record<string, LocalisedText>;

export const trends = {
  improving: { en: 'Improving', fr: 'En amélioration', ar: 'في تحسّن' },
  stable: { en: 'Stable', fr: 'Stable', ar: 'مستقر' },
  deteriorating: { en: 'Deteriorating', fr: 'En détérioration', ar: 'في تدهور' },
} as const satisfies Record<string, LocalisedText>;

export const confidenceLevels = {
  low: { en: 'Low', fr: 'Faible', ar: 'منخفضة' },
  medium: { en: 'Medium', fr: 'Moyenne', ar: 'متوسطة' },
  high: { en: 'High', fr: 'Élevée', ar: 'عالية' },
} as const satisfies Record<string, LocalisedText>;

/** Likelihood and impact on the 1–5 scale of a risk matrix. */
const scale = (label: LocalisedText, help: LocalisedText) =>
  field.number({ label, help, integer: true, min: 1, max: 5 });

export function crossCuttingSections(pillars: readonly PillarModule[]): FormSection[] {
  const pillarOptions = Object.fromEntries(pillars.map((p) => [p.id, p.label])) as Record<
    string,
    LocalisedText
  >;
  const indicatorOptions = Object.fromEntries(
    pillars.flatMap((p) => p.indicators.map((i) => [toOptionValue(i.code), i.title] as const)),
  ) as Record<string, LocalisedText>;

  const team = defineFormSection({
    id: 'team',
    title: { en: 'Assessment team', fr: 'Équipe d’évaluation', ar: 'فريق التقييم' },
    sensitivity: 'restricted',
    fields: {
      members: field.group({
        label: { en: 'Members', fr: 'Membres', ar: 'الأعضاء' },
        itemLabel: { en: 'Member', fr: 'Membre', ar: 'عضو' },
        minItems: 1,
        maxItems: 50,
        fields: {
          name: field.shortText({ label: { en: 'Name', fr: 'Nom', ar: 'الاسم' } }),
          organisation: field.shortText({
            label: { en: 'Organisation', fr: 'Organisation', ar: 'المنظمة' },
          }),
          pillar: field.singleChoice({
            label: { en: 'Pillar', fr: 'Pilier', ar: 'الركيزة' },
            options: pillarOptions,
          }),
          role: field.shortText({
            label: { en: 'Role', fr: 'Rôle', ar: 'الدور' },
            required: false,
          }),
        },
      }),
    },
  });

  const genderAnalysis = defineFormSection({
    id: 'gender-analysis',
    title: { en: 'Gender analysis', fr: 'Analyse de genre', ar: 'التحليل الجنساني' },
    sensitivity: 'restricted',
    fields: {
      analysis: field.longText({
        label: { en: 'Analysis', fr: 'Analyse', ar: 'التحليل' },
        help: {
          en: 'How the situation affects women, men, girls and boys differently, and who takes part in decisions.',
          fr: 'En quoi la situation touche différemment les femmes, les hommes, les filles et les garçons, et qui prend part aux décisions.',
        },
      }),
      figures: field.group({
        label: { en: 'Disaggregated figures', fr: 'Chiffres ventilés', ar: 'أرقام مصنّفة' },
        help: {
          en: 'Every count given here is split by sex and age.',
          fr: 'Chaque chiffre est ventilé par sexe et par âge.',
        },
        itemLabel: { en: 'Figure', fr: 'Chiffre', ar: 'رقم' },
        required: false,
        maxItems: 50,
        fields: {
          label: field.shortText({
            label: { en: 'What is counted', fr: 'Ce qui est compté', ar: 'ما يُحصى' },
          }),
          counts: field.countBySexAndAge({
            label: { en: 'Counts', fr: 'Effectifs', ar: 'الأعداد' },
          }),
        },
      }),
    },
  });

  const rootCauses = defineFormSection({
    id: 'root-causes',
    title: { en: 'Root causes', fr: 'Causes profondes', ar: 'الأسباب الجذرية' },
    sensitivity: 'restricted',
    fields: {
      causes: field.group({
        label: { en: 'Root causes', fr: 'Causes profondes', ar: 'الأسباب الجذرية' },
        itemLabel: { en: 'Cause', fr: 'Cause', ar: 'سبب' },
        minItems: 1,
        maxItems: 50,
        fields: {
          description: field.longText({
            label: { en: 'Description', fr: 'Description', ar: 'الوصف' },
            maxLength: 4000,
          }),
          pillars: field.multiChoice({
            label: { en: 'Pillars', fr: 'Piliers', ar: 'الركائز' },
            options: pillarOptions,
          }),
        },
      }),
    },
  });

  const risks = defineFormSection({
    id: 'risks',
    title: { en: 'Identified risks', fr: 'Risques identifiés', ar: 'المخاطر المحددة' },
    sensitivity: 'restricted',
    fields: {
      risks: field.group({
        label: { en: 'Risks', fr: 'Risques', ar: 'المخاطر' },
        itemLabel: { en: 'Risk', fr: 'Risque', ar: 'خطر' },
        minItems: 1,
        maxItems: 100,
        fields: {
          title: field.shortText({ label: { en: 'Risk', fr: 'Risque', ar: 'الخطر' } }),
          description: field.longText({
            label: { en: 'Description', fr: 'Description', ar: 'الوصف' },
            required: false,
            maxLength: 4000,
          }),
          likelihood: scale(
            { en: 'Likelihood (1–5)', fr: 'Probabilité (1–5)', ar: 'الاحتمال (1–5)' },
            { en: '1 rare, 5 almost certain', fr: '1 rare, 5 quasi certain' },
          ),
          impact: scale(
            { en: 'Impact (1–5)', fr: 'Impact (1–5)', ar: 'الأثر (1–5)' },
            { en: '1 minor, 5 catastrophic', fr: '1 mineur, 5 catastrophique' },
          ),
          pillars: field.multiChoice({
            label: { en: 'Pillars', fr: 'Piliers', ar: 'الركائز' },
            options: pillarOptions,
          }),
          indicators: field.multiChoice({
            label: { en: 'Linked indicators', fr: 'Indicateurs liés', ar: 'المؤشرات المرتبطة' },
            options: indicatorOptions,
            required: false,
          }),
          trend: field.singleChoice({
            label: { en: 'Trend', fr: 'Tendance', ar: 'الاتجاه' },
            options: trends,
          }),
        },
      }),
    },
  });

  const recommendations = defineFormSection({
    id: 'recommendations',
    title: { en: 'Recommendations', fr: 'Recommandations', ar: 'التوصيات' },
    sensitivity: 'restricted',
    fields: {
      recommendations: field.group({
        label: { en: 'Recommendations', fr: 'Recommandations', ar: 'التوصيات' },
        itemLabel: { en: 'Recommendation', fr: 'Recommandation', ar: 'توصية' },
        minItems: 1,
        maxItems: 100,
        fields: {
          text: field.longText({
            label: { en: 'Recommendation', fr: 'Recommandation', ar: 'التوصية' },
            maxLength: 4000,
          }),
          lead: field.shortText({
            label: {
              en: 'Suggested lead organisation',
              fr: 'Organisation chef de file proposée',
              ar: 'المنظمة الرائدة المقترحة',
            },
          }),
          stage: field.singleChoice({
            label: { en: 'Stage', fr: 'Étape', ar: 'المرحلة' },
            options: stages,
          }),
        },
      }),
    },
  });

  const overall = defineFormSection({
    id: 'overall',
    title: { en: 'Overall judgement', fr: 'Appréciation d’ensemble', ar: 'التقدير العام' },
    sensitivity: 'restricted',
    fields: {
      confidence: field.singleChoice({
        label: {
          en: 'Confidence in this assessment',
          fr: 'Confiance dans cette évaluation',
          ar: 'الثقة في هذا التقييم',
        },
        options: confidenceLevels,
      }),
      summary: field.longText({
        label: { en: 'Summary', fr: 'Résumé', ar: 'الملخص' },
        required: false,
        maxLength: 4000,
      }),
    },
  });

  return [team, genderAnalysis, rootCauses, risks, recommendations, overall];
}

/** Indicator codes (`peace-security.fatalities`) as option values, which are kebab-case. */
export function toOptionValue(indicatorCode: string): string {
  return indicatorCode
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
