import { redactFields, type RedactionResult, type Sensitivity } from '@prevention/core';
import type { AssessmentContent, AssessmentForm } from './assessment-form.js';

/**
 * The content a reader with `clearance` may receive: sections and fields above it replaced by
 * `Withheld` markers. The server applies this to every response that carries content — reads,
 * diffs, conflicts — so nothing above a reader's clearance ever reaches their device.
 */
export function redactContent(
  form: AssessmentForm,
  content: AssessmentContent,
  clearance: Sensitivity,
): RedactionResult<AssessmentContent> {
  return redactFields(content, form.fieldSensitivity(content), clearance);
}
