import { describe, expect, it } from 'vitest';
import { accessibilityViolations, useAppInChromium } from './app-in-chromium.js';
import { chromiumAvailable } from './chromium.js';
import { signIn } from './sign-in.js';

describe.runIf(chromiumAvailable())('the assessments at HQ in Chromium', () => {
  const app = useAppInChromium({ stepTimeoutMs: 15_000 });

  const rows = () => app.page.locator('.assessment-table tbody tr');
  const axe = async () => expect(await accessibilityViolations(app.page)).toEqual([]);

  it('lists the assessments page by page, and filters them by status and area', async () => {
    const { server, page } = app;
    await page.goto(`${server.url}/assessments`);
    await signIn(page, 'hq-planner@demo.example');
    await page.getByRole('heading', { level: 1, name: 'Assessments' }).waitFor();
    await expect.poll(() => rows().count()).toBe(10);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rows().count()).toBeGreaterThan(10);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    await axe();

    await page.getByLabel('Status').selectOption('published');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('published');
    await expect
      .poll(async () => {
        const statuses = await page
          .locator('.assessment-table tbody .status-badge')
          .allTextContents();
        return statuses.length > 0 && statuses.every((status) => status === 'Published');
      })
      .toBe(true);

    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Area').fill('ml06');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => rows().allTextContents()).toEqual([expect.stringContaining('Mopti')]);
    // The filters are in the address: a reload, or a shared link, shows the same list.
    await page.reload();
    await expect.poll(() => rows().count()).toBe(1);
    expect(await page.getByLabel('Area').inputValue()).toBe('ML06');
  });

  it('shows an assessment with its risk matrix and a readable diff between revisions, in English and Arabic', async () => {
    const { server, page } = app;
    await page.goto(`${server.url}/assessments?area=SS01`);
    await signIn(page, 'hq-planner@demo.example');
    await rows().first().getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /Central Equatoria/ }).waitFor();
    const matrix = page.getByRole('table', { name: /Each risk by its likelihood/ });
    await matrix.waitFor();
    // 5 × 5, impact down and likelihood across, every cell worded.
    expect(await matrix.locator('tbody tr').count()).toBe(5);
    expect(await matrix.locator('tbody td').count()).toBe(25);
    expect(await matrix.locator('tbody td .risk-level').allTextContents()).not.toContain('');

    const diff = page.getByRole('table', { name: 'Changes from revision 2 to revision 3' });
    await diff.waitFor();
    expect(await diff.locator('tbody th').allTextContents()).toContain(
      'Identified risks › Risk 1 › Likelihood (1–5)',
    );
    await page.getByLabel('From').selectOption('1');
    await page.getByRole('table', { name: 'Changes from revision 1 to revision 3' }).waitFor();
    await axe();

    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByRole('heading', { level: 2, name: 'السجل' }).waitFor();
    await axe();
  });

  it('lets a reviewer return a submitted assessment, with a comment on a section', async () => {
    const { server, page } = app;
    await page.goto(`${server.url}/assessments?status=submitted&area=ML08`);
    await signIn(page, 'reviewer@demo.example');
    await rows().first().getByRole('link').first().click();
    await page.getByRole('heading', { level: 2, name: 'Review' }).waitFor();
    await page.getByRole('button', { name: 'Return to the team' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'at least one section' }).count())
      .toBe(1);
    await page
      .getByLabel('Comment on: Identified risks')
      .fill('Rate the likelihood of risk 1 again.');
    await page.getByRole('button', { name: 'Return to the team' }).click();
    await expect.poll(() => page.getByTestId('assessment-status').textContent()).toBe('Returned');
    await page.getByRole('heading', { level: 2, name: /Returned by Demo reviewer/ }).waitFor();
    expect(await page.locator('.comments').textContent()).toContain(
      'Rate the likelihood of risk 1 again.',
    );
    await axe();
  });

  it('lets the field officer resolve a version the server kept, from the assessment page', async () => {
    const { server, page } = app;
    await page.goto(`${server.url}/assessments?area=SS01`);
    await signIn(page, 'field-officer@demo.example');
    await rows().first().getByRole('link').first().click();
    await page
      .getByRole('heading', { level: 2, name: '1 version waiting to be resolved' })
      .waitFor();
    const revision = Number(await page.getByTestId('assessment-revision').textContent());
    await page.getByRole('link', { name: 'Compare and resolve' }).click();
    await page.getByRole('heading', { level: 1, name: /Resolve a conflict/ }).waitFor();
    const parts = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(parts.length).toBeGreaterThan(0);
    await axe();
    // Keep the server's version of every part but the first.
    for (const part of parts.slice(1)) {
      await page
        .getByRole('group', { name: `Keep which version of “${part}”?` })
        .getByRole('radio', { name: 'The server’s' })
        .check();
    }
    await page.getByRole('button', { name: 'Save the result as a new revision' }).click();
    await expect
      .poll(() => page.getByTestId('assessment-revision').textContent())
      .toBe(String(revision + 1));
    expect(await page.getByRole('link', { name: 'Compare and resolve' }).count()).toBe(0);
    const history = page.getByRole('region', { name: 'History' });
    await expect
      .poll(() => history.locator('table').first().locator('tbody tr').first().textContent())
      .toContain('Conflict resolved');
  });
});
