import { isWithheld, jsonEqual, type FieldSpec, type LocalisedText } from '@prevention/core';
import type { AssessmentContent, AssessmentForm } from './assessment-form.js';
import type { DiffEntry } from './views.js';

const titleLabel: LocalisedText = { en: 'Title', fr: 'Titre', ar: 'العنوان' };
const sensitivityLabel: LocalisedText = {
  en: 'Sensitivity',
  fr: 'Sensibilité',
  ar: 'درجة الحساسية',
};

/**
 * The changes from one version of an assessment to another, field by field, each labelled from
 * the form (section › item › field) so that a reader sees "Identified risks › Risk 2 ›
 * Likelihood: 3 → 4" rather than a JSON path. Withheld values compare as markers and are never
 * opened up.
 */
export function diffContents(
  form: AssessmentForm,
  before: AssessmentContent,
  after: AssessmentContent,
): DiffEntry[] {
  const entries: DiffEntry[] = [];
  const push = (section: string, path: string, labels: LocalisedText[], a: unknown, b: unknown) => {
    if (jsonEqual(a, b)) return;
    const change = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
    entries.push({ section, path, labels, change, before: a, after: b });
  };

  push('title', 'title', [titleLabel], before.title, after.title);
  push('sensitivity', 'sensitivity', [sensitivityLabel], before.sensitivity, after.sensitivity);

  for (const section of form.metadata.sections) {
    const { key, metadata } = section;
    const sectionLabel = metadata.title;
    push(
      key,
      `sectionSensitivity.${key}`,
      [sectionLabel, sensitivityLabel],
      before.sectionSensitivity[key],
      after.sectionSensitivity[key],
    );
    const a = before.sections[key];
    const b = after.sections[key];
    if (jsonEqual(a, b)) continue;
    if (a === undefined || b === undefined || isWithheld(a) || isWithheld(b)) {
      push(key, `sections.${key}`, [sectionLabel], a, b);
      continue;
    }
    diffFields(metadata.fields, a, b, `sections.${key}`, [sectionLabel], (path, labels, x, y) =>
      push(key, path, labels, x, y),
    );
  }
  return entries;
}

type Emit = (path: string, labels: LocalisedText[], before: unknown, after: unknown) => void;

function diffFields(
  fields: readonly FieldSpec[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  at: string,
  labels: LocalisedText[],
  emit: Emit,
): void {
  for (const field of fields) {
    const a = before[field.key];
    const b = after[field.key];
    if (jsonEqual(a, b)) continue;
    const path = `${at}.${field.key}`;
    if (field.kind === 'group' && Array.isArray(a) && Array.isArray(b)) {
      const itemLabel = field.itemLabel ?? field.label;
      for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
        const x: unknown = a[index];
        const y: unknown = b[index];
        const itemPath = `${path}[${index}]`;
        const itemLabels = [...labels, numbered(itemLabel, index + 1)];
        if (isRecord(x) && isRecord(y)) diffFields(field.fields, x, y, itemPath, itemLabels, emit);
        else emit(itemPath, itemLabels, x, y);
      }
    } else {
      emit(path, [...labels, field.label], a, b);
    }
  }
}

function numbered(label: LocalisedText, n: number): LocalisedText {
  return Object.fromEntries(
    Object.entries(label).map(([language, text]) => [language, `${text} ${n}`]),
  ) as LocalisedText;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !isWithheld(value);
}

/**
 * What a revision changed, as a history lists it: `title`, `sensitivity`, and the keys of the
 * sections whose content or sensitivity differ. Null `before` (a new assessment) lists every
 * part that has a value.
 */
export function changedSections(
  form: AssessmentForm,
  before: AssessmentContent | null,
  after: AssessmentContent,
): string[] {
  const changed: string[] = [];
  if (before?.title !== after.title) changed.push('title');
  if (before?.sensitivity !== after.sensitivity) changed.push('sensitivity');
  for (const { key } of form.metadata.sections) {
    const same =
      jsonEqual(before?.sections[key], after.sections[key]) &&
      jsonEqual(before?.sectionSensitivity[key], after.sectionSensitivity[key]);
    if (!same) changed.push(key);
  }
  return changed;
}
