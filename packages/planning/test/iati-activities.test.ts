import type { Organisation } from '@prevention/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computePlanFinancing,
  iatiActivitiesXml,
  iatiOrganisationTypeOf,
  type IatiActivitiesInput,
  type PlanContent,
} from '../src/index.js';
import { action, actionId, flow, flowId, organisationId, outcome, outcomeId } from './factories.js';
import {
  donorX,
  donorY,
  government,
  handMadePlan,
  ohchr,
  undp,
  worldBank,
} from './hand-made-plan.js';
import { readIatiActivities, type ReadActivity } from './iati-reading.js';
import { validateIatiActivities } from './iati-schema.js';
import { propertyRunsScale, randomPlan } from './random-plan.js';

const planId = '00000000-0000-7000-8000-000000000999';
const reportingOrg = { ref: 'XM-DAC-41114', type: '40', name: 'UN Country Team, Sudan' } as const;

const organisation = (
  name: string,
  kind: Organisation['kind'],
  countryCode: string | null = null,
): Pick<Organisation, 'name' | 'kind' | 'countryCode'> => ({ name, kind, countryCode });

const organisations = new Map([
  [undp, organisation('UNDP', 'un-entity')],
  [government, organisation('Government of Sudan', 'government', 'SDN')],
  [ohchr, organisation('OHCHR', 'un-entity')],
  [donorX, organisation('Donor X', 'government', 'NOR')],
  [donorY, organisation('Donor Y', 'regional-organisation')],
  [worldBank, organisation('World Bank', 'international-financial-institution')],
  [organisationId(4), organisation('Darfur Women’s Network', 'civil-society', 'SDN')],
]);

function input(content: PlanContent, overrides: Partial<IatiActivitiesInput> = {}) {
  return {
    plan: { id: planId, countryCode: 'SDN', status: 'active' as const, content },
    organisations,
    reportingOrg,
    generatedAt: new Date('2026-12-02T10:00:00Z'),
    ...overrides,
  } satisfies IatiActivitiesInput;
}

const xmlOf = (content: PlanContent, overrides: Partial<IatiActivitiesInput> = {}) =>
  [...iatiActivitiesXml(input(content, overrides))].join('');

/** The hand-made plan, with a partner, actual dates and markers to write. */
const plan: PlanContent = {
  ...handMadePlan,
  actions: handMadePlan.actions.map((a) =>
    a.id === actionId(1)
      ? {
          ...a,
          partners: [
            { organisationId: organisationId(4), role: 4 },
            { organisationId: donorX, role: 1 },
          ],
          actualStart: '2026-02-15',
          genderMarker: 3,
          humanRightsMarker: 2,
          areas: ['SD01', 'SD02'],
        }
      : a,
  ),
};

const activityOf = (activities: ReadActivity[], id: string) => {
  const found = activities.find((a) => a.identifier === `XM-DAC-41114-${id}`);
  if (!found) throw new Error(`no activity ${id}`);
  return found;
};

/** The sum of the transactions of one type, in US cents. */
const sumOf = (activities: readonly ReadActivity[], type: string) =>
  activities
    .flatMap((a) => a.transactions)
    .filter((t) => t.type === type)
    .reduce((sum, t) => sum + t.cents, 0);

