import { developmentPillar } from '@prevention/development';
import { humanRightsPillar } from '@prevention/human-rights';
import { peaceSecurityPillar } from '@prevention/peace-security';
import { describe, expect, it } from 'vitest';
import {
  composeAssessmentForm,
  diffContents,
  exampleContent,
  mergeBySection,
  redactContent,
  summariseContent,
  type AssessmentContent,
} from '../src/index.js';

const form = composeAssessmentForm([peaceSecurityPillar, developmentPillar, humanRightsPillar]);
const base = exampleContent(form, { title: 'Sudan, March 2026' });

function withRisks(
  content: AssessmentContent,
  risks: Record<string, unknown>[],
): AssessmentContent {
  return { ...content, sections: { ...content.sections, risks: { risks } } };
}

const risk = (title: string, likelihood: number, impact: number) => ({
  title,
  likelihood,
  impact,
  pillars: ['peace-security'],
  trend: 'deteriorating',
});

describe('diffContents', () => {
  it('labels a change from the form: section, numbered item, field', () => {
    const before = withRisks(base, [risk('Electoral violence', 3, 4), risk('Flooding', 2, 3)]);
    const after = withRisks(base, [risk('Electoral violence', 3, 4), risk('Flooding', 4, 3)]);
    expect(diffContents(form, before, after)).toEqual([
      {
        section: 'risks',
        path: 'sections.risks.risks[1].likelihood',
        labels: [
          expect.objectContaining({ en: 'Identified risks' }),
          expect.objectContaining({ en: 'Risk 2', fr: 'Risque 2' }),
          expect.objectContaining({ en: 'Likelihood (1–5)' }),
        ],
        change: 'changed',
        before: 2,
        after: 4,
      },
    ]);
  });

  it('reports added and removed items and a changed title', () => {
    const before = withRisks(base, [risk('A', 1, 1)]);
    const after = { ...withRisks(base, [risk('A', 1, 1), risk('B', 2, 2)]), title: 'Renamed' };
    const entries = diffContents(form, before, after);
    expect(entries.map((e) => [e.path, e.change])).toEqual([
      ['title', 'changed'],
      ['sections.risks.risks[1]', 'added'],
    ]);
  });

  it('finds nothing between equal versions', () => {
    expect(diffContents(form, base, structuredClone(base))).toEqual([]);
  });
});

describe('redactContent', () => {
  it('withholds a section raised above the reader’s clearance, and the pillars’ sensitive fields', () => {
    const content = {
      ...base,
      sectionSensitivity: { humanRights: 'strictly-confidential' as const },
    };
    const { value, withheldPaths } = redactContent(form, content, 'confidential');
    expect(value.sections.humanRights).toEqual({
      withheld: true,
      sensitivity: 'strictly-confidential',
    });
    expect(value.sections.peaceSecurity?.conflictDynamics).toEqual(
      base.sections.peaceSecurity?.conflictDynamics,
    );
    expect(value.sections.peaceSecurity?.keyInformants).toEqual({
      withheld: true,
      sensitivity: 'strictly-confidential',
    });
    expect(withheldPaths.sort()).toEqual([
      'sections.humanRights',
      'sections.peaceSecurity.keyInformants',
    ]);
    expect(redactContent(form, content, 'strictly-confidential').withheldPaths).toEqual([]);
  });

  it('lets nothing from a strictly confidential section through, whatever its content', () => {
    const content = {
      ...base,
      sectionSensitivity: { genderAnalysis: 'strictly-confidential' as const },
    };
    const secret = 'SECRET-MARKER';
    content.sections = { ...content.sections, genderAnalysis: { analysis: secret } };
    for (const clearance of ['public', 'restricted', 'confidential'] as const) {
      expect(JSON.stringify(redactContent(form, content, clearance).value)).not.toContain(secret);
    }
    expect(JSON.stringify(redactContent(form, content, 'strictly-confidential').value)).toContain(
      secret,
    );
  });
});

describe('summariseContent', () => {
  it('derives the pillars covered, the team’s organisations and the highest risk', () => {
    const content = withRisks(
      {
        ...base,
        sections: {
          ...base.sections,
          development: {},
          team: {
            members: [
              { name: 'A', organisation: 'UNDP', pillar: 'development' },
              { name: 'B', organisation: 'OHCHR', pillar: 'human-rights' },
              { name: 'C', organisation: 'UNDP', pillar: 'peace-security' },
            ],
          },
        },
      },
      [risk('A', 2, 5), risk('B', 4, 4)],
    );
    expect(summariseContent(form, content)).toEqual({
      pillars: ['peace-security', 'human-rights'],
      organisations: ['UNDP', 'OHCHR'],
      riskCount: 2,
      highestRisk: 16,
    });
  });
});

describe('mergeBySection', () => {
  it('takes each section from the version chosen for it, and the server’s elsewhere', () => {
    const mine = withRisks({ ...base, title: 'Mine' }, [risk('Mine', 5, 5)]);
    const theirs = {
      ...withRisks(base, [risk('Theirs', 1, 1)]),
      title: 'Theirs',
      sections: {
        ...withRisks(base, [risk('Theirs', 1, 1)]).sections,
        overall: { confidence: 'low' },
      },
    };
    const merged = mergeBySection(form, mine, theirs, { risks: 'mine' });
    expect(merged.title).toBe('Theirs');
    expect(merged.sections.risks).toEqual(mine.sections.risks);
    expect(merged.sections.overall).toEqual({ confidence: 'low' });
    expect(mergeBySection(form, mine, theirs, { header: 'mine' }).title).toBe('Mine');
  });
});
