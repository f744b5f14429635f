import {
  AppError,
  FormSectionSpec,
  PillarId,
  Sensitivity,
  fieldSensitivityOf,
  sectionKey,
  sectionSchema,
  stricterSensitivity,
  type FieldSensitivity,
  type FieldSpec,
  type PillarModule,
} from '@prevention/core';
import { z } from 'zod';
import { crossCuttingSections } from './cross-cutting-sections.js';

/** The key of a section in an assessment's content: camelCase, e.g. `humanRights`, `rootCauses`. */
export const SectionKey = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]{0,63}$/, 'Expected a camelCase section key');
export type SectionKey = z.infer<typeof SectionKey>;

/** One section of the assessment form, as a client receives it. */
export const SectionDescriptor = z.object({
  key: SectionKey,
  kind: z.enum(['pillar', 'cross-cutting']),
  pillar: PillarId.nullable(),
  metadata: FormSectionSpec,
});
export type SectionDescriptor = z.infer<typeof SectionDescriptor>;

/** Everything a client needs to render and validate an assessment, as plain JSON. */
export const AssessmentFormMetadata = z.object({ sections: z.array(SectionDescriptor).min(1) });
export type AssessmentFormMetadata = z.infer<typeof AssessmentFormMetadata>;

/**
 * The content of an assessment, as drafted, synchronised and stored. Sections are keyed by
 * `SectionKey`; a draft may leave any field empty, which means absent (never an empty string).
 */
export const AssessmentContent = z
  .object({
    title: z.string().trim().min(1).max(200),
    /** Who may know the assessment exists; its header is visible at this level. */
    sensitivity: Sensitivity,
    /** Raises a section above its default sensitivity; a section can never be lowered. */
    sectionSensitivity: z.record(SectionKey, Sensitivity),
    sections: z.record(SectionKey, z.record(z.string(), z.unknown())),
  })
  .strict();
export type AssessmentContent = z.infer<typeof AssessmentContent>;

export interface AssessmentForm {
  readonly metadata: AssessmentFormMetadata;
  /** Accepts any partly filled assessment whose values are well-formed. */
  readonly draftSchema: z.ZodType<AssessmentContent>;
  /** Accepts only an assessment complete enough to submit for review. */
  readonly submissionSchema: z.ZodType<AssessmentContent>;
  /** The sensitivity of a section in this content: its default, raised by the content. */
  sectionSensitivity(
    content: Pick<AssessmentContent, 'sectionSensitivity'>,
    key: SectionKey,
  ): Sensitivity;
  /** Field sensitivities of the whole content, by path from its root, for `redactFields`. */
  fieldSensitivity(content: Pick<AssessmentContent, 'sectionSensitivity'>): FieldSensitivity;
}

/**
 * The joint assessment form: the team first, then one section per pillar in the order given,
 * then the cross-cutting analysis. Nothing here knows any pillar; a fourth pillar composes in.
 */
export function composeAssessmentForm(pillars: readonly PillarModule[]): AssessmentForm {
  const crossCutting = crossCuttingSections(pillars);
  const [team, ...analysis] = crossCutting;
  if (!team) throw new Error('The cross-cutting sections start with the team');
  const sections: SectionDescriptor[] = [
    describe('cross-cutting', null, team.metadata),
    ...pillars.map((pillar) => ({
      key: sectionKey(pillar.id),
      kind: 'pillar' as const,
      pillar: pillar.id,
      metadata: pillar.assessmentSection.metadata,
    })),
    ...analysis.map((section) => describe('cross-cutting', null, section.metadata)),
  ];
  return assessmentFormFromMetadata({ sections });
}

/** The same form, rebuilt from its JSON metadata: how a client gets validators the server uses. */
export function assessmentFormFromMetadata(input: AssessmentFormMetadata): AssessmentForm {
  const metadata = AssessmentFormMetadata.parse(input);
  const byKey = new Map<string, SectionDescriptor>();
  for (const section of metadata.sections) {
    if (byKey.has(section.key)) {
      throw new AppError('BAD_REQUEST', `Two assessment sections are called ${section.key}.`);
    }
    byKey.set(section.key, section);
  }

  const sectionsSchema = (relaxed: boolean) => {
    const shape = Object.fromEntries(
      metadata.sections.map((section) => [
        section.key,
        sectionSchema(relaxed ? relaxForDraft(section.metadata) : section.metadata).optional(),
      ]),
    );
    return z.object(shape).strict();
  };
  const draftSections = sectionsSchema(true);
  const completeSections = sectionsSchema(false).required();

  const knownKeys = z
    .record(z.string(), Sensitivity)
    .refine((map) => Object.keys(map).every((key) => byKey.has(key)), {
      message: 'Unknown section',
    });

  const draftSchema = AssessmentContent.extend({
    sectionSensitivity: knownKeys,
    sections: draftSections,
  });
  const submissionSchema = AssessmentContent.extend({
    sectionSensitivity: knownKeys,
    sections: completeSections,
  });

  const sectionSensitivity = (
    content: Pick<AssessmentContent, 'sectionSensitivity'>,
    key: SectionKey,
  ) => {
    const section = byKey.get(key);
    if (!section) throw new AppError('BAD_REQUEST', `There is no assessment section ${key}.`);
    const raised = content.sectionSensitivity[key];
    return raised
      ? stricterSensitivity(section.metadata.sensitivity, raised)
      : section.metadata.sensitivity;
  };

  return {
    metadata,
    draftSchema: draftSchema as unknown as z.ZodType<AssessmentContent>,
    submissionSchema: submissionSchema as unknown as z.ZodType<AssessmentContent>,
    sectionSensitivity,
    fieldSensitivity: (content) => {
      const map: FieldSensitivity = {};
      for (const section of metadata.sections) {
        const level = sectionSensitivity(content, section.key);
        map[`sections.${section.key}`] = level;
        const fields = fieldSensitivityOf({ ...section.metadata, sensitivity: level });
        for (const [path, fieldLevel] of Object.entries(fields))
          map[`sections.${section.key}.${path}`] = fieldLevel;
      }
      return map;
    },
  };
}

function describe(
  kind: 'cross-cutting',
  pillar: null,
  metadata: FormSectionSpec,
): SectionDescriptor {
  return { key: camelCase(metadata.id), kind, pillar, metadata };
}

function camelCase(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** A draft may be incomplete: nothing is required, and no list needs a minimum of items. */
function relaxForDraft(metadata: FormSectionSpec): FormSectionSpec {
  const relax = (spec: FieldSpec): FieldSpec => {
    switch (spec.kind) {
      case 'group':
        return { ...spec, required: false, minItems: 0, fields: spec.fields.map(relax) };
      case 'multi-choice':
        return { ...spec, required: false, minSelected: 0 };
      default:
        return { ...spec, required: false };
    }
  };
  return { ...metadata, fields: metadata.fields.map(relax) };
}
