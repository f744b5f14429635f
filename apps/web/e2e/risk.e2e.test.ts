import { readFile } from 'node:fs/promises';
import { countries } from '@prevention/core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import atlas from 'world-atlas/countries-110m.json';
import { joinCountryShapes, type AtlasGeometry } from '../src/risk/world-geometry.js';
import { accessibilityViolations, useAppInChromium } from './app-in-chromium.js';
import { chromiumAvailable } from './chromium.js';
import { waitUntilScored } from './scored-world.js';
import { signIn } from './sign-in.js';

const classes = ['very-low', 'low', 'medium', 'high', 'very-high', 'no-data'];

// The member and observer states the 110m atlas has a shape for: its small island and city
// states have none (the table lists them), and Antarctica is left off the map.
const geometries = (atlas as { objects: { countries: { geometries: AtlasGeometry[] } } }).objects
  .countries.geometries;
const drawnStates = joinCountryShapes(
  geometries.filter((geometry) => geometry.id !== '010'),
  countries,
).shapeOf.size;

interface OverviewAnswer {
  month: string | null;
  countries: {
    areaCode: string;
    score: number | null;
    nodes: Record<string, { score: number | null }>;
  }[];
}

/** The overview as the signed-in page gets it, through the API with the page's session. */
async function overview(page: Page): Promise<OverviewAnswer> {
  return page.evaluate(async () => {
    const response = await fetch('/trpc/risk.overview', {
      headers: { 'x-prevention-client': 'web' },
    });
    const body = (await response.json()) as { result?: { data?: OverviewAnswer } };
    return body.result?.data ?? { month: null, countries: [] };
  });
}

interface FieldJudgementAnswer {
  assessmentId: string;
  title: string;
  highestRisk: number;
  class: string;
  computedClass: string | null;
  disagrees: boolean;
}

/** A country's field judgements as the signed-in page gets them, through the API. */
async function fieldJudgements(page: Page, areaCode: string): Promise<FieldJudgementAnswer[]> {
  return page.evaluate(async (code) => {
    const input = encodeURIComponent(JSON.stringify({ areaCode: code }));
    const response = await fetch(`/trpc/risk.area?input=${input}`, {
      headers: { 'x-prevention-client': 'web' },
    });
    const body = (await response.json()) as {
      result?: { data?: { fieldJudgements: FieldJudgementAnswer[] } };
    };
    if (!body.result?.data) throw new Error(`risk.area answered ${response.status}`);
    return body.result.data.fieldJudgements;
  }, areaCode);
}

interface ShownJudgement {
  title: string;
  href: string | null;
  highestRisk: string | null;
  note: string | null;
}

/** What a judgement of the country page should show, in English. */
function shownFor(judgement: FieldJudgementAnswer): ShownJudgement {
  return {
    title: judgement.title,
    href: `/assessments/${judgement.assessmentId}`,
    highestRisk: `Highest identified risk: ${judgement.highestRisk} of 25 (likelihood × impact)`,
    note: judgement.disagrees ? disagreementOf(judgement.class, judgement.computedClass) : null,
  };
}

/** The note on a judgement a class or more from the computed class, on the classes' order. */
function disagreementOf(judged: string, computed: string | null): string {
  const apart = classes.indexOf(judged) - classes.indexOf(computed ?? '');
  const by = Math.abs(apart) === 1 ? 'one class' : `${Math.abs(apart)} classes`;
  return `The field team judges the risk ${apart > 0 ? 'higher' : 'lower'} than the computed score by ${by}.`;
}

/**
 * A country page's field judgements as shown and the API's answer, read again until the answer
 * is the same before and after the page loads: the background recomputation may change a month's
 * computed class, and so whether the two disagree, at any moment.
 */
async function judgementsShownAndAnswered(
  page: Page,
  url: string,
  areaCode: string,
): Promise<{ answer: FieldJudgementAnswer[]; shown: ShownJudgement[] }> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const before = await fieldJudgements(page, areaCode);
    await page.goto(url);
    await page.getByRole('heading', { level: 2, name: 'Field judgement' }).waitFor();
    const shown = await page.locator('.field-judgements > li').evaluateAll((items) =>
      items.map((item) => ({
        title: item.querySelector('h3 a')?.textContent ?? '',
        href: item.querySelector('h3 a')?.getAttribute('href') ?? null,
        highestRisk:
          [...item.querySelectorAll('p')]
            .map((p) => p.textContent ?? '')
            .find((text) => text.startsWith('Highest identified risk')) ?? null,
        note: item.querySelector('[role="note"]')?.textContent ?? null,
      })),
    );
    const after = await fieldJudgements(page, areaCode);
    if (JSON.stringify(before) === JSON.stringify(after)) return { answer: after, shown };
  }
  throw new Error(`${areaCode}'s field judgements kept changing`);
}

