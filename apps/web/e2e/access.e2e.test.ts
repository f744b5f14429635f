import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from './app-server.js';
import { chromiumAvailable, launchChromium } from './chromium.js';
import { signIn, watchCspViolations } from './sign-in.js';

const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

describe.runIf(chromiumAvailable())('signing in and out in Chromium', () => {
  let server: AppServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cspViolations: string[];

  beforeAll(async () => {
    // prevention.test resolves to this machine: a host that is not localhost, over plain HTTP.
    [server, browser] = await Promise.all([
      startAppServer(),
      launchChromium(['--host-resolver-rules=MAP prevention.test 127.0.0.1']),
    ]);
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

  it('sends a signed-out visitor to sign in, then back to the page they asked for', async () => {
    await page.goto(`${server.url}/countries/MLI`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/sign-in');
    expect(url.searchParams.get('redirect')).toBe('/countries/MLI');
    await signIn(page, 'hq-planner@demo.example');
    await page.getByRole('heading', { level: 1, name: 'Mali' }).waitFor();
  });

  it('says so when the password is wrong, and lists the demo accounts', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('heading', { level: 2, name: 'Demo accounts' }).waitFor();
    await expect.poll(() => page.locator('.demo-accounts tbody tr').count()).toBe(6);
    await page.getByLabel('Email address').fill('reviewer@demo.example');
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('The email address or password is not correct.');
  });

  it('signs in with a second factor, shows who is signed in, and signs out for good', async () => {
    await page.goto(server.url);
    await signIn(page, 'team-lead@demo.example');
    await page.getByRole('link', { name: /Demo country team lead/ }).waitFor();

    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({
      name: '__Host-prevention-session',
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/',
    });
    // The cookie is out of reach of scripts on the page.
    expect(await page.evaluate(() => document.cookie)).toBe('');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await context.cookies()).toEqual([]);

    // The old cookie, put back, opens nothing: the session ended on the server.
    if (!cookie) throw new Error('no cookie');
    await context.addCookies([cookie]);
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  });

  it('keeps a session over plain HTTP on a host that is not localhost, with a cookie it can store', async () => {
    const lan = server.url.replace('127.0.0.1', 'prevention.test');
    await page.goto(lan);
    await signIn(page, 'hq-planner@demo.example');
    await page.getByRole('heading', { level: 1, name: 'Countries by region' }).waitFor();
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({
      name: 'prevention-session',
      httpOnly: true,
      secure: false,
      sameSite: 'Strict',
    });
  });

  it('has a sign-in page without accessibility violations that axe can find, in English and Arabic', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('heading', { level: 2, name: 'Demo accounts' }).waitFor();
    await page.locator('.demo-accounts tbody tr').first().waitFor();
    const english = await new AxeBuilder({ page }).withTags(wcag).analyze();
    expect(english.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('تسجيل الدخول');
    const arabic = await new AxeBuilder({ page }).withTags(wcag).analyze();
    expect(arabic.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
