import { countries } from '@prevention/core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import atlas from 'world-atlas/countries-110m.json';
import { joinCountryShapes, type AtlasGeometry } from '../src/risk/world-geometry.js';
import { accessibilityViolations, useAppInChromium } from './app-in-chromium.js';
import { chromiumAvailable } from './chromium.js';
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

describe.runIf(chromiumAvailable())('the risk pages in Chromium', () => {
  const app = useAppInChromium({ stepTimeoutMs: 20_000, worldHistory: true });

  it('maps every country, opens one from the table with the keyboard, in English and Arabic', async () => {
    const { server, page } = app;
    await page.goto(`${server.url}/risk`);
    await signIn(page, 'hq-planner@demo.example');
    await page.getByRole('heading', { level: 1, name: 'Risk overview' }).waitFor();
    await page.getByRole('link', { name: 'Risk', exact: true }).waitFor();

    // The demo's world history is imported and its profiles computed in the background after
    // the first start: every member and observer state ends with a composite score.
    const scoredCount = async () =>
      (await overview(page)).countries.filter((c) => c.score !== null).length;
    await expect.poll(scoredCount, { timeout: 400_000, interval: 3_000 }).toBe(countries.length);
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
    expect(await accessibilityViolations(page)).toEqual([]);

    // Arabic: the layout right to left, and still nothing for axe, here and on the overview.
    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByRole('heading', { level: 2, name: 'الاتجاه' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'العودة إلى النظرة العامة على المخاطر' }).click();
    await page.getByRole('heading', { level: 1, name: 'نظرة عامة على المخاطر' }).waitFor();
    await expect.poll(() => shapes.count(), { timeout: 20_000 }).toBe(drawnStates);
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 600_000);
});
