import type { AlertRule } from './rule.js';

/**
 * The rules the platform ships with, all global and enabled. Each parameter's reason is in the
 * package README; each rule's `rationale` says it in a sentence for the rule's page.
 */
export const defaultRules: readonly AlertRule[] = Object.freeze([
  {
    id: 'composite-shift-high',
    version: 1,
    title: { en: 'Prevention risk shifts to high', fr: 'Le risque passe à élevé' },
    rationale:
      'The composite prevention risk moves up into the high class (5.0, as INFORM) and stays there two months, or jumps at least 0.5 past the edge, so that a score flickering around 5 does not alert every month.',
    countryCode: null,
    enabled: true,
    level: 'warning',
    condition: {
      kind: 'class-shift',
      node: 'prevention-risk',
      toClass: 'high',
      persistMonths: 2,
      margin: 0.5,
    },
    cooldownDays: 90,
    acknowledgeWithinHours: 72,
  },
  {
    id: 'pillar-shift-very-high',
    version: 1,
    title: {
      en: 'Peace and security risk shifts to very high',
      fr: 'Le risque paix et sécurité passe à très élevé',
    },
    rationale:
      'The peace and security pillar moves up into very high (6.5) for two months, or at least 0.5 past the edge: the pillar whose shift most directly precedes violence, and one the composite can dilute.',
    countryCode: null,
    enabled: true,
    level: 'urgent',
    condition: {
      kind: 'class-shift',
      node: 'peace-security',
      toClass: 'very-high',
      persistMonths: 2,
      margin: 0.5,
    },
    cooldownDays: 90,
    acknowledgeWithinHours: 48,
  },
  {
    id: 'composite-rise',
    version: 1,
    title: { en: 'Prevention risk rises fast', fr: 'Le risque augmente rapidement' },
    rationale:
      'The composite rises by a full point or more in three months, at any level: a deterioration visible before a class boundary is crossed.',
    countryCode: null,
    enabled: true,
    level: 'watch',
    condition: { kind: 'rise', node: 'prevention-risk', delta: 1, months: 3 },
    cooldownDays: 60,
    acknowledgeWithinHours: 168,
  },
  {
    id: 'violence-spike',
    version: 1,
    title: { en: 'Violence spike', fr: 'Pic de violence' },
    rationale:
      'Conflict events more than double their mean of the four months before, tracked only where that mean is at least one event a month (ACLED’s surge tracker).',
    countryCode: null,
    enabled: true,
    level: 'warning',
    condition: {
      kind: 'spike',
      series: { source: 'signals', kinds: ['conflict-event'] },
      spike: { test: 'trailing-mean', periods: 4, ratio: 2, minBaseline: 1 },
    },
    cooldownDays: 30,
    acknowledgeWithinHours: 48,
  },
  {
    id: 'fatalities-record',
    version: 1,
    title: { en: 'Fatalities at a three-year high', fr: 'Décès au plus haut depuis trois ans' },
    rationale:
      'Reported fatalities reach their highest in 36 months and at least 25 in the month (HDX Signals’ record rule), so that a record in a quiet place is not news.',
    countryCode: null,
    enabled: true,
    level: 'warning',
    condition: {
      kind: 'spike',
      series: { source: 'indicator', indicatorId: 'peace-security.fatalities' },
      spike: { test: 'record', window: 36, floor: 25 },
    },
    cooldownDays: 60,
    acknowledgeWithinHours: 48,
  },
  {
    id: 'grave-violation',
    version: 1,
    title: { en: 'Grave human-rights violation', fr: 'Violation grave des droits humains' },
    rationale:
      'A corroborated or verified violation of severity 4 or 5: one such fact is enough to act on, and checking it first keeps rumours out of the inbox.',
    countryCode: null,
    enabled: true,
    level: 'urgent',
    condition: {
      kind: 'human-rights-signal',
      signalKinds: ['violation'],
      minSeverity: 4,
      verification: ['corroborated', 'verified'],
    },
    cooldownDays: 14,
    acknowledgeWithinHours: 24,
  },
  {
    id: 'field-high-risk',
    version: 1,
    title: {
      en: 'Field team judges a risk very high',
      fr: 'L’équipe de terrain juge un risque très élevé',
    },
    rationale:
      'An endorsed joint assessment rates a risk at likelihood × impact 16 or more, the very-high band of the five-by-five matrix (at least likely and severe).',
    countryCode: null,
    enabled: true,
    level: 'warning',
    condition: { kind: 'field-judgement', minScore: 16 },
    cooldownDays: 90,
    acknowledgeWithinHours: 72,
  },
]);
