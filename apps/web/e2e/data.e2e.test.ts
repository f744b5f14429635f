import {
  generateSyntheticAcled,
  generateSyntheticHxlDisplacement,
} from '@prevention/exchange/synthetic';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, useAppInChromium } from './app-in-chromium.js';
import { chromiumAvailable } from './chromium.js';
import { signIn } from './sign-in.js';

const rows = 40;
let goodFile = '';
let badFile = '';

/** Uploads a file through the form and waits for what the server found in it. */
async function upload(page: Page, name: string, content: string) {
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(content),
  });
  await page.getByRole('button', { name: 'Upload and check' }).click();
  const found = page.getByRole('heading', { name: `What was found in ${name}` });
  await found.waitFor();
  // The bytes sent, all of them, on an accessible progress bar; focus on the findings.
  const progress = page.getByRole('progressbar', { name: 'Upload progress' });
  const size = String(Buffer.byteLength(content));
  expect([await progress.getAttribute('value'), await progress.getAttribute('max')]).toEqual([
    size,
    size,
  ]);
  await expect.poll(() => found.evaluate((h) => h === document.activeElement)).toBe(true);
  const facts = page.getByRole('definition');
  expect(await facts.allTextContents()).toEqual(
    expect.arrayContaining(['ACLED events (CSV)', String(rows)]),
  );
}

