import { describe, expect, it } from 'vitest';
import { accessibilityViolations, useAppInChromium } from './app-in-chromium.js';
import { chromiumAvailable } from './chromium.js';
import { signIn } from './sign-in.js';

describe.runIf(chromiumAvailable())('signing in and out in Chromium', () => {
  const app = useAppInChromium({
    // prevention.test resolves to this machine: a host that is not localhost, over plain HTTP.
    chromiumArgs: ['--host-resolver-rules=MAP prevention.test 127.0.0.1'],
  });

  it('sends a signed-out visitor to sign in, then back to the page they asked for', async () => {
    const { server, page } = app;
    await page.goto(`${server.url}/countries/MLI`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/sign-in');
    expect(url.searchParams.get('redirect')).toBe('/countries/MLI');
    await signIn(page, 'hq-planner@demo.example');
    await page.getByRole('heading', { level: 1, name: 'Mali' }).waitFor();
  });

  it('says so when the password is wrong, and lists the demo accounts', async () => {
    const { server, page } = app;
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
    const { server, context, page } = app;
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
    const { server, context, page } = app;
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
    const { server, page } = app;
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('heading', { level: 2, name: 'Demo accounts' }).waitFor();
    await page.locator('.demo-accounts tbody tr').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('تسجيل الدخول');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
