import type { AssessmentForm } from '@prevention/assessment';
import { localise, type Language } from '@prevention/core';

/** The pillars the form composes, with their section titles as labels. */
export function pillarChoices(
  form: AssessmentForm,
  language: Language,
): { id: string; label: string }[] {
  return form.metadata.sections
    .filter((section) => section.pillar !== null)
    .map((section) => ({
      id: section.pillar ?? section.key,
      label: localise(section.metadata.title, language),
    }));
}

/** A section's title by its key; `title` and `sensitivity` name the header. */
export function sectionTitle(
  form: AssessmentForm,
  key: string,
  language: Language,
  t: (key: string) => string,
): string {
  if (key === 'title') return t('assessment.titleField');
  if (key === 'sensitivity') return t('assessment.sensitivityField');
  if (key === 'header') return t('assessment.header');
  const section = form.metadata.sections.find((s) => s.key === key);
  return section ? localise(section.metadata.title, language) : key;
}

export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}
