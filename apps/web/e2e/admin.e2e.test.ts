import { describe, expect, it } from 'vitest';
import { accessibilityViolations, useAppInChromium } from './app-in-chromium.js';
import { chromiumAvailable } from './chromium.js';
import { signIn } from './sign-in.js';

describe.runIf(chromiumAvailable())('the administrators’ pages in Chromium', () => {
  const app = useAppInChromium();

  it('lets an administrator add a user, change their access and disable them, all audited', async () => {
    const { server, page } = app;
    await page.goto(server.url);
    await signIn(page, 'admin@demo.example');
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByRole('link', { name: 'Demo field officer' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

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
    expect(await accessibilityViolations(page)).toEqual([]);

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
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('filters the audit log by user and date', async () => {
    const { server, page } = app;
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
    const { server, page } = app;
    await page.goto(`${server.url}/admin/users`);
    await signIn(page, 'hq-planner@demo.example');
    await page.getByRole('heading', { level: 1, name: 'No access' }).waitFor();
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);
  });
});