describe.runIf(chromiumAvailable())('the Data pages in Chromium', () => {
  const app = useAppInChromium({ stepTimeoutMs: 20_000 });

  beforeAll(async () => {
    let csv = '';
    for await (const chunk of generateSyntheticAcled({ seed: 11, countries: ['SDN'], rows }))
      csv += chunk;
    // Ids of its own (SDN77777…): the demo's first start imported events SDN1, SDN2 … too.
    csv = csv.replace(/^SDN(\d)/gm, 'SDN77777$1');
    goodFile = csv;
    // Line 6 (the header is line 1) gets a date that does not exist.
    const lines = csv.split('\n');
    lines[5] = (lines[5] ?? '').replace(/^([^,]*),[^,]*,/, '$1,2025-02-30,');
    badFile = lines.join('\n');
  });

  it('imports an ACLED file: the bad row reported, the fixed file committed, then rolled back', async () => {
    const { server, page } = app;
    await page.goto(`${server.url}/data/imports`);
    await signIn(page, 'hq-planner@demo.example');
    await page.getByRole('heading', { level: 1, name: 'Imports' }).waitFor();
    await page.getByRole('link', { name: 'Data', exact: true }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Whether the batch page showed a running batch's progress: the import job may pick the
    // file up before the page first looks, so this is checked only when a look saw it running.
    await page.evaluate(() => {
      const seen = document.documentElement;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="batch-progress"]'))
          seen.dataset.sawBatchProgress = 'yes';
      }).observe(document.body, { childList: true, subtree: true });
    });
    const statuses: string[] = [];
    page.on('response', (response) => {
      if (!response.url().includes('imports.byId')) return;
      void response.text().then((body) => {
        const status = /"status":"([a-z-]+)"/.exec(body)?.[1];
        if (status) statuses.push(status);
      });
    });

    await upload(page, 'sudan-events.csv', badFile);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Import of sudan-events.csv' }).waitFor();
    await page.getByRole('heading', { name: 'The import failed' }).waitFor();
    const report = page.getByRole('table', { name: /1 row with errors/ });
    await report.waitFor();
    const cells = await report.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(0, 2)).toEqual(['6', 'event_date']);
    expect(await page.getByText('Fix these rows in the file').count()).toBe(1);
    if (statuses.some((status) => status === 'queued' || status === 'reading'))
      expect(await page.locator('html').getAttribute('data-saw-batch-progress')).toBe('yes');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Upload a file' }).click();
    await page.getByRole('heading', { level: 1, name: 'Imports' }).waitFor();
    await upload(page, 'sudan-events-fixed.csv', goodFile);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Import of sudan-events-fixed.csv' })
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'Imported', exact: true }).waitFor();
    const counts = Object.fromEntries(
      await page
        .locator('dl.counts')
        .last()
        .evaluate((dl) =>
          [...dl.querySelectorAll('dt')].map((dt) => [
            dt.textContent,
            dt.nextElementSibling?.textContent,
          ]),
        ),
    );
    expect(counts).toMatchObject({
      'Rows read': String(rows),
      'Valid rows': String(rows),
      Added: String(rows),
      'Rows left out': '0',
    });
    expect(await accessibilityViolations(page)).toEqual([]);

    // The same bytes again: the page says when and as what they were imported, and stops.
    await page.getByRole('link', { name: 'Back to the imports' }).click();
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'again.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(goodFile),
    });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page
      .getByText(/^This exact file was imported on .+ as sudan-events-fixed\.csv\.$/)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('type')))
      .toBe('file');

    // Back to the batch from the list, as after leaving the page.
    await page.getByRole('link', { name: 'sudan-events-fixed.csv' }).click();
    await page.getByRole('heading', { level: 2, name: 'Imported', exact: true }).waitFor();

    // The confirmation takes the focus and closes with Escape, changing nothing.
    const rollBack = page.getByRole('button', { name: 'Roll back', exact: true });
    await rollBack.click();
    const dialog = page.getByRole('dialog', { name: 'Roll back this import?' });
    await dialog.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Keep the import');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => rollBack.evaluate((b) => b === document.activeElement)).toBe(true);

    await rollBack.click();
    await dialog.getByRole('button', { name: 'Roll back the import' }).click();
    await page.getByRole('heading', { level: 2, name: 'The import was rolled back' }).waitFor();
    expect(await page.getByRole('status').first().textContent()).toContain('Rolled back');

    await page.getByRole('link', { name: 'Back to the imports' }).click();
    const listed = page.locator('.batch-table tbody tr');
    // Newest first, above the demo's own two batches (an HQ planner sees every batch).
    await expect.poll(() => listed.count()).toBe(4);
    expect((await listed.allTextContents()).slice(0, 2)).toEqual([
      expect.stringContaining('sudan-events-fixed.csvACLED events (CSV)'),
      expect.stringContaining('sudan-events.csvACLED events (CSV)'),
    ]);
  });

  it('imports an HXL file through the mapping the user confirmed, and remembers it', async () => {
    const { server, page } = app;
    const hxl = async (from: string, to: string) => {
      let text = '';
      for await (const chunk of generateSyntheticHxlDisplacement({
        seed: 5,
        countries: ['SDN'],
        from,
        to,
      }))
        text += chunk;
      return text;
    };
    await page.goto(`${server.url}/data/imports`);
    await signIn(page, 'hq-planner@demo.example');
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'displacement.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(await hxl('2031-01', '2031-02')),
    });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.getByRole('heading', { name: 'Confirm how the columns are read' }).waitFor();
    expect(await page.getByRole('checkbox', { name: /#adm1\+code/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('Period column').inputValue()).toBe('#date');
    expect(await page.getByLabel('Indicator for #affected+idp+ind').inputValue()).toBe(
      'development.idps',
    );
    expect(await page.locator('.unmapped li', { hasText: '#adm1+name' }).textContent()).toContain(
      'no indicator is known for this hashtag',
    );
    await page.getByRole('checkbox', { name: 'Import #affected+ind+returnees' }).uncheck();
    expect(await page.getByLabel('Indicator for #affected+ind+returnees').isDisabled()).toBe(true);
    await page
      .getByRole('checkbox', { name: 'Remember this mapping for files with the same columns' })
      .check();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Import with this mapping' }).click();
    await page.getByRole('heading', { level: 2, name: 'Imported', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Export the observations' }).count()).toBe(1);
    const added = await page
      .locator('dl.counts dt', { hasText: /^Added$/ })
      .evaluate((dt) => Number(dt.nextElementSibling?.textContent?.replace(/\D/g, '')));
    expect(added).toBeGreaterThan(0);

    // A file of the same shape starts from the remembered mapping, without the returnees.
    await page.getByRole('link', { name: 'Back to the imports' }).click();
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'displacement-march.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(await hxl('2031-03', '2031-03')),
    });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.getByText('This mapping was remembered for files with the same columns').waitFor();
    expect(await page.getByLabel('Indicator for #affected+ind+returnees').count()).toBe(0);
    expect(await page.getByLabel('Indicator for #affected+idp+ind').count()).toBe(1);
  });

  it('builds an export from its filters and downloads it', async () => {
    const { server, page } = app;
    await page.goto(`${server.url}/data/exports`);
    await signIn(page, 'hq-planner@demo.example');
    await page.getByRole('heading', { level: 1, name: 'Exports' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Country or area code').fill('sdn');
    const signals = page.getByRole('link', { name: 'Download the signals (ACLED events (CSV))' });
    expect(await signals.getAttribute('href')).toBe(
      '/api/exports?kind=signals&format=acled&area=SDN',
    );
    const download = page.waitForEvent('download');
    await signals.click();
    expect((await download).suggestedFilename()).toBe('signals-SDN.csv');

    await page.getByRole('radio', { name: 'Observations (indicator values)' }).check();
    await page.getByRole('radio', { name: 'HXL-tagged CSV' }).check();
    await page.getByLabel('From (month)').fill('2026-04');
    await page.getByLabel('To (month)').fill('2026-03');
    await page.getByText('The last month comes before the first.').waitFor();
    await page.getByLabel('From (month)').fill('2026-01');
    const observations = page.getByRole('link', { name: /Download the observations/ });
    expect(await observations.getAttribute('href')).toBe(
      '/api/exports?kind=observations&format=hxl&area=SDN&from=2026-01&to=2026-03',
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Language').selectOption('ar');
    await page.getByRole('heading', { level: 1, name: 'التصدير' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'الاستيراد' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'الاستيراد' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