describe.runIf(chromiumAvailable())('the risk pages in Chromium', () => {
  const app = useAppInChromium({ stepTimeoutMs: 20_000, worldHistory: true });

  it('maps every country, opens one from the table with the keyboard, in English and Arabic', async () => {
    const { server, page } = app;
    await page.goto(`${server.url}/risk`);
    await signIn(page, 'hq-planner@demo.example');
    await page.getByRole('heading', { level: 1, name: 'Risk overview' }).waitFor();
    await page.getByRole('link', { name: 'Risk', exact: true }).waitFor();

    // The demo's world history is imported and its profiles computed (once per run, for the
    // snapshot this server started on a copy of): every member and observer state has a score.
    await waitUntilScored(page);
    const { countries: profiled } = await overview(page);
    await page.reload();

    // A shape per member or observer state in the atlas, each with a class or "no data".
    const shapes = page.locator('svg path[data-area]');
    await expect.poll(() => shapes.count(), { timeout: 20_000 }).toBe(drawnStates);
    const shown = await shapes.evaluateAll((paths) =>
      paths.map((path) => [path.getAttribute('data-area'), path.getAttribute('data-class')]),
    );
    expect(shown.every(([, shapeClass]) => classes.includes(shapeClass ?? ''))).toBe(true);
    const scored = profiled.filter((profile) => profile.score !== null);
    for (const { areaCode } of scored) {
      const shape = shown.find(([code]) => code === areaCode);
      if (shape) expect(shape[1], areaCode).not.toBe('no-data');
    }
    expect(shown.filter(([, shapeClass]) => shapeClass === 'no-data')).toEqual([]);
    // A pillar: every drawn country it scores gets a class.
    await page.getByRole('radio', { name: 'Peace and security' }).check();
    const drawn = new Set(shown.map(([code]) => code));
    const pillarScored = profiled.filter(
      (p) => (p.nodes['peace-security']?.score ?? null) !== null && drawn.has(p.areaCode),
    );
    expect(pillarScored.length).toBeGreaterThan(0);
    for (const { areaCode } of pillarScored)
      await expect
        .poll(() => page.locator(`path[data-area="${areaCode}"]`).getAttribute('data-class'))
        .toMatch(/^(very-low|low|medium|high|very-high)$/);
    await page.getByRole('radio', { name: 'Prevention risk' }).check();
    await page
      .getByText(/do not imply official endorsement or acceptance by the United Nations/)
      .waitFor();
    // The table lists every member and observer state, drawn or not.
    const tableRows = page.locator('.risk-table tbody tr');
    expect(await tableRows.count()).toBe(countries.length);
    expect(await accessibilityViolations(page)).toEqual([]);

    // A keyboard user: a demo country found through the filter, then Tab to it and Enter.
    const demo = [...profiled].sort((a, b) => (b.score ?? -1) - (a.score ?? -1))[0];
    if (!demo) throw new Error('no profile in the overview');
    const name =
      (await page.locator(`.risk-table tr[data-area="${demo.areaCode}"] th a`).textContent()) ?? '';
    await page.getByLabel('Find a country').focus();
    await page.keyboard.type(name);
    await page.getByText('1 country shown').waitFor();
    let reached = false;
    for (let step = 0; step < 20 && !reached; step += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        (text) =>
          document.activeElement?.closest('.risk-table tbody') !== null &&
          document.activeElement?.textContent === text,
        name,
      );
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Risk in ${name}` }).waitFor();

    // The chart, its text alternative, and the score tree, opened with the keyboard.
    const chart = page.getByRole('img', { name: /and its pillars, / });
    await chart.waitFor();
    expect(await chart.locator('[data-figure] path').count()).toBeGreaterThan(0);
    await page.getByText('The chart’s figures, month by month').waitFor();
    const tree = page.locator('.score-tree');
    await tree.waitFor();
    const closed = tree.locator('li:has(> .tree-row > button[aria-expanded="false"])').first();
    const pillarId = await closed.getAttribute('data-node');
    const pillar = tree.locator(`li[data-node="${pillarId}"] > .tree-row > button`);
    await pillar.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => pillar.getAttribute('aria-expanded')).toBe('true');
    expect(await tree.locator(`li[data-node="${pillarId}"] > ul > li`).count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: `About ${name}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Field judgement' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Sudan's endorsed joint assessment: the field's judgement beside the computed class, and a
    // note where the two are a class or more apart.
    const sudan = await judgementsShownAndAnswered(page, `${server.url}/risk/SDN`, 'SDN');
    expect(sudan.answer.length).toBeGreaterThan(0);
    expect(sudan.shown).toEqual(sudan.answer.map(shownFor));
    expect(await page.getByRole('note').count()).toBe(
      sudan.answer.filter((judgement) => judgement.disagrees).length,
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(`${server.url}/risk/${demo.areaCode}`);
    await page.getByRole('heading', { level: 1, name: `Risk in ${name}` }).waitFor();

    // Arabic: the layout right to left, and still nothing for axe, here and on the overview.
    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByRole('heading', { level: 2, name: 'الاتجاه' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'التقدير الميداني' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'العودة إلى النظرة العامة على المخاطر' }).click();
    await page.getByRole('heading', { level: 1, name: 'نظرة عامة على المخاطر' }).waitFor();
    await expect.poll(() => shapes.count(), { timeout: 20_000 }).toBe(drawnStates);
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 600_000);

  it('opens the observations behind a part of the score tree, with their batch, and gives focus back', async () => {
    const { server, page } = app;
    interface Behind {
      id: string;
      value: number;
      period: string;
      source: string;
      origin: 'imported' | 'derived' | 'unrecorded';
      provenance: { batchId: string; line: number } | null;
    }
    /** The observations behind Sudan's peace-and-security pillar in the page's month, by the API. */
    const behindPillar = () =>
      page.evaluate(async () => {
        const get = async (path: string, input: object) => {
          const query = encodeURIComponent(JSON.stringify(input));
          const response = await fetch(`/trpc/${path}?input=${query}`, {
            headers: { 'x-prevention-client': 'web' },
          });
          return ((await response.json()) as { result?: { data?: unknown } }).result?.data;
        };
        const area = (await get('risk.area', { areaCode: 'SDN' })) as {
          profile: { month: string } | null;
        };
        if (!area.profile) return null;
        return (await get('risk.observations', {
          areaCode: 'SDN',
          nodeId: 'peace-security',
          month: area.profile.month,
        })) as { observations: Behind[]; withheld: number } | undefined;
      });

    await page.goto(`${server.url}/risk/SDN`);
    await signIn(page, 'hq-planner@demo.example');
    // The demo's files are imported, their events derived and Sudan profiled in the background
    // after the first start: wait until the pillar rests on imported and on derived values, and
    // the answer stays the same from one look to the next (a derivation writes new rows).
    let previous = '';
    await expect
      .poll(
        async () => {
          const behind = await behindPillar();
          const settled = JSON.stringify(behind) === previous;
          previous = JSON.stringify(behind);
          return settled ? [...new Set(behind?.observations.map((o) => o.origin))] : [];
        },
        { timeout: 400_000, interval: 3_000 },
      )
      .toEqual(expect.arrayContaining(['imported', 'derived']));
    const answer = await behindPillar();
    if (!answer) throw new Error('Sudan has no profile');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Risk in Sudan' }).waitFor();

    // A real button with its part's name, reached and pressed with the keyboard.
    const opener = page.getByRole('button', { name: 'Observations behind Peace and security' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Observations behind Peace and security' });
    await dialog.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('dialog') !== null))
      .toBe(true);
    const rows = dialog.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(answer.observations.length);

    // Each row shows the value, period, source and where it came from: the batch, linked to
    // its page on the Data pages, or the derivation.
    const number = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
    const imported = answer.observations.find((o) => o.origin === 'imported');
    const derived = answer.observations.find((o) => o.origin === 'derived');
    if (!imported?.provenance || !derived) throw new Error('no imported or derived observation');
    const cells = (id: string) =>
      dialog
        .locator(`tr[data-observation="${id}"] > *`)
        .evaluateAll((found) => found.map((cell) => cell.textContent ?? ''));
    const [, value, period, source, , batch] = await cells(imported.id);
    expect(value).toContain(number.format(imported.value));
    const monthName = new Intl.DateTimeFormat('en', {
      year: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    });
    expect(period).toBe(
      /^\d{4}-\d{2}$/.test(imported.period)
        ? monthName.format(new Date(`${imported.period}-01T00:00:00Z`))
        : imported.period,
    );
    expect(source).toBe(imported.source);
    const link = dialog.locator(`tr[data-observation="${imported.id}"] a`);
    expect(await link.getAttribute('href')).toBe(`/data/imports/${imported.provenance.batchId}`);
    expect(batch).toBe(
      `Batch ${imported.provenance.batchId.slice(-8)}, line ${imported.provenance.line}`,
    );
    expect((await cells(derived.id))[5]).toBe('Derived from events');
    if (answer.withheld > 0)
      await dialog.getByText(/^Withheld: \d+ observations? above your clearance\.$/).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Escape closes it and gives focus back to the button that opened it.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(() => opener.evaluate((button) => button === document.activeElement))
      .toBe(true);
  }, 600_000);

  it("imports a country's boundaries, then maps its areas by class, by keyboard and in Arabic", async () => {
    const { server, page } = app;
    // Three of Sudan's demo areas, as a COD-AB admin-1 file has them (ADM1_PCODE, ADM1_EN).
    const fixture = await readFile(
      new URL('../../../packages/exchange/test/fixtures/sudan-admin1.geojson', import.meta.url),
    );
    await page.goto(`${server.url}/risk/SDN`);
    await signIn(page, 'admin@demo.example');
    await page.getByRole('heading', { level: 1, name: 'Risk in Sudan' }).waitFor();
    const section = page.locator('section[aria-labelledby="risk-subnational-title"]');
    await section.getByRole('heading', { level: 2, name: 'Sub-national areas' }).waitFor();
    // Before any import: the table, and a note with the way to the imports page.
    await section.getByText('No boundaries have been imported for this country').waitFor();
    expect(await section.locator('tbody tr').count()).toBe(18);
    await section.getByRole('link', { name: /^Import boundaries \(GeoJSON\)/ }).click();

    await page.getByRole('heading', { level: 1, name: 'Imports' }).waitFor();
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'sdn_admbnda_adm1.geojson',
      mimeType: 'application/geo+json',
      buffer: fixture,
    });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page
      .getByRole('heading', { name: 'What was found in sdn_admbnda_adm1.geojson' })
      .waitFor();
    expect(await page.getByRole('definition').allTextContents()).toEqual(
      expect.arrayContaining(['GeoJSON boundaries', '3 features; P-codes in ADM1_PCODE']),
    );
    // The property found is chosen; another of the file's properties could be.
    const property = page.getByLabel('Property holding the P-codes');
    expect(await property.inputValue()).toBe('ADM1_PCODE');
    expect(await property.locator('option').allTextContents()).toEqual([
      'ADM1_EN',
      'ADM1_PCODE',
      'ADM0_EN',
      'ADM0_PCODE',
    ]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Import of sdn_admbnda_adm1.geojson' })
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'Imported', exact: true }).waitFor();

    // The country page maps the three areas, each with a class or "no data" and the figures
    // in its name; the others are listed in the table and named as not on the map.
    await page.goto(`${server.url}/risk/SDN`);
    const areas = section.locator('.subnational-map path[data-area]');
    await expect.poll(() => areas.count(), { timeout: 20_000 }).toBe(3);
    const drawn = await areas.evaluateAll((paths) =>
      paths.map((path) => [
        path.getAttribute('data-area'),
        path.getAttribute('data-class'),
        path.getAttribute('aria-label'),
      ]),
    );
    expect(drawn.map(([code]) => code).sort()).toEqual(['SD01', 'SD02', 'SD03']);
    for (const [code, shapeClass, label] of drawn) {
      expect(classes).toContain(shapeClass);
      const row = section.locator(`tbody tr[data-area="${code}"]`);
      expect(await row.getAttribute('data-class')).toBe(shapeClass);
      const name = (await row.locator('th').textContent()) ?? '';
      expect(label).toMatch(new RegExp(`^${name}: (Score: .+, Class: .+|no data)$`));
    }
    await section.getByText(/Without an outline, not on the map: /).waitFor();
    await section.getByRole('heading', { level: 3, name: /Composite score/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // A keyboard user: one tab stop into the map, arrows between areas, the figures shown,
    // Enter opens the area's own page.
    const first = section.locator('.subnational-map path[tabindex="0"]');
    expect(await first.count()).toBe(1);
    await first.focus();
    const focused = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-area') ?? null);
    const start = await focused();
    await page.keyboard.press('ArrowRight');
    await expect.poll(focused).not.toBe(start);
    const now = await focused();
    await section.locator('.map-tooltip strong').waitFor();
    expect(
      await section.locator('.subnational-map path[tabindex="0"]').getAttribute('data-area'),
    ).toBe(now);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/risk/${now}`));
    await page.goBack();

    // Arabic: right to left, the section in Arabic, still nothing for axe.
    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await section.getByRole('heading', { level: 2, name: 'المناطق دون الوطنية' }).waitFor();
    await expect.poll(() => areas.count(), { timeout: 20_000 }).toBe(3);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('اللغة').selectOption('en');
  }, 600_000);
});
