import { definePillarModule, defineFormSection, field, type PillarModule } from '@prevention/core';
import { developmentPillar } from '@prevention/development';
import { humanRightsPillar } from '@prevention/human-rights';
import { peaceSecurityPillar } from '@prevention/peace-security';
import { describe, expect, it } from 'vitest';
import {
  assessmentFormFromMetadata,
  composeAssessmentForm,
  exampleContent,
  type AssessmentContent,
} from '../src/index.js';

const pillars = [peaceSecurityPillar, developmentPillar, humanRightsPillar];
const form = composeAssessmentForm(pillars);

const empty: AssessmentContent = {
  title: 'Draft',
  sensitivity: 'restricted',
  sectionSensitivity: {},
  sections: {},
};

describe('composing the assessment form', () => {
  it('puts the team first, one section per pillar, then the cross-cutting analysis', () => {
    expect(form.metadata.sections.map((s) => s.key)).toEqual([
      'team',
      'peaceSecurity',
      'development',
      'humanRights',
      'genderAnalysis',
      'rootCauses',
      'risks',
      'recommendations',
      'overall',
    ]);
    expect(form.metadata.sections.filter((s) => s.kind === 'pillar').map((s) => s.pillar)).toEqual([
      'peace-security',
      'development',
      'human-rights',
    ]);
  });

  it('composes a fourth pillar defined here without changing anything else', () => {
    const humanitarian: PillarModule = definePillarModule({
      id: 'humanitarian',
      label: { en: 'Humanitarian action' },
      description: { en: 'Needs and response' },
      indicators: [],
      signalKinds: [],
      assessmentSection: defineFormSection({
        id: 'humanitarian',
        title: { en: 'Humanitarian needs' },
        fields: { peopleInNeed: field.count({ label: { en: 'People in need' } }) },
      }),
      riskModel: {
        id: 'humanitarian',
        kind: 'aggregate',
        label: { en: 'Humanitarian' },
        operator: 'arithmetic-mean',
        children: [],
      },
      deriveObservations: () => [],
    } as unknown as PillarModule);
    const four = composeAssessmentForm([...pillars, humanitarian]);
    expect(four.metadata.sections.map((s) => s.key)).toContain('humanitarian');
    const team = four.metadata.sections.find((s) => s.key === 'team');
    const pillarField = team?.metadata.fields[0];
    expect(
      pillarField?.kind === 'group' && pillarField.fields.find((f) => f.key === 'pillar'),
    ).toMatchObject({
      options: expect.arrayContaining([
        { value: 'humanitarian', label: { en: 'Humanitarian action' } },
      ]),
    });
    const content = exampleContent(four, { title: 'Four pillars' });
    expect(four.submissionSchema.safeParse(content).success).toBe(true);
    expect(form.submissionSchema.safeParse(content).success).toBe(false);
  });

  it('rebuilds the same validators from the metadata as JSON, as a client does', () => {
    const client = assessmentFormFromMetadata(JSON.parse(JSON.stringify(form.metadata)));
    const complete = exampleContent(form, { title: 'Complete' });
    const broken = {
      ...complete,
      sections: { ...complete.sections, risks: { risks: [{ likelihood: 9 }] } },
    };
    for (const candidate of [empty, complete, broken]) {
      expect(client.draftSchema.safeParse(candidate).success).toBe(
        form.draftSchema.safeParse(candidate).success,
      );
      expect(client.submissionSchema.safeParse(candidate).success).toBe(
        form.submissionSchema.safeParse(candidate).success,
      );
    }
  });
});

describe('drafts and submissions', () => {
  it('accepts an empty draft but not an empty submission', () => {
    expect(form.draftSchema.safeParse(empty).success).toBe(true);
    const result = form.submissionSchema.safeParse(empty);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['sections.team', 'sections.risks']),
    );
  });

  it('accepts a complete assessment for submission', () => {
    const complete = exampleContent(form, { title: 'Complete' });
    expect(form.submissionSchema.safeParse(complete).error?.issues ?? []).toEqual([]);
  });

  it('refuses ill-formed values even in a draft, and unknown sections', () => {
    const badValue = { ...empty, sections: { risks: { risks: [{ likelihood: 6 }] } } };
    expect(form.draftSchema.safeParse(badValue).error?.issues[0]?.path).toEqual([
      'sections',
      'risks',
      'risks',
      0,
      'likelihood',
    ]);
    expect(form.draftSchema.safeParse({ ...empty, sections: { astrology: {} } }).success).toBe(
      false,
    );
    expect(
      form.draftSchema.safeParse({ ...empty, sectionSensitivity: { astrology: 'public' } }).success,
    ).toBe(false);
  });
});

describe('section sensitivity', () => {
  it('can be raised by the content but never lowered below the section default', () => {
    expect(
      form.sectionSensitivity({ sectionSensitivity: { humanRights: 'public' } }, 'humanRights'),
    ).not.toBe('public');
    expect(
      form.sectionSensitivity({ sectionSensitivity: { risks: 'strictly-confidential' } }, 'risks'),
    ).toBe('strictly-confidential');
  });
});
