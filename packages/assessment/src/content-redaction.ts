import {
  isCleared,
  isWithheld,
  redactFields,
  stricterSensitivity,
  type RedactionResult,
  type Sensitivity,
} from '@prevention/core';
import type { AssessmentContent, AssessmentForm } from './assessment-form.js';

/**
 * The content a reader with `clearance` may receive: sections and fields above it replaced by
 * `Withheld` markers. The server applies this to every response that carries content — reads,
 * diffs, conflicts — so nothing above a reader's clearance ever reaches their device.
 *
 * `floor` raises sections further, never lowers them: an older revision or a kept conflict is
 * redacted at least as strictly as the assessment is now, so raising a section's sensitivity
 * also protects what it held before.
 */
export function redactContent(
  form: AssessmentForm,
  content: AssessmentContent,
  clearance: Sensitivity,
  floor: AssessmentContent['sectionSensitivity'] = {},
): RedactionResult<AssessmentContent> {
  const levels = raisedSectionSensitivity(form, content, floor);
  return redactFields(content, form.fieldSensitivity({ sectionSensitivity: levels }), clearance);
}

/** Whether the content holds anything strictly confidential: reading it is audited. */
export function holdsStrictlyConfidential(
  form: AssessmentForm,
  content: AssessmentContent,
  floor: AssessmentContent['sectionSensitivity'] = {},
): boolean {
  return redactContent(form, content, 'confidential', floor).withheldPaths.length > 0;
}

/**
 * A writer sends back what they read, withheld markers included. This puts the stored values
 * back where the writer was sent a marker, so that saving a partly withheld assessment keeps
 * what the writer could not see; and a section the writer may not read keeps its sensitivity,
 * because nobody may lower what they cannot see. A value the writer did send replaces the stored
 * one, as a field officer may write down a name they will not read back.
 */
export function restoreWithheld(
  form: AssessmentForm,
  incoming: AssessmentContent,
  stored: AssessmentContent,
  clearance: Sensitivity,
): AssessmentContent {
  const { withheldPaths } = redactContent(form, stored, clearance);
  let restored: AssessmentContent = incoming;
  for (const path of withheldPaths) {
    const segments = parsePath(path);
    if (!isWithheld(valueAt(restored, segments))) continue;
    restored = setAt(restored, segments, valueAt(stored, segments)) as AssessmentContent;
  }
  const sectionSensitivity = { ...restored.sectionSensitivity };
  for (const { key } of form.metadata.sections) {
    const level = form.sectionSensitivity(stored, key);
    if (isCleared(clearance, level)) continue;
    const wanted = form.sectionSensitivity(restored, key);
    const kept = stricterSensitivity(wanted, level);
    if (kept !== form.sectionSensitivity({ sectionSensitivity: {} }, key)) {
      sectionSensitivity[key] = kept;
    }
  }
  return { ...restored, sectionSensitivity };
}

function raisedSectionSensitivity(
  form: AssessmentForm,
  content: Pick<AssessmentContent, 'sectionSensitivity'>,
  floor: AssessmentContent['sectionSensitivity'],
): AssessmentContent['sectionSensitivity'] {
  const levels = { ...content.sectionSensitivity };
  for (const { key } of form.metadata.sections) {
    const raised = floor[key];
    if (raised) levels[key] = stricterSensitivity(form.sectionSensitivity(content, key), raised);
  }
  return levels;
}

/** `sections.a.b[2].c` as [sections, a, b, 2, c]: the concrete paths `redactFields` reports. */
function parsePath(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!match?.[1]) return [];
    segments.push(match[1]);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

function valueAt(root: unknown, segments: readonly (string | number)[]): unknown {
  let node = root;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) {
      return undefined;
    }
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** A copy of `root` with the value at `segments` replaced (removed when `value` is undefined). */
function setAt(root: unknown, segments: readonly (string | number)[], value: unknown): unknown {
  const [head, ...rest] = segments;
  if (head === undefined) return value;
  if (Array.isArray(root) && typeof head === 'number') {
    const copy = [...(root as unknown[])];
    copy[head] = setAt(copy[head], rest, value);
    return copy;
  }
  if (root === null || typeof root !== 'object') return root;
  const copy = { ...(root as Record<string, unknown>) };
  const next = setAt(copy[head], rest, value);
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy;
}
