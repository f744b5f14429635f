import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  defineFormSection,
  emptySexAgeCounts,
  field,
  FormSectionSpec,
  redactFields,
  sectionSchema,
} from '../src/index.js';

const label = (en: string) => ({ en });

const section = defineFormSection({
  id: 'example',
  title: { en: 'Example', fr: 'Exemple' },
  fields: {
    summary: field.longText({ label: label('Summary'), help: label('What happened') }),
    headline: field.shortText({ label: label('Headline'), required: false, maxLength: 20 }),
    fatalities: field.count({ label: label('Fatalities') }),
    share: field.number({ label: label('Share'), min: 0, max: 100, required: false }),
    victims: field.countBySexAndAge({ label: label('Victims') }),
    stage: field.singleChoice({
      label: label('Stage'),
      options: { exploratory: label('Exploratory'), negotiation: label('Negotiation') },
    }),
    drivers: field.multiChoice({
      label: label('Drivers'),
      options: { land: label('Land'), water: label('Water'), elections: label('Elections') },
      required: false,
    }),
    reportedOn: field.date({ label: label('Reported on') }),
    urgent: field.boolean({ label: label('Urgent') }),
    witnesses: field.group({
      label: label('Witnesses'),
      sensitivity: 'confidential',
      fields: {
        name: field.shortText({ label: label('Name'), sensitivity: 'strictly-confidential' }),
        role: field.shortText({ label: label('Role'), required: false }),
      },
      maxItems: 3,
    }),
  },
});

const valid = {
  summary: '  Clashes near the market  ',
  fatalities: 3,
  victims: emptySexAgeCounts(),
  stage: 'negotiation',
  reportedOn: '2026-03-14',
  urgent: false,
  witnesses: [{ name: 'A. Person' }],
};

describe('form sections', () => {
  it('derives a schema that accepts a valid record and trims text', () => {
    const parsed = section.schema.parse(valid);
    expect(parsed.summary).toBe('Clashes near the market');
    expect(parsed.headline).toBeUndefined();
  });

  it('rejects missing required fields, unknown options, bad counts and extra keys', () => {
    const { summary: _summary, ...withoutSummary } = valid;
    expect(section.schema.safeParse(withoutSummary).success).toBe(false);
    expect(section.schema.safeParse({ ...valid, stage: 'war' }).success).toBe(false);
    expect(section.schema.safeParse({ ...valid, fatalities: -1 }).success).toBe(false);
    expect(section.schema.safeParse({ ...valid, fatalities: 1.5 }).success).toBe(false);
    expect(section.schema.safeParse({ ...valid, share: 101 }).success).toBe(false);
    expect(section.schema.safeParse({ ...valid, drivers: ['land', 'land'] }).success).toBe(false);
    expect(section.schema.safeParse({ ...valid, extra: 1 }).success).toBe(false);
    expect(section.schema.safeParse({ ...valid, reportedOn: '2026-02-30' }).success).toBe(false);
    const fourWitnesses = Array.from({ length: 4 }, () => ({ name: 'X' }));
    expect(section.schema.safeParse({ ...valid, witnesses: fourWitnesses }).success).toBe(false);
  });

  it('describes every field in serialisable metadata, in declaration order', () => {
    const metadata = JSON.parse(JSON.stringify(section.metadata)) as unknown;
    const spec = FormSectionSpec.parse(metadata);
    expect(spec.fields.map((f) => [f.key, f.kind, f.required])).toEqual([
      ['summary', 'long-text', true],
      ['headline', 'short-text', false],
      ['fatalities', 'count', true],
      ['share', 'number', false],
      ['victims', 'count-by-sex-and-age', true],
      ['stage', 'single-choice', true],
      ['drivers', 'multi-choice', false],
      ['reportedOn', 'date', true],
      ['urgent', 'boolean', true],
      ['witnesses', 'group', true],
    ]);
    expect(spec.fields[0]).toMatchObject({ help: { en: 'What happened' } });
    expect(spec.fields[5]).toMatchObject({
      options: [
        { value: 'exploratory', label: { en: 'Exploratory' } },
        { value: 'negotiation', label: { en: 'Negotiation' } },
      ],
    });
  });

  it('rebuilds from JSON metadata a validator that agrees with the domain schema', () => {
    const rebuilt = sectionSchema(
      FormSectionSpec.parse(JSON.parse(JSON.stringify(section.metadata))),
    );
    const samples: unknown[] = [
      valid,
      { ...valid, stage: 'war' },
      { ...valid, headline: 'x'.repeat(21) },
      { ...valid, witnesses: [{ role: 'elder' }] },
      { ...valid, drivers: [] },
      {},
    ];
    for (const sample of samples)
      expect(rebuilt.safeParse(sample).success).toBe(section.schema.safeParse(sample).success);
  });

  it('maps per-field sensitivity to redaction paths, inherited through groups', () => {
    expect(section.metadata.sensitivity).toBe('restricted');
    expect(section.fieldSensitivity).toEqual({
      witnesses: 'confidential',
      'witnesses[].name': 'strictly-confidential',
    });
    const record = section.schema.parse(valid);
    const { value, withheldPaths } = redactFields(record, section.fieldSensitivity, 'confidential');
    expect(withheldPaths).toEqual(['witnesses[0].name']);
    expect(value.witnesses[0]).toEqual({
      name: { withheld: true, sensitivity: 'strictly-confidential' },
    });
  });

  it('infers the record type from the builders', () => {
    type Record = ReturnType<typeof section.schema.parse>;
    expectTypeOf<Record['stage']>().toEqualTypeOf<'exploratory' | 'negotiation'>();
    expectTypeOf<Record['drivers']>().toEqualTypeOf<
      ('land' | 'water' | 'elections')[] | undefined
    >();
    expectTypeOf<Record['headline']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Record['fatalities']>().toEqualTypeOf<number>();
    expectTypeOf<Record['witnesses'][number]['name']>().toEqualTypeOf<string>();
    expectTypeOf<Record['victims']['female']['child']>().toEqualTypeOf<number>();
  });

  it('refuses metadata with duplicate keys or options', () => {
    const spec = JSON.parse(JSON.stringify(section.metadata)) as { fields: unknown[] };
    spec.fields.push(spec.fields[0]);
    expect(FormSectionSpec.safeParse(spec).success).toBe(false);
    expect(() => field.singleChoice({ label: label('Empty'), options: {} })).toThrow();
  });
});
