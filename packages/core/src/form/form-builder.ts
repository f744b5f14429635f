import type { z } from 'zod';
import type { SexAgeCounts } from '../disaggregation.js';
import type { LocalisedText } from '../localised.js';
import type { FieldSensitivity } from '../redaction.js';
import type { Sensitivity } from '../sensitivity.js';
import {
  fieldSchema,
  fieldSensitivityOf,
  sectionSchema,
  type FieldSpecBody,
} from './form-schema.js';
import { FormSectionSpec, type ChoiceOption, type FieldSpec } from './form-spec.js';

/**
 * Form builders. A pillar describes its assessment section once, with these; the metadata a
 * client renders and the Zod schema the domain validates with are both derived from that one
 * description (the schema by interpreting the metadata), so the two cannot drift apart.
 */
export interface FieldDefinition<S = z.ZodType> {
  readonly spec: FieldSpecBody;
  readonly schema: S;
}

type Presence<S extends z.ZodType, R extends boolean> = R extends false ? z.ZodOptional<S> : S;

interface CommonOptions<R extends boolean> {
  label: LocalisedText;
  help?: LocalisedText;
  /** Default true. */
  required?: R;
  /** Only when the field is more sensitive than its section. */
  sensitivity?: Sensitivity;
}

type Choices = Readonly<Record<string, LocalisedText>>;
type ChoiceEnum<O extends Choices> = z.ZodEnum<{ [K in keyof O & string]: K }>;
type Fields = Readonly<Record<string, FieldDefinition<unknown>>>;
type ShapeOf<F extends Fields> = { -readonly [K in keyof F]: Extract<F[K]['schema'], z.ZodType> };

function define<S>(spec: FieldSpecBody): FieldDefinition<S> {
  // The schema's static type is what the builder's signature promises; `fieldSchema` builds it
  // from the same spec at run time, and the type tests check the two agree.
  return { spec, schema: fieldSchema(spec) as S };
}

function common<R extends boolean>(options: CommonOptions<R>) {
  return {
    label: options.label,
    ...(options.help ? { help: options.help } : {}),
    required: options.required ?? true,
    ...(options.sensitivity ? { sensitivity: options.sensitivity } : {}),
  };
}

function optionList(options: Choices): ChoiceOption[] {
  return Object.entries(options).map(([value, label]) => ({ value, label }));
}

function placed(fields: Fields): FieldSpec[] {
  return Object.entries(fields).map(([key, field]) => ({ key, ...field.spec }) as FieldSpec);
}

export const field = {
  shortText<R extends boolean = true>(o: CommonOptions<R> & { maxLength?: number }) {
    return define<Presence<z.ZodString, R>>({
      kind: 'short-text',
      ...common(o),
      maxLength: o.maxLength ?? 200,
    });
  },
  longText<R extends boolean = true>(o: CommonOptions<R> & { maxLength?: number }) {
    return define<Presence<z.ZodString, R>>({
      kind: 'long-text',
      ...common(o),
      maxLength: o.maxLength ?? 10_000,
    });
  },
  number<R extends boolean = true>(
    o: CommonOptions<R> & { min?: number; max?: number; integer?: boolean; unit?: LocalisedText },
  ) {
    return define<Presence<z.ZodNumber, R>>({
      kind: 'number',
      ...common(o),
      integer: o.integer ?? false,
      ...(o.min === undefined ? {} : { min: o.min }),
      ...(o.max === undefined ? {} : { max: o.max }),
      ...(o.unit ? { unit: o.unit } : {}),
    });
  },
  count<R extends boolean = true>(o: CommonOptions<R> & { max?: number }) {
    return define<Presence<z.ZodNumber, R>>({
      kind: 'count',
      ...common(o),
      ...(o.max === undefined ? {} : { max: o.max }),
    });
  },
  countBySexAndAge<R extends boolean = true>(o: CommonOptions<R>) {
    return define<Presence<z.ZodType<SexAgeCounts>, R>>({
      kind: 'count-by-sex-and-age',
      ...common(o),
    });
  },
  singleChoice<const O extends Choices, R extends boolean = true>(
    o: CommonOptions<R> & { options: O },
  ) {
    return define<Presence<ChoiceEnum<O>, R>>({
      kind: 'single-choice',
      ...common(o),
      options: optionList(o.options),
    });
  },
  multiChoice<const O extends Choices, R extends boolean = true>(
    o: CommonOptions<R> & { options: O; minSelected?: number; maxSelected?: number },
  ) {
    return define<Presence<z.ZodArray<ChoiceEnum<O>>, R>>({
      kind: 'multi-choice',
      ...common(o),
      options: optionList(o.options),
      ...(o.minSelected === undefined ? {} : { minSelected: o.minSelected }),
      ...(o.maxSelected === undefined ? {} : { maxSelected: o.maxSelected }),
    });
  },
  date<R extends boolean = true>(o: CommonOptions<R>) {
    return define<Presence<z.ZodType<string>, R>>({ kind: 'date', ...common(o) });
  },
  boolean<R extends boolean = true>(o: CommonOptions<R>) {
    return define<Presence<z.ZodBoolean, R>>({ kind: 'boolean', ...common(o) });
  },
  group<const F extends Fields, R extends boolean = true>(
    o: CommonOptions<R> & {
      fields: F;
      minItems?: number;
      maxItems?: number;
      itemLabel?: LocalisedText;
    },
  ) {
    return define<Presence<z.ZodArray<z.ZodObject<ShapeOf<F>, z.core.$strict>>, R>>({
      kind: 'group',
      ...common(o),
      fields: placed(o.fields),
      minItems: o.minItems ?? 0,
      maxItems: o.maxItems ?? 100,
      ...(o.itemLabel ? { itemLabel: o.itemLabel } : {}),
    });
  },
};

/** A form section: its metadata, the schema derived from it, and its field-sensitivity map. */
export interface FormSection<S extends z.ZodObject = z.ZodObject> {
  readonly metadata: FormSectionSpec;
  readonly schema: S;
  readonly fieldSensitivity: FieldSensitivity;
}

export function defineFormSection<const F extends Fields>(definition: {
  id: string;
  title: LocalisedText;
  description?: LocalisedText;
  /** The sensitivity of the section as a whole. Default `restricted`. */
  sensitivity?: Sensitivity;
  fields: F;
}): FormSection<z.ZodObject<ShapeOf<F>, z.core.$strict>> {
  const metadata = FormSectionSpec.parse({
    id: definition.id,
    title: definition.title,
    ...(definition.description ? { description: definition.description } : {}),
    sensitivity: definition.sensitivity ?? 'restricted',
    fields: placed(definition.fields),
  });
  return {
    metadata,
    schema: sectionSchema(metadata) as z.ZodObject<ShapeOf<F>, z.core.$strict>,
    fieldSensitivity: fieldSensitivityOf(metadata),
  };
}
