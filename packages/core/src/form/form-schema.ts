import { z } from 'zod';
import { Count, SexAgeCounts } from '../disaggregation.js';
import type { FieldSensitivity } from '../redaction.js';
import { sensitivityRank, type Sensitivity } from '../sensitivity.js';
import { IsoDate } from '../signal.js';
import type { FieldSpec, FormSectionSpec } from './form-spec.js';

/** A field's spec without its key: what a builder knows before the field is placed in a form. */
export type FieldSpecBody = FieldSpec extends infer F
  ? F extends FieldSpec
    ? Omit<F, 'key'>
    : never
  : never;

function choice(values: readonly string[]) {
  const [first, ...rest] = values;
  if (first === undefined) throw new RangeError('A choice field needs at least one option');
  return z.enum([first, ...rest]);
}

function valueSchema(spec: FieldSpecBody): z.ZodType {
  switch (spec.kind) {
    case 'short-text':
    case 'long-text':
      return z.string().trim().min(1).max(spec.maxLength);
    case 'number': {
      let schema = spec.integer ? z.int() : z.number();
      if (spec.min !== undefined) schema = schema.min(spec.min);
      if (spec.max !== undefined) schema = schema.max(spec.max);
      return schema;
    }
    case 'count':
      return spec.max === undefined ? Count : Count.max(spec.max);
    case 'count-by-sex-and-age':
      return SexAgeCounts;
    case 'single-choice':
      return choice(spec.options.map((o) => o.value));
    case 'multi-choice':
      return z
        .array(choice(spec.options.map((o) => o.value)))
        .min(spec.minSelected ?? (spec.required ? 1 : 0))
        .max(spec.maxSelected ?? spec.options.length)
        .refine((values) => new Set(values).size === values.length, {
          message: 'An option is chosen at most once',
        });
    case 'date':
      return IsoDate;
    case 'boolean':
      return z.boolean();
    case 'group':
      return z
        .array(z.object(shapeOf(spec.fields)).strict())
        .min(spec.minItems)
        .max(spec.maxItems);
  }
}

/** The validator of one field, built from its metadata alone. */
export function fieldSchema(spec: FieldSpecBody): z.ZodType {
  const schema = valueSchema(spec);
  return spec.required ? schema : schema.optional();
}

function shapeOf(fields: readonly FieldSpec[]): Record<string, z.ZodType> {
  return Object.fromEntries(fields.map((field) => [field.key, fieldSchema(field)]));
}

/**
 * The validator of a whole section, built from its metadata alone. A client that received the
 * metadata as JSON validates with exactly the rules the server applies.
 */
export function sectionSchema(spec: FormSectionSpec): z.ZodObject {
  return z.object(shapeOf(spec.fields)).strict();
}

/**
 * The field-sensitivity map of a section: every field (or group) more sensitive than what
 * encloses it, by path (`victims[].name`), for `redactFields`.
 */
export function fieldSensitivityOf(spec: FormSectionSpec): FieldSensitivity {
  const map: FieldSensitivity = {};
  const visit = (fields: readonly FieldSpec[], prefix: string, inherited: Sensitivity) => {
    for (const field of fields) {
      const path = `${prefix}${field.key}`;
      const level =
        field.sensitivity && sensitivityRank(field.sensitivity) > sensitivityRank(inherited)
          ? field.sensitivity
          : inherited;
      if (level !== inherited) map[path] = level;
      if (field.kind === 'group') visit(field.fields, `${path}[].`, level);
    }
  };
  visit(spec.fields, '', spec.sensitivity);
  return map;
}
