import type { PillarId } from '@prevention/core';
import type { AssessmentContent, AssessmentForm } from './assessment-form.js';

export interface ContentSummary {
  /** Pillars whose section has at least one value. */
  pillars: PillarId[];
  /** Distinct organisations of the team, in the order they appear. */
  organisations: string[];
  riskCount: number;
  /** The highest likelihood × impact among the identified risks. */
  highestRisk: number | null;
}

/**
 * What a list of assessments shows and filters on, derived from the content when it is saved,
 * so a list never has to read (or redact) content.
 */
export function summariseContent(form: AssessmentForm, content: AssessmentContent): ContentSummary {
  const pillars = form.metadata.sections
    .filter((section) => section.pillar !== null && hasValue(content.sections[section.key]))
    .map((section) => section.pillar as PillarId);

  const members = records(content.sections.team?.members);
  const organisations = [
    ...new Set(
      members.map((m) => m.organisation).filter((o): o is string => typeof o === 'string'),
    ),
  ];

  const risks = records(content.sections.risks?.risks);
  const scores = risks
    .map((risk) =>
      typeof risk.likelihood === 'number' && typeof risk.impact === 'number'
        ? risk.likelihood * risk.impact
        : null,
    )
    .filter((score): score is number => score !== null);

  return {
    pillars,
    organisations,
    riskCount: risks.length,
    highestRisk: scores.length > 0 ? Math.max(...scores) : null,
  };
}

function hasValue(section: Record<string, unknown> | undefined): boolean {
  return (
    section !== undefined &&
    Object.values(section).some(
      (value) => value !== undefined && !(Array.isArray(value) && value.length === 0),
    )
  );
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter(
        (item): item is Record<string, unknown> => item !== null && typeof item === 'object',
      )
    : [];
}
