import type { AssessmentForm } from '@prevention/assessment';
import { localise, type FieldSpec, type Language, type LocalisedText } from '@prevention/core';

/**
 * The labels that lead to a path of the content, for a reader: `sections.risks.risks.1.impact`
 * reads as [Identified risks, Risk 2, Impact (1–5)]. Parts the form does not know are left out.
 */
export function describePath(
  form: AssessmentForm,
  path: readonly (string | number)[],
  language: Language,
): string[] {
  const [root, sectionKey, ...rest] = path;
  if (root !== 'sections' || typeof sectionKey !== 'string') return [];
  const section = form.metadata.sections.find((s) => s.key === sectionKey);
  if (!section) return [];
  const labels: LocalisedText[] = [section.metadata.title];
  let fields: readonly FieldSpec[] = section.metadata.fields;
  let group: Extract<FieldSpec, { kind: 'group' }> | null = null;
  for (const part of rest) {
    if (typeof part === 'number') {
      if (group) labels.push(numbered(group.itemLabel ?? group.label, part + 1));
      continue;
    }
    const field = fields.find((f) => f.key === part);
    if (!field) break;
    labels.push(field.label);
    if (field.kind !== 'group') break;
    group = field;
    fields = field.fields;
  }
  return labels.map((label) => localise(label, language));
}

/** The field spec at a path of the content, if the form has one there. */
export function specAtPath(
  form: AssessmentForm,
  path: readonly (string | number)[],
): FieldSpec | undefined {
  const [root, sectionKey, ...rest] = path;
  if (root !== 'sections') return undefined;
  let fields: readonly FieldSpec[] =
    form.metadata.sections.find((s) => s.key === sectionKey)?.metadata.fields ?? [];
  let found: FieldSpec | undefined;
  for (const part of rest) {
    if (typeof part === 'number') continue;
    found = fields.find((f) => f.key === part);
    if (!found) return undefined;
    fields = found.kind === 'group' ? found.fields : [];
  }
  return found;
}

function numbered(label: LocalisedText, n: number): LocalisedText {
  return Object.fromEntries(
    Object.entries(label).map(([language, text]) => [language, `${text} ${n}`]),
  ) as LocalisedText;
}

/** `sections.risks.risks[1].likelihood` (as diffs write paths) as parts. */
export function parsePath(path: string): (string | number)[] {
  return path
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
