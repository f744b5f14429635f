import { beforeEach, describe, expect, it } from 'vitest';
import { accessibilityViolations, useAppInChromium } from './app-in-chromium.js';
import { chromiumAvailable } from './chromium.js';
import { signIn } from './sign-in.js';

describe.runIf(chromiumAvailable())('the web app in Chromium', () => {
  const app = useAppInChromium();

  // Every page of the app but the sign-in page needs a session: sign in as the HQ planner.
  beforeEach(async () => {
    await app.page.goto(app.server.url);
    await signIn(app.page, 'hq-planner@demo.example');
  });

  it('loads and shows the countries from the API, by region', async () => {
    const { server, page } = app;
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
    const { server, page } = app;
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
    const { server, page } = app;
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
    const { server, page } = app;
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Sudan', exact: true }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows a page for an address that does not exist', async () => {
    const { server, page } = app;
    await page.goto(`${server.url}/nowhere/at/all`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Page not found');
  });
});
