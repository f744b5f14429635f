import { z } from 'zod';
import { LocalisedText } from '../localised.js';
import { Sensitivity } from '../sensitivity.js';

/**
 * Form metadata: a serialisable description of a form section from which a client renders the
 * form and, with `sectionSchema`, rebuilds the very validator the domain uses. Nothing about
 * a pillar needs to be known to the renderer: every field says its kind, labels, help text,
 * whether it is required and how sensitive it is.
 */
export const fieldKinds = [
  'short-text',
  'long-text',
  'number',
  'count',
  'count-by-sex-and-age',
  'single-choice',
  'multi-choice',
  'date',
  'boolean',
  'group',
] as const;
export type FieldKind = (typeof fieldKinds)[number];

/** A field key: camelCase, so that `group[].field` is a valid field-sensitivity path. */
export const FieldKey = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]{0,63}$/, 'Expected a camelCase field key such as conflictDynamics');
export type FieldKey = z.infer<typeof FieldKey>;

export const ChoiceValue = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Expected a kebab-case option value');
export type ChoiceValue = z.infer<typeof ChoiceValue>;

export const ChoiceOption = z.object({ value: ChoiceValue, label: LocalisedText }).strict();
export type ChoiceOption = z.infer<typeof ChoiceOption>;

interface FieldCommon {
  key: FieldKey;
  label: LocalisedText;
  help?: LocalisedText | undefined;
  required: boolean;
  /** Set when the field is more sensitive than the section (or group) it belongs to. */
  sensitivity?: Sensitivity | undefined;
}

/** One field of a form. `group` is a repeatable group of fields (a list of records). */
export type FieldSpec = FieldCommon &
  (
    | { kind: 'short-text' | 'long-text'; maxLength: number }
    | {
        kind: 'number';
        integer: boolean;
        min?: number | undefined;
        max?: number | undefined;
        unit?: LocalisedText | undefined;
      }
    | { kind: 'count'; max?: number | undefined }
    | { kind: 'count-by-sex-and-age' }
    | { kind: 'single-choice'; options: ChoiceOption[] }
    | {
        kind: 'multi-choice';
        options: ChoiceOption[];
        minSelected?: number | undefined;
        maxSelected?: number | undefined;
      }
    | { kind: 'date' }
    | { kind: 'boolean' }
    | {
        kind: 'group';
        fields: FieldSpec[];
        minItems: number;
        maxItems: number;
        itemLabel?: LocalisedText | undefined;
      }
  );

const common = {
  key: FieldKey,
  label: LocalisedText,
  help: LocalisedText.optional(),
  required: z.boolean(),
  sensitivity: Sensitivity.optional(),
};

const options = z
  .array(ChoiceOption)
  .min(1)
  .refine((list) => new Set(list.map((o) => o.value)).size === list.length, {
    message: 'Option values must be unique',
  });

const uniqueKeys = (fields: readonly { key: string }[]) =>
  new Set(fields.map((f) => f.key)).size === fields.length;

// Zod cannot infer a recursive type, so `FieldSpec` above is written by hand and the schema
// is checked against it with `satisfies`: a drift between the two does not compile.
export const FieldSpec: z.ZodType<FieldSpec> = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.enum(['short-text', 'long-text']),
      ...common,
      maxLength: z.int().min(1).max(100_000),
    })
    .strict(),
  z
    .object({
      kind: z.literal('number'),
      ...common,
      integer: z.boolean(),
      min: z.number().optional(),
      max: z.number().optional(),
      unit: LocalisedText.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('count'), ...common, max: z.int().min(0).optional() }).strict(),
  z.object({ kind: z.literal('count-by-sex-and-age'), ...common }).strict(),
  z.object({ kind: z.literal('single-choice'), ...common, options }).strict(),
  z
    .object({
      kind: z.literal('multi-choice'),
      ...common,
      options,
      minSelected: z.int().min(0).optional(),
      maxSelected: z.int().min(1).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('date'), ...common }).strict(),
  z.object({ kind: z.literal('boolean'), ...common }).strict(),
  z
    .object({
      kind: z.literal('group'),
      ...common,
      get fields() {
        return z
          .array(FieldSpec)
          .min(1)
          .refine(uniqueKeys, { message: 'Field keys must be unique' });
      },
      minItems: z.int().min(0),
      maxItems: z.int().min(1).max(10_000),
      itemLabel: LocalisedText.optional(),
    })
    .strict(),
]) satisfies z.ZodType<FieldSpec>;

/** A form section: a titled list of fields with a base sensitivity for the whole record. */
export const FormSectionSpec = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/),
    title: LocalisedText,
    description: LocalisedText.optional(),
    sensitivity: Sensitivity,
    fields: z.array(FieldSpec).min(1).refine(uniqueKeys, { message: 'Field keys must be unique' }),
  })
  .strict();
export type FormSectionSpec = z.infer<typeof FormSectionSpec>;
