import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from './app-server.js';
import { chromiumAvailable, launchChromium } from './chromium.js';
import { signIn, watchCspViolations } from './sign-in.js';

describe.runIf(chromiumAvailable())('the web app in Chromium', () => {
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
    // Every page of the app but the sign-in page needs a session: sign in as the HQ planner.
    await page.goto(server.url);
    await signIn(page, 'hq-planner@demo.example');
  });

  afterEach(async () => {
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('loads and shows the countries from the API, by region', async () => {
    await page.goto(server.url);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Countries by region');
    await page.getByRole('link', { name: 'Sudan', exact: true }).waitFor();
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Africa 54 countries',
      'Americas 35 countries',
      'Asia 48 countries',
      'Europe 44 countries',
      'Oceania 14 countries',
    ]);
  });

  it('filters the countries and follows a deep link to a country with its sub-national areas', async () => {
    await page.goto(server.url);
    await page.getByLabel('Find a country').fill('mal');
    await page.getByRole('link', { name: 'Mali', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mali' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(11);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mali' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/countries/MLI');
  });

  it('switches to Arabic and lays the page out right to left', async () => {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Sudan', exact: true }).waitFor();
    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('البلدان حسب المنطقة');
    const direction = await page
      .locator('main')
      .evaluate((element) => getComputedStyle(element).direction);
    expect(direction).toBe('rtl');
    // The choice survives a reload.
    await page.reload();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  });

  it('has no accessibility violations that axe can find, in English and in Arabic', async () => {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Sudan', exact: true }).waitFor();
    const english = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(english.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    const arabic = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(arabic.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('shows a page for an address that does not exist', async () => {
    await page.goto(`${server.url}/nowhere/at/all`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Page not found');
  });
});
