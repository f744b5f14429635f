import { emptySexAgeCounts, type FieldSpec, type Sensitivity } from '@prevention/core';
import type { AssessmentContent, AssessmentForm } from './assessment-form.js';

export interface ExampleOptions {
  title: string;
  /** A number in [0, 1); the same sequence gives the same content. Default: a fixed sequence. */
  random?: () => number;
  /** Text for a text field, by its path (`rootCauses.causes[0].description`); default: its label. */
  text?: (path: string, label: string) => string;
  /** Leave out some optional values and groups, as a real draft would. Default false. */
  sparse?: boolean;
  sensitivity?: Sensitivity;
}

/**
 * A complete, valid assessment for any form, built from the form's metadata alone: for tests,
 * benchmarks and demo data, and for any fourth pillar without writing a fixture for it.
 */
export function exampleContent(form: AssessmentForm, options: ExampleOptions): AssessmentContent {
  let state = 0x2545f491;
  const random =
    options.random ??
    (() => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 4294967296;
    });
  const text = options.text ?? ((_path: string, label: string) => `${label} (example)`);
  const sections: AssessmentContent['sections'] = {};

  const valueOf = (spec: FieldSpec, path: string): unknown => {
    switch (spec.kind) {
      case 'short-text':
      case 'long-text':
        return text(path, spec.label.en).slice(0, spec.maxLength);
      case 'number': {
        const min = spec.min ?? 0;
        const max = spec.max ?? min + 100;
        const value = min + random() * (max - min);
        return spec.integer ? Math.round(value) : Math.round(value * 10) / 10;
      }
      case 'count':
        return Math.floor(random() * Math.min(spec.max ?? 500, 500));
      case 'count-by-sex-and-age': {
        const counts = emptySexAgeCounts();
        for (const row of Object.values(counts))
          for (const age of Object.keys(row) as (keyof typeof row)[])
            row[age] = Math.floor(random() * 40);
        return counts;
      }
      case 'single-choice':
        return spec.options[Math.floor(random() * spec.options.length)]?.value;
      case 'multi-choice': {
        const wanted = Math.max(spec.minSelected ?? 1, 1);
        const start = Math.floor(random() * spec.options.length);
        return Array.from(
          {
            length: Math.min(
              wanted + (random() < 0.5 ? 1 : 0),
              spec.maxSelected ?? spec.options.length,
              spec.options.length,
            ),
          },
          (_, i) => spec.options[(start + i) % spec.options.length]?.value,
        );
      }
      case 'date':
        return `2026-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      case 'boolean':
        return random() < 0.5;
      case 'group': {
        const count = Math.max(
          spec.minItems,
          Math.min(spec.maxItems, 1 + Math.floor(random() * 3)),
        );
        return Array.from({ length: count }, (_, index) =>
          fields(spec.fields, `${path}[${index}]`),
        );
      }
    }
  };

  const fields = (specs: readonly FieldSpec[], at: string): Record<string, unknown> => {
    const record: Record<string, unknown> = {};
    for (const spec of specs) {
      if (options.sparse && !spec.required && random() < 0.4) continue;
      record[spec.key] = valueOf(spec, `${at}.${spec.key}`);
    }
    return record;
  };

  for (const section of form.metadata.sections) {
    sections[section.key] = fields(section.metadata.fields, section.key);
  }
  return {
    title: options.title,
    sensitivity: options.sensitivity ?? 'restricted',
    sectionSensitivity: {},
    sections,
  };
}
