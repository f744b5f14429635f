import type { RiskModel } from '@prevention/core';
import { preventionRiskModel } from '@prevention/risk';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { riskFormat } from '../src/risk/risk-format.js';
import { accessibilityViolations, useAppInChromium } from './app-in-chromium.js';
import { chromiumAvailable } from './chromium.js';
import { signInOnceScored } from './scored-world.js';
import { signIn } from './sign-in.js';

interface Summary {
  month: string;
  score: number | null;
  completeness: number;
  nodes: Record<string, { score: number | null }>;
}

interface ModelVersion {
  id: string;
  modelId: string;
  countryCode: string | null;
}

/** A call of the API as the signed-in page makes it, with the page's session. */
async function callApi<T>(page: Page, path: string, input?: object, method = 'GET'): Promise<T> {
  return page.evaluate(
    async ({ path, input, method }) => {
      const search =
        input && method === 'GET' ? `?input=${encodeURIComponent(JSON.stringify(input))}` : '';
      const response = await fetch(`/trpc/${path}${search}`, {
        method,
        headers: { 'x-prevention-client': 'web', 'content-type': 'application/json' },
        ...(method === 'POST' ? { body: JSON.stringify(input) } : {}),
      });
      const body = (await response.json()) as { result?: { data?: unknown } };
      if (!body.result) throw new Error(`${path} failed: ${JSON.stringify(body)}`);
      return body.result.data as T;
    },
    { path, input, method },
  );
}

const series = async (page: Page, areaCode: string, modelVersionId?: string) =>
  (
    await callApi<{ series: Summary[] }>(page, 'risk.area', {
      areaCode,
      ...(modelVersionId ? { modelVersionId } : {}),
    })
  ).series;

/** The newest month any of the series has: the month the page compares by default. */
const newestMonth = (lists: readonly Summary[][]) =>
  lists
    .flatMap((list) => list.map((summary) => summary.month))
    .sort()
    .at(-1);

const cellTexts = (page: Page, figure: string) =>
  page.locator(`.compare-table tr[data-figure="${figure}"] td`).allTextContents();

const format = riskFormat('en');