describe('the plan as IATI 2.03 activity XML', () => {
  it('validates against the official 2.03 schema', async () => {
    const result = await validateIatiActivities(xmlOf(plan));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('fails the schema when an element is out of order or a required attribute is missing', async () => {
    const lines = xmlOf(plan).split('\n');
    const status = lines.findIndex((line) => line.includes('<activity-status'));
    const country = lines.findIndex((line) => line.includes('<recipient-country'));
    const [statusLine = ''] = lines.splice(status, 1);
    lines.splice(country, 0, statusLine);
    const misordered = await validateIatiActivities(lines.join('\n'));
    expect(misordered.valid).toBe(false);
    expect(misordered.errors[0]?.message).toMatch(
      /not expected. Expected is one of .*activity-status/,
    );

    const undated = await validateIatiActivities(xmlOf(plan).replace(/ value-date="[^"]*"/, ''));
    expect(undated.valid).toBe(false);
    expect(undated.errors[0]?.message).toMatch(/value-date.*required/);
  });

  it('writes the plan as the parent activity and each action as its child, with prefixed ids', () => {
    const { version, generated, activities } = readIatiActivities(xmlOf(plan));
    expect(version).toBe('2.03');
    expect(generated).toBe('2026-12-02T10:00:00.000Z');
    expect(activities.map((a) => [a.identifier, a.hierarchy])).toEqual([
      [`XM-DAC-41114-${planId}`, '1'],
      [`XM-DAC-41114-${actionId(1)}`, '2'],
      [`XM-DAC-41114-${actionId(2)}`, '2'],
      [`XM-DAC-41114-${actionId(3)}`, '2'],
    ]);
    const [parent, ...children] = activities;
    expect(parent?.title).toBe('Sudan prevention plan 2026–2028');
    expect(parent?.related).toEqual(
      [1, 2, 3].map((n) => ({ ref: `XM-DAC-41114-${actionId(n)}`, type: '2' })),
    );
    for (const child of children)
      expect(child.related).toEqual([{ ref: `XM-DAC-41114-${planId}`, type: '1' }]);

    const prefixed = readIatiActivities(xmlOf(plan, { identifierPrefix: 'XM-DAC-41114-SDN' }));
    expect(prefixed.activities[1]?.identifier).toBe(`XM-DAC-41114-SDN-${actionId(1)}`);
    // Refused when called, before a first chunk could be on its way to a client.
    expect(() => iatiActivitiesXml(input(plan, { identifierPrefix: 'not a prefix' }))).toThrow(
      /identifier/,
    );
  });

  it('names the lead as accountable, the partners in their roles and the funders, with their types', () => {
    const { activities } = readIatiActivities(xmlOf(plan));
    // A1: UNDP leads; a Sudanese NGO implements; donor X funds as a partner and by F1; donor Y
    // by F2 (disbursed). Donor X is listed once as a funder.
    expect(activityOf(activities, actionId(1)).participatingOrgs).toEqual([
      { role: '2', type: '40', name: 'UNDP' },
      { role: '4', type: '24', name: 'Darfur Women’s Network' },
      { role: '1', type: '10', name: 'Donor X' },
      { role: '1', type: '40', name: 'Donor Y' },
    ]);
    // A2: donor X only pledged, so it funds nothing yet; the World Bank committed.
    expect(activityOf(activities, actionId(2)).participatingOrgs).toEqual([
      { role: '2', type: '10', name: 'Government of Sudan' },
      { role: '1', type: '40', name: 'World Bank' },
    ]);
    // The plan: the reporting organisation accountable, donor Y funding O2 directly.
    expect(activities[0]?.participatingOrgs).toEqual([
      { role: '2', type: '40', name: 'UN Country Team, Sudan' },
      { role: '1', type: '40', name: 'Donor Y' },
    ]);
  });

  it('writes status, dates, the country and the SDG goals and targets of the outcomes', () => {
    const { activities } = readIatiActivities(xmlOf(plan));
    const a1 = activityOf(activities, actionId(1));
    expect(a1.status).toBe('2');
    expect(a1.dates).toEqual({ '1': '2026-01-01', '2': '2026-02-15', '3': '2027-12-31' });
    expect(a1.recipientCountries).toEqual(['SD']);
    expect(a1.sectors).toEqual([
      { vocabulary: '7', code: '16', percentage: '50.00' },
      { vocabulary: '7', code: '1', percentage: '50.00' },
      { vocabulary: '8', code: '16.1', percentage: '50.00' },
      { vocabulary: '8', code: '1.4', percentage: '50.00' },
    ]);
    expect(a1.descriptions[0]?.text).toContain('prevention stage');
    expect(a1.descriptions[0]?.text).toContain('in SD01, SD02');
    expect(a1.descriptions[1]).toEqual({
      type: '2',
      text: 'Communities in Darfur settle land disputes without violence',
    });
    const parent = activities[0];
    expect(parent?.status).toBe('2');
    expect(parent?.dates).toEqual({ '1': '2026-01-01', '3': '2028-12-31' });

    const three = readIatiActivities(
      xmlOf({
        ...plan,
        outcomes: [outcome({ id: outcomeId(1), sdgTargets: ['16.1', '16.3', '16.a'] })],
        actions: [action()],
        flows: [],
      }),
    );
    const percentages = three.activities[1]?.sectors
      .filter((s) => s.vocabulary === '8')
      .map((s) => s.percentage);
    expect(percentages).toEqual(['33.34', '33.33', '33.33']);
    const closed = readIatiActivities(
      [
        ...iatiActivitiesXml({ ...input(plan), plan: { ...input(plan).plan, status: 'draft' } }),
      ].join(''),
    );
    expect(closed.activities[0]?.status).toBe('1');
  });

  it('writes the gender marker as DAC’s policy marker 1 and the human rights marker in its own vocabulary', () => {
    const { activities } = readIatiActivities(xmlOf(plan));
    expect(activityOf(activities, actionId(1)).policyMarkers).toEqual([
      { vocabulary: '1', code: '1', significance: '2', text: '' },
      {
        vocabulary: '99',
        code: 'HR',
        significance: '1',
        text: 'Human rights marker (UN INFO): 2 of 3, significant objective',
      },
    ]);
    // Marker 1, a limited contribution, is not a targeted one in DAC's terms.
    expect(activityOf(activities, actionId(2)).policyMarkers.map((m) => m.significance)).toEqual([
      '0',
      '0',
    ]);
  });

  it('writes a budget in US dollars for each year of the requirement', () => {
    const { activities } = readIatiActivities(xmlOf(plan));
    expect(activityOf(activities, actionId(1)).budgets).toEqual([
      { start: '2026-01-01', end: '2026-12-31', cents: 10_000_000, valueDate: '2026-01-01' },
      { start: '2027-01-01', end: '2027-12-31', cents: 5_000_000, valueDate: '2027-01-01' },
    ]);
    expect(activityOf(activities, actionId(2)).budgets.map((b) => b.cents)).toEqual([20_000_001]);
    expect(activities[0]?.budgets).toEqual([]);
  });

  it('writes a commitment, a commitment and a disbursement, or an incoming pledge for each flow', () => {
    const { activities } = readIatiActivities(xmlOf(plan));
    const brief = (a: ReadActivity) => a.transactions.map((t) => [t.ref, t.type, t.cents]);
    expect(brief(activityOf(activities, actionId(1)))).toEqual([
      [flowId(1), '2', 6_000_000],
      // 40,000 EUR at 1.1: disbursed, so committed too.
      [flowId(2), '2', 4_400_000],
      [flowId(2), '3', 4_400_000],
    ]);
    expect(brief(activityOf(activities, actionId(2)))).toEqual([
      [flowId(3), '13', 50_000_000],
      // 12,345.67 EUR at 1.0837 = 13,378.9996 USD, to the cent.
      [flowId(4), '2', 1_337_900],
    ]);
    // F5 went to outcome O2, not to an action: it is the plan activity's own.
    expect(brief(activities[0] as ReadActivity)).toEqual([[flowId(5), '2', 999_999]]);
    const [f2] = activityOf(activities, actionId(1)).transactions.slice(1);
    expect(f2).toMatchObject({
      date: '2026-02-01',
      currency: 'USD',
      valueDate: '2026-02-01',
      provider: 'Donor Y',
    });
  });

  it('adds up, type by type, to the plan’s committed, disbursed and pledged totals', () => {
    const { activities } = readIatiActivities(xmlOf(plan));
    const { plan: totals } = computePlanFinancing(plan);
    expect(sumOf(activities, '2')).toBe(totals.committedUsd);
    expect(sumOf(activities, '3')).toBe(totals.disbursedUsd);
    expect(sumOf(activities, '13')).toBe(totals.pledgedUsd);
    expect(totals.committedUsd).toBe(12_737_899);
  });

  it('escapes markup and keeps every character XML can carry', () => {
    const title = 'Tom & Jerry <script>"quoted" \'single\' ]]> a\r\nb\ttab';
    const written = xmlOf({
      ...plan,
      title: `Plan\u0000 with a control\u001f and a lone \uD800 surrogate`,
      actions: [action({ title })],
      flows: [flow({ description: 'Paid <in full> & "on time"' })],
    });
    const { activities } = readIatiActivities(written);
    expect(activities[1]?.title).toBe(title);
    expect(activities[0]?.title).toBe(
      'Plan\uFFFD with a control\uFFFD and a lone \uFFFD surrogate',
    );
    expect(written).toContain('<narrative>Paid &lt;in full&gt; &amp; "on time"</narrative>');
  });

  it('marks the words it writes as English when the plan is in another language', async () => {
    const xml = xmlOf(plan, { language: 'fr' });
    expect(xml).toContain('<iati-activity xml:lang="fr"');
    expect(xml).toContain('<description type="1">\n      <narrative xml:lang="en">');
    expect((await validateIatiActivities(xml)).valid).toBe(true);
  });

  it('streams the file one activity at a time', () => {
    const chunks = [...iatiActivitiesXml(input(plan))];
    // The declaration, the opening tag, the plan, three actions, the closing tag.
    expect(chunks).toHaveLength(2 + 1 + 3 + 1);
    expect(chunks.slice(2, -1).every((chunk) => chunk.startsWith('  <iati-activity '))).toBe(true);
  });

  it('writes an organisation the directory does not know by its id, with no type', () => {
    const { activities } = readIatiActivities(xmlOf(plan, { organisations: new Map() }));
    expect(activityOf(activities, actionId(3)).participatingOrgs).toEqual([
      { role: '2', type: undefined, name: ohchr },
    ]);
  });
});

describe('IATI organisation types', () => {
  it('maps each kind of organisation, by whether it belongs to the plan’s country', () => {
    const typeOf = (kind: Organisation['kind'], countryCode: string | null) =>
      iatiOrganisationTypeOf({ kind, countryCode }, 'SDN');
    expect(typeOf('un-entity', null)).toBe('40');
    expect(typeOf('regional-organisation', null)).toBe('40');
    expect(typeOf('international-financial-institution', null)).toBe('40');
    expect(typeOf('government', 'SDN')).toBe('10');
    expect(typeOf('government', 'NOR')).toBe('10');
    expect(typeOf('civil-society', 'SDN')).toBe('24');
    expect(typeOf('civil-society', 'KEN')).toBe('22');
    expect(typeOf('civil-society', null)).toBe('21');
    expect(typeOf('academia', 'SDN')).toBe('80');
    expect(typeOf('private-sector', 'SDN')).toBe('72');
    expect(typeOf('private-sector', null)).toBe('70');
  });
});

describe('the IATI export of random plans', () => {
  it('adds up to the plan’s totals, per action, for the plan’s own activity and in all', () => {
    fc.assert(
      fc.property(randomPlan, (content) => {
        const { activities } = readIatiActivities(xmlOf(content));
        const financing = computePlanFinancing(content);
        const [parent, ...children] = activities;
        if (!parent) throw new Error('no plan activity');
        const sums = (list: readonly ReadActivity[]) => ({
          committedUsd: sumOf(list, '2'),
          disbursedUsd: sumOf(list, '3'),
          pledgedUsd: sumOf(list, '13'),
        });
        const counted = ({ committedUsd, disbursedUsd, pledgedUsd }: typeof financing.plan) => ({
          committedUsd,
          disbursedUsd,
          pledgedUsd,
        });
        expect(sums(activities)).toEqual(counted(financing.plan));
        expect(sums([parent])).toEqual(counted(financing.outcomeLevel));
        content.actions.forEach((a, i) => {
          const totals = financing.byAction[a.id];
          if (!totals) throw new Error(`no totals for ${a.id}`);
          expect(sums(children.slice(i, i + 1))).toEqual(counted(totals));
          expect(children[i]?.budgets.reduce((sum, b) => sum + b.cents, 0)).toBe(
            totals.requiredUsd,
          );
        });
      }),
      { numRuns: 100 * propertyRunsScale },
    );
  });

  it('validates against the schema, whatever text the plan holds', async () => {
    const anyText = fc
      .array(
        fc.oneof(
          fc.constantFrom('&', '<', '>', '"', "'", ']]>', '\r', '\n', '\t', '\u0000', '\uD800'),
          fc.string({ unit: 'binary' }),
        ),
        { minLength: 1, maxLength: 6 },
      )
      .map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(randomPlan, anyText, async (content, title) => {
        const titled = {
          ...content,
          title,
          actions: content.actions.map((a) => ({ ...a, title })),
        };
        const result = await validateIatiActivities(xmlOf(titled));
        expect(result.errors).toEqual([]);
      }),
      { numRuns: 10 * propertyRunsScale },
    );
  });
});
