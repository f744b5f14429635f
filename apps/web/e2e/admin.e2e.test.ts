import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from './app-server.js';
import { chromiumAvailable, launchChromium } from './chromium.js';
import { signIn, watchCspViolations } from './sign-in.js';

const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

describe.runIf(chromiumAvailable())('the administrators’ pages in Chromium', () => {
  let server: AppServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cspViolations: string[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchChromium()]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  beforeEach(async () => {
    context = await browser.newContext({ locale: 'en-GB' });
    page = await context.newPage();
    // A step that cannot happen fails on its own, well before the test's timeout.
    page.setDefaultTimeout(10_000);
    cspViolations = watchCspViolations(page);
  });

  afterEach(async () => {
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('lets an administrator add a user, change their access and disable them, all audited', async () => {
    await page.goto(server.url);
    await signIn(page, 'admin@demo.example');
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByRole('link', { name: 'Demo field officer' }).waitFor();
    const list = await new AxeBuilder({ page }).withTags(wcag).analyze();
    expect(list.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await page.getByRole('link', { name: 'Add a user' }).click();
    await page.getByLabel('Email address').fill('new.reviewer@example.org');
    await page.getByLabel('Name').fill('New Reviewer');
    await page.getByRole('checkbox', { name: 'Reviewer' }).check();
    await page.getByRole('radio', { name: 'Some countries' }).check();
    await page.getByLabel('Country codes').fill('SDN, SSD');
    await page.getByLabel('Clearance').selectOption('confidential');
    await page.getByLabel('Initial password').fill('password');
    await page.getByRole('button', { name: 'Create the user' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('most common');
    await page.getByLabel('Initial password').fill('a long unusual passphrase');
    await page.getByRole('button', { name: 'Create the user' }).click();
    await page.getByRole('heading', { level: 1, name: 'User: New Reviewer' }).waitFor();
    const form = await new AxeBuilder({ page }).withTags(wcag).analyze();
    expect(form.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await page.getByRole('checkbox', { name: 'Partner (read-only)' }).check();
    await page.getByLabel('Clearance').selectOption('restricted');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Saved.');
    await page.getByRole('checkbox', { name: /Disable this account/ }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Saved.');

    await page.getByRole('link', { name: 'See this user’s entries in the audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await expect
      .poll(() => page.locator('.audit-table tbody td.code').allTextContents())
      .toEqual(expect.arrayContaining(['user.create', 'user.update']));
    const rows = await page.locator('.audit-table tbody tr').allTextContents();
    expect(
      rows.some((row) => row.includes('clearance') && row.includes('confidential → restricted')),
    ).toBe(true);
    expect(rows.some((row) => row.includes('disabled') && row.includes('false → true'))).toBe(true);
    const audit = await new AxeBuilder({ page }).withTags(wcag).analyze();
    expect(audit.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('filters the audit log by user and date', async () => {
    await page.goto(`${server.url}/admin/audit`);
    await signIn(page, 'admin@demo.example');
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.getByLabel('User', { exact: true }).selectOption({ label: 'admin@demo.example' });
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel('From').fill(today);
    await page.getByLabel('To').fill(today);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect
      .poll(async () => {
        const users = await page.locator('.audit-table tbody tr td:nth-child(2)').allTextContents();
        return users.length > 0 && users.every((u) => u.startsWith('admin@demo.example'));
      })
      .toBe(true);
    await page.getByLabel('From').fill('2000-01-01');
    await page.getByLabel('To').fill('2000-01-02');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.locator('.audit-table tbody tr').count()).toBe(0);
  });

  it('keeps the administrators’ pages from other roles', async () => {
    await page.goto(`${server.url}/admin/users`);
    await signIn(page, 'hq-planner@demo.example');
    await page.getByRole('heading', { level: 1, name: 'No access' }).waitFor();
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);
  });
});