describe.runIf(chromiumAvailable())('the risk comparison in Chromium', () => {
  const app = useAppInChromium({ stepTimeoutMs: 20_000, worldHistory: true });

  it('compares countries side by side, adds one with the keyboard, in English and Arabic', async () => {
    const { server, page } = app;
    await signInOnceScored(page, server.url);

    // The overview and a country page link to the comparison.
    await page.getByRole('link', { name: 'Compare', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Compare risk' }).waitFor();
    await page.goto(`${server.url}/risk/MLI`);
    await page.getByRole('link', { name: 'Compare with other countries' }).click();
    await page.getByRole('heading', { level: 1, name: 'Compare risk' }).waitFor();
    expect(new URL(page.url()).searchParams.get('areas')).toBe('MLI');

    await page.goto(`${server.url}/risk/compare?areas=SDN,MLI`);
    const table = page.locator('.compare-table');
    await table.waitFor();
    for (const name of ['Sudan', 'Mali'])
      await page.getByRole('columnheader', { name }).getByRole('link', { name }).waitFor();
    const expectScores = async (codes: readonly string[]) => {
      const lists = await Promise.all(codes.map((code) => series(page, code)));
      const month = newestMonth(lists);
      const expected = lists.map((list) =>
        format.score(list.find((summary) => summary.month === month)?.score),
      );
      expect(expected.some((text) => text !== '–')).toBe(true);
      await expect.poll(() => cellTexts(page, 'score')).toEqual(expected);
    };
    await expectScores(['SDN', 'MLI']);
    expect(await page.locator('.compare-charts svg[role="img"]').count()).toBe(2);

    // A third country, with the keyboard only: type its name in the list, Tab to Add, Enter.
    await page.getByLabel('Add a country').focus();
    await page.keyboard.type('Haiti');
    await expect.poll(() => page.getByLabel('Add a country').inputValue()).toBe('HTI');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Add');
    await page.keyboard.press('Enter');
    await page.getByRole('columnheader', { name: 'Haiti' }).waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('areas')).toBe('SDN,MLI,HTI');
    await expectScores(['SDN', 'MLI', 'HTI']);
    await page.getByRole('button', { name: 'Remove Haiti' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Arabic: right to left, every string translated, and still nothing for axe.
    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByRole('heading', { level: 1, name: 'مقارنة المخاطر' }).waitFor();
    await page
      .getByRole('button', { name: /^إزالة / })
      .first()
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 600_000);

  it('compares Sudan under the global model and its own version, then INFORM, with B − A', async () => {
    const { server, browser, page } = app;
    await signInOnceScored(page, server.url);
    const models = await callApi<ModelVersion[]>(page, 'risk.models');
    const global = (modelId: string) =>
      models.filter((model) => model.countryCode === null && model.modelId === modelId).at(-1);
    const [prevention, inform] = [global('prevention-risk'), global('inform-risk')];
    if (!prevention || !inform) throw new Error(`the demo ships no prevention or INFORM version`);

    // Sudan's team lead adjusts the model for Sudan: peace and security weighs three times.
    const leadContext = await browser.newContext({ locale: 'en-GB' });
    const lead = app.watch(await leadContext.newPage());
    await lead.goto(`${server.url}/risk`);
    await signIn(lead, 'team-lead@demo.example');
    const own = await callApi<ModelVersion>(
      lead,
      'risk.adjustModel',
      {
        basedOn: prevention.id,
        countryCode: 'SDN',
        definition: sudanAdjustment(),
        note: 'Peace and security weighs three times in Sudan.',
      },
      'POST',
    );
    await leadContext.close();
    // Its profiles are computed in the background, all months at once.
    await expect
      .poll(async () => (await series(page, 'SDN', own.id)).length, {
        timeout: 300_000,
        interval: 3_000,
      })
      .toBeGreaterThan(0);

    // The country page offers the comparison with the global model: A global, B Sudan's own.
    await page.goto(`${server.url}/risk/SDN`);
    await page.getByRole('link', { name: 'Compare with the global model' }).click();
    await page.getByRole('heading', { level: 1, name: 'Compare risk' }).waitFor();
    expect(new URL(page.url()).searchParams.get('models')).toBe(`${prevention.id},${own.id}`);
    await page.getByRole('columnheader', { name: /^Version A/ }).waitFor();
    await page.getByRole('columnheader', { name: /^Version B/ }).waitFor();
    await page.getByRole('columnheader', { name: 'Difference (B − A)' }).waitFor();
    const adjusted = await expectDifferences(page, prevention.id, own.id);
    expect(adjusted.score, 'the adjustment changes the composite').not.toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Version B becomes INFORM, the other global model the demo ships.
    await page.getByLabel('Version B').selectOption(inform.id);
    await expect
      .poll(() => new URL(page.url()).searchParams.get('models'))
      .toBe(`${prevention.id},${inform.id}`);
    await expectDifferences(page, prevention.id, inform.id);
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 600_000);
});

/** The prevention model as Sudan's team might adjust it: its first pillar weighs three times. */
function sudanAdjustment(): RiskModel {
  const { root } = preventionRiskModel;
  if (root.kind !== 'aggregate') throw new Error('the prevention model has no pillars');
  return {
    ...preventionRiskModel,
    version: '1.0.0-sdn',
    root: {
      ...root,
      children: root.children.map((pillar, index) =>
        index === 0 ? { ...pillar, weight: 3 } : pillar,
      ),
    },
  };
}

const minus = (b: number | null | undefined, a: number | null | undefined) =>
  a == null || b == null ? null : b - a;

/**
 * Checks that the composite's and the pillars' rows show Sudan's figures under versions A and B
 * as the API gives them for the month compared, and B − A; returns the composite's difference.
 */
async function expectDifferences(
  page: Page,
  a: string,
  b: string,
): Promise<{ score: number | null }> {
  const [seriesA, seriesB] = await Promise.all([series(page, 'SDN', a), series(page, 'SDN', b)]);
  const month = newestMonth([seriesA, seriesB]);
  const [atA, atB] = [seriesA, seriesB].map((list) =>
    list.find((summary) => summary.month === month),
  );
  if (!atA) throw new Error(`Sudan has no profile under version A for ${month}`);
  await expect
    .poll(() => cellTexts(page, 'score'))
    .toEqual([
      format.score(atA.score),
      format.score(atB?.score),
      format.change(minus(atB?.score, atA.score)),
    ]);
  expect(await cellTexts(page, 'completeness')).toEqual([
    format.share(atA.completeness),
    atB ? format.share(atB.completeness) : '–',
    format.shareChange(minus(atB?.completeness, atA.completeness)),
  ]);
  const [pillarA, pillarB] = [atA, atB].map((at) => at?.nodes['peace-security']?.score);
  expect(await cellTexts(page, 'pillar-peace-security')).toEqual([
    format.score(pillarA),
    format.score(pillarB),
    format.change(minus(pillarB, pillarA)),
  ]);
  return { score: minus(atB?.score, atA.score) };
}
