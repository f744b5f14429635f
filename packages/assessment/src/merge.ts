import type { AssessmentContent, AssessmentForm } from './assessment-form.js';

/** For each part of an assessment, whose version to keep when resolving a conflict. */
export type MergeChoice = 'mine' | 'theirs';

/**
 * Resolves a conflict section by section: the header (title and sensitivity) and every section
 * come from the version chosen for them; a part with no choice keeps the server's version.
 * The result is a new version based on the server's revision.
 */
export function mergeBySection(
  form: AssessmentForm,
  mine: AssessmentContent,
  theirs: AssessmentContent,
  choices: Readonly<Record<string, MergeChoice>>,
): AssessmentContent {
  const pick = (key: string) => (choices[key] === 'mine' ? mine : theirs);
  const header = pick('header');
  const sections: AssessmentContent['sections'] = {};
  const sectionSensitivity: AssessmentContent['sectionSensitivity'] = {};
  for (const { key } of form.metadata.sections) {
    const source = pick(key);
    const value = source.sections[key];
    if (value !== undefined) sections[key] = value;
    const level = source.sectionSensitivity[key];
    if (level !== undefined) sectionSensitivity[key] = level;
  }
  return { title: header.title, sensitivity: header.sensitivity, sectionSensitivity, sections };
}
