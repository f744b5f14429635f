import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, useAppInChromium } from './app-in-chromium.js';
import { chromiumAvailable } from './chromium.js';
import { signIn } from './sign-in.js';

/** Whole US dollars as the English pages write them. */
const usd = (dollars: number) =>
  new Intl.NumberFormat('en', {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0,
  }).format(dollars);

/** A call of the API as the signed-in page makes it, with the page's session. */
function call<T>(page: Page, path: string, input: object, method: 'GET' | 'POST'): Promise<T> {
  return page.evaluate(
    async ({ path, input, method }) => {
      const headers = { 'x-prevention-client': 'web', 'content-type': 'application/json' };
      const response =
        method === 'GET'
          ? await fetch(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
              headers,
            })
          : await fetch(`/trpc/${path}`, { method, headers, body: JSON.stringify(input) });
      const body = (await response.json()) as { result?: { data?: unknown } };
      if (!body.result) throw new Error(`${path} failed: ${JSON.stringify(body)}`);
      return body.result.data as T;
    },
    { path, input, method },
  );
}

/**
 * A draft plan for Sudan, made through the API as the signed-in team lead: one collective
 * outcome, no action and no money yet, for years no demo plan has.
 */
async function draftPlan(page: Page): Promise<string> {
  const { id } = await call<{ id: string }>(
    page,
    'plans.create',
    {
      countryCode: 'SDN',
      sensitivity: 'restricted',
      content: {
        title: 'Sudan joint prevention plan 2031–2033',
        cycle: { startYear: '2031', endYear: '2033' },
        outcomes: [
          {
            id: '01932b6e-8f3a-7c00-8000-00000000e2e1',
            title: 'Land disputes in Darfur are settled without violence',
            description: null,
            pillars: ['peace-security', 'development'],
            indicators: [],
            sdgTargets: ['16.1'],
            riskNodes: [],
          },
        ],
        actions: [],
        flows: [],
      },
    },
    'POST',
  );
  return id;
}

