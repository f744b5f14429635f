import { developmentPillar } from '@prevention/development';
import { humanRightsPillar } from '@prevention/human-rights';
import { peaceSecurityPillar } from '@prevention/peace-security';
import { describe, expect, it } from 'vitest';
import {
  changedSections,
  composeAssessmentForm,
  diffContents,
  holdsStrictlyConfidential,
  restoreWithheld,
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

describe('redactContent with a floor', () => {
  it('redacts an older version at least as strictly as the assessment is now', () => {
    const older = structuredClone(base);
    expect(redactContent(form, older, 'confidential').withheldPaths).not.toContain(
      'sections.genderAnalysis',
    );
    const { value } = redactContent(form, older, 'confidential', {
      genderAnalysis: 'strictly-confidential',
    });
    expect(value.sections.genderAnalysis).toEqual({
      withheld: true,
      sensitivity: 'strictly-confidential',
    });
    expect(value.sectionSensitivity).toEqual({});
  });

  it('never lowers a section below its own level', () => {
    const raised = { ...base, sectionSensitivity: { risks: 'strictly-confidential' as const } };
    expect(redactContent(form, raised, 'confidential', { risks: 'public' }).withheldPaths).toEqual(
      expect.arrayContaining(['sections.risks']),
    );
  });
});

describe('holdsStrictlyConfidential', () => {
  it('is true when a strictly confidential field or section has a value', () => {
    const withInformants: AssessmentContent = {
      ...base,
      sections: {
        ...base.sections,
        peaceSecurity: { ...base.sections.peaceSecurity, keyInformants: [{ name: 'N' }] },
      },
    };
    expect(holdsStrictlyConfidential(form, withInformants)).toBe(true);
    const without = structuredClone(withInformants);
    delete without.sections.peaceSecurity?.keyInformants;
    without.sections.humanRights = {};
    expect(holdsStrictlyConfidential(form, without)).toBe(false);
    expect(holdsStrictlyConfidential(form, without, { risks: 'strictly-confidential' })).toBe(true);
  });
});

describe('restoreWithheld', () => {
  const stored: AssessmentContent = {
    ...base,
    sectionSensitivity: { humanRights: 'strictly-confidential' },
    sections: {
      ...base.sections,
      peaceSecurity: {
        ...base.sections.peaceSecurity,
        keyInformants: [{ name: 'Informant A' }, { name: 'Informant B' }],
      },
    },
  };

  it('puts back what the writer was sent as withheld, and takes the rest as written', () => {
    const read = redactContent(form, stored, 'confidential').value;
    const edited = { ...structuredClone(read), title: 'Edited' };
    const restored = restoreWithheld(form, edited, stored, 'confidential');
    expect(restored.title).toBe('Edited');
    expect(restored.sections.humanRights).toEqual(stored.sections.humanRights);
    expect(restored.sections.peaceSecurity?.keyInformants).toEqual([
      { name: 'Informant A' },
      { name: 'Informant B' },
    ]);
    expect(restored).toEqual({ ...stored, title: 'Edited' });
  });

  it('keeps a value the writer replaced, even one they cannot read back', () => {
    const read = redactContent(form, stored, 'confidential').value;
    const edited = structuredClone(read);
    edited.sections.peaceSecurity = {
      ...edited.sections.peaceSecurity,
      keyInformants: [{ name: 'Informant C' }],
    };
    const restored = restoreWithheld(form, edited, stored, 'confidential');
    expect(restored.sections.peaceSecurity?.keyInformants).toEqual([{ name: 'Informant C' }]);
  });

  it('does not let a writer lower a section they cannot see', () => {
    const read = redactContent(form, stored, 'confidential').value;
    const lowered = { ...structuredClone(read), sectionSensitivity: {} };
    expect(restoreWithheld(form, lowered, stored, 'confidential').sectionSensitivity).toEqual({
      humanRights: 'strictly-confidential',
    });
    const cleared = restoreWithheld(
      form,
      { ...stored, sectionSensitivity: {} },
      stored,
      'strictly-confidential',
    );
    expect(cleared.sectionSensitivity).toEqual({});
  });
});

describe('changedSections', () => {
  it('names the header parts and sections that differ', () => {
    const after = withRisks({ ...base, title: 'New title' }, [risk('A', 1, 1)]);
    expect(changedSections(form, base, after)).toEqual(['title', 'risks']);
    expect(changedSections(form, base, structuredClone(base))).toEqual([]);
    expect(
      changedSections(form, base, { ...base, sectionSensitivity: { overall: 'confidential' } }),
    ).toEqual(['overall']);
  });

  it('lists every part with a value for a new assessment', () => {
    expect(changedSections(form, null, base)).toEqual([
      'title',
      'sensitivity',
      ...form.metadata.sections.map((s) => s.key),
    ]);
  });
});