describe.runIf(chromiumAvailable())('a country’s plan in Chromium', () => {
  const app = useAppInChromium({ stepTimeoutMs: 20_000, worldHistory: true });

  it('lets the team lead add an outcome, an action against an unaddressed risk and a commitment, and shows the gap change', async () => {
    const { server, page } = app;
    await page.goto(`${server.url}/plans`);
    await signIn(page, 'team-lead@demo.example');
    await page.getByRole('heading', { level: 1, name: 'Prevention plans' }).waitFor();
    const id = await draftPlan(page);
    await page.goto(`${server.url}/plans/${id}`);
    await page
      .getByRole('heading', { level: 1, name: 'Sudan joint prevention plan 2031–2033' })
      .waitFor();

    // Nothing is planned yet: every cell of the matrix is a gap, every driver unaddressed.
    const matrix = page.getByTestId('continuum-matrix');
    await expect.poll(() => matrix.locator('td.matrix-empty').count()).toBe(15);
    const unaddressed = page.getByTestId('unaddressed-risks').locator('li li');
    await expect.poll(() => unaddressed.count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    // A second outcome, of two pillars (one is refused with the reason, nothing saved).
    const outcomeForm = page.getByRole('form', { name: 'Add a collective outcome' });
    await outcomeForm
      .getByLabel('Outcome', { exact: true })
      .fill('Victims of violations have access to justice');
    await outcomeForm.getByRole('checkbox', { name: 'Human rights' }).check();
    await outcomeForm.getByRole('button', { name: 'Add the outcome' }).click();
    await outcomeForm.getByText(/at least two pillars/).waitFor();
    await outcomeForm.getByRole('checkbox', { name: 'Peace and security' }).check();
    await outcomeForm.getByRole('button', { name: 'Add the outcome' }).click();
    await outcomeForm.getByRole('status').getByText('Saved as revision 2.').waitFor();
    await page
      .getByRole('heading', { level: 3, name: 'Victims of violations have access to justice' })
      .waitFor();

    // An action that addresses the first driver no action addresses.
    const driverLabel = await page
      .getByRole('form', { name: 'Add an action' })
      .getByRole('checkbox', { name: /no action addresses it yet/ })
      .first()
      .evaluate((box) => box.closest('label')?.textContent ?? '');
    const driver = driverLabel.replace(/\s*\(no action addresses it yet\)\s*$/, '').trim();
    expect(driver.length).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('unaddressed-risks').textContent()).toContain(driver);
    const actionForm = page.getByRole('form', { name: 'Add an action' });
    await actionForm.getByLabel('Action', { exact: true }).fill('Local peace committees in Darfur');
    await actionForm
      .getByRole('checkbox', { name: 'Land disputes in Darfur are settled without violence' })
      .check();
    await actionForm.getByRole('checkbox', { name: 'Peace and security' }).check();
    await actionForm.getByRole('checkbox', { name: 'Development' }).check();
    await actionForm.getByLabel('Lead organisation').selectOption({ index: 1 });
    await actionForm
      .getByRole('checkbox', { name: `${driver} (no action addresses it yet)` })
      .check();
    await actionForm.getByLabel('Required budget that year (US$)').fill('400000');
    await actionForm.getByRole('button', { name: 'Add the action' }).click();
    await actionForm.getByRole('status').getByText('Saved as revision 3.').waitFor();
    const gap = page.getByTestId('money-gapCommittedUsd');
    await expect.poll(() => gap.textContent()).toBe(usd(400_000));
    // The driver is addressed now: it leaves the gap panel, and its cells are no longer empty.
    await expect
      .poll(
        async () =>
          (await page.getByTestId('unaddressed-risks').count()) === 0 ||
          !(await page.getByTestId('unaddressed-risks').textContent())?.includes(driver),
      )
      .toBe(true);
    await expect.poll(() => matrix.locator('td.matrix-empty').count()).toBe(13);

    // A commitment of 150,000 US$: the gap falls by as much; a pledge would not count.
    const flowForm = page.getByRole('form', { name: 'Record money' });
    await flowForm
      .getByLabel('For the action')
      .selectOption({ label: 'Local peace committees in Darfur' });
    await flowForm.getByLabel('From', { exact: true }).selectOption({ index: 2 });
    await flowForm.getByLabel('Amount').fill('150000');
    await flowForm.getByRole('button', { name: 'Record it' }).click();
    await flowForm.getByRole('status').getByText('Saved as revision 4.').waitFor();
    await expect.poll(() => gap.textContent()).toBe(usd(250_000));
    await expect
      .poll(() => page.getByTestId('money-committedUsd').textContent())
      .toBe(usd(150_000));
    await flowForm
      .getByLabel('For the action')
      .selectOption({ label: 'Local peace committees in Darfur' });
    await flowForm.getByLabel('From', { exact: true }).selectOption({ index: 2 });
    await flowForm.getByLabel('Status').selectOption('pledged');
    await flowForm.getByLabel('Amount').fill('90000');
    await flowForm.getByRole('button', { name: 'Record it' }).click();
    await flowForm.getByRole('status').getByText('Saved as revision 5.').waitFor();
    await expect.poll(() => page.getByTestId('money-pledgedUsd').textContent()).toBe(usd(90_000));
    expect(await gap.textContent()).toBe(usd(250_000));
    expect(await accessibilityViolations(page)).toEqual([]);

    // The plan downloads as IATI XML with the commitment as a transaction, and as CSV.
    const download = async (name: string) => {
      const href = await page.getByRole('link', { name }).getAttribute('href');
      return page.evaluate(async (url) => {
        const response = await fetch(url ?? '');
        return { status: response.status, body: await response.text() };
      }, href);
    };
    const iati = await download('Download as IATI XML');
    expect(iati.status).toBe(200);
    expect(iati.body).toContain('<iati-activities');
    expect(iati.body).toMatch(/<transaction-type code="2"\s*\/>/);
    expect(iati.body).toContain('>150000.00</value>');
    const csv = await download('Download as CSV');
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('Local peace committees in Darfur');

    // Submitted for review, it leaves the editor.
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByText('The plan is now In review.').waitFor();
    await expect.poll(() => page.getByRole('heading', { name: 'Edit the plan' }).count()).toBe(0);
  });

  it('shows the plans, what is due and the decision log to the HQ planner, right to left in Arabic', async () => {
    const { server, page } = app;
    await page.goto(`${server.url}/plans`);
    await signIn(page, 'hq-planner@demo.example');
    await page.getByRole('heading', { level: 1, name: 'Prevention plans' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Due from me' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Sudan's demo plan: its money with a gap, what is late, and the risks no action addresses.
    await page.getByRole('link', { name: 'Joint Prevention Plan for Sudan, 2025–2028' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Joint Prevention Plan for Sudan, 2025–2028' })
      .waitFor();
    await expect.poll(() => page.getByTestId('outcome').count()).toBeGreaterThanOrEqual(3);
    await expect
      .poll(() => page.getByTestId('money-gapCommittedUsd').textContent())
      .not.toBe(usd(0));
    await expect
      .poll(() => page.getByTestId('plan-actions').locator('.flag').count())
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('unaddressed-risks').locator('li li').count())
      .toBeGreaterThan(0);
    // The HQ planner reads the plan but does not edit it.
    expect(await page.getByRole('heading', { name: 'Edit the plan' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'All plans' }).click();
    await page.getByRole('heading', { level: 1, name: 'Prevention plans' }).waitFor();

    await page.getByRole('link', { name: 'Decision log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Decision log' }).waitFor();
    const logForm = page.getByRole('heading', { level: 2, name: 'Log a decision' });
    await logForm.waitFor();
    await page.getByLabel('Country').selectOption('SDN');
    await page.getByLabel('Name of the body').fill('UN Country Team Sudan');
    await page.getByLabel('Meeting', { exact: true }).fill('Monthly meeting');
    await page
      .getByLabel('Decision', { exact: true })
      .fill('Open a joint field office in El Fasher.');
    await page.getByLabel('Due date').fill('2020-01-31');
    await page.getByRole('button', { name: 'Log it' }).click();
    await page.getByText('The decision is logged.').waitFor();
    const logged = page
      .getByTestId('decision')
      .filter({ hasText: 'Open a joint field office in El Fasher.' })
      .first();
    await logged.getByText('Overdue').waitFor();
    await logged.getByLabel('What was done').fill('The office opened in March.');
    await logged.getByLabel('Leaves it').selectOption('completed');
    await logged.getByRole('button', { name: 'Add a follow-up' }).click();
    await expect.poll(() => logged.getByText('Overdue').count()).toBe(0);
    await logged.getByText(/The office opened in March\./).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('سجل القرارات');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'الخطط', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'المطلوب مني' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('takes a field officer’s progress report on an action of Sudan’s active plan', async () => {
    const { server, page } = app;
    await page.goto(`${server.url}/plans`);
    await signIn(page, 'field-officer@demo.example');
    await page.getByRole('link', { name: 'Joint Prevention Plan for Sudan, 2025–2028' }).click();
    const form = page.getByRole('region', { name: 'Report progress' });
    await form.waitFor();
    // Nothing is sent until the form is complete.
    await form.getByRole('button', { name: 'Report it' }).click();
    await form
      .getByRole('alert')
      .getByText(/Choose the action/)
      .waitFor();
    await form.getByLabel('Action', { exact: true }).selectOption({ index: 1 });
    await form.getByLabel('Milestones met (%)').fill('60');
    await form.getByRole('radio', { name: 'Amber' }).check();
    await form.getByLabel('What happened').fill('Three committees met in November; two did not.');
    await form.getByRole('button', { name: 'Report it' }).click();
    await form.getByRole('status').getByText('The report is recorded.').waitFor();
    await page.getByText('Three committees met in November; two did not.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
