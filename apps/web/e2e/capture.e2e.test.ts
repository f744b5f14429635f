import type { Cookie, Page, Request } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accessibilityViolations, useAppInChromium } from './app-in-chromium.js';
import { chromiumAvailable } from './chromium.js';
import { apiQuery, assessmentIdOf, draftState, waitForServiceWorker } from './offline-helpers.js';
import { signIn } from './sign-in.js';

const fieldOfficer = 'field-officer@demo.example';

interface Detail {
  id: string;
  title: string;
  revision: number;
  areaCode: string;
  openConflicts: number;
}

describe.runIf(chromiumAvailable())('offline capture in Chromium', () => {
  let signedIn: Cookie[] = [];
  // Every test starts on a fresh device — its own IndexedDB and service worker — with the
  // suite's one session (the server takes each second-factor code once).
  const app = useAppInChromium({
    contextOptions: () => ({ storageState: { cookies: signedIn, origins: [] } }),
    stepTimeoutMs: 15_000,
  });

  beforeAll(async () => {
    const first = await app.browser.newContext({ locale: 'en-GB' });
    const page = await first.newPage();
    await page.goto(`${app.server.url}/sign-in`);
    await signIn(page, fieldOfficer);
    signedIn = await first.cookies();
    await first.close();
  }, 60_000);

  beforeEach(async () => {
    await app.page.goto(`${app.server.url}/capture`);
    await app.page.getByRole('heading', { level: 1, name: 'Capture on this device' }).waitFor();
    await waitForServiceWorker(app.page);
  });

  /** Opens a new assessment while online, so the form reaches the device. */
  async function openNewAssessment(on: Page): Promise<void> {
    await on.goto(`${app.server.url}/capture/new`);
    await on.getByLabel('Title').waitFor();
    await on.getByRole('heading', { level: 2, name: /Identified risks/ }).waitFor();
  }

  it('captures offline, keeps the draft over a reload, and sends it when the connection returns', async () => {
    const { server, context, page } = app;
    await openNewAssessment(page);
    await context.setOffline(true);

    await page.getByLabel('Title').fill('Kassala, captured offline');
    await page.getByLabel('Area').selectOption('SDN');
    await page.getByLabel('Conflict dynamics').fill('Tension over grazing land.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => draftState(page)).toBe('waiting');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Saved on this device' }).count())
      .toBe(1);
    const id = assessmentIdOf(page);

    // The browser reloads with no network: the service worker serves the app, the device
    // still knows the user and holds the draft.
    await page.reload();
    await expect
      .poll(() => page.getByLabel('Title').inputValue())
      .toBe('Kassala, captured offline');
    expect(await page.getByLabel('Conflict dynamics').inputValue()).toBe(
      'Tension over grazing land.',
    );
    expect(await draftState(page)).toBe('waiting');
    await expect.poll(() => page.getByTestId('sync-indicator').textContent()).toContain('Offline');

    await context.setOffline(false);
    await expect.poll(() => draftState(page), { timeout: 20_000 }).toBe('sent');
    const detail = await apiQuery<Detail>(context.request, server.url, 'assessments.byId', { id });
    expect(detail).toMatchObject({
      title: 'Kassala, captured offline',
      revision: 1,
      areaCode: 'SDN',
    });
  });

  it('sends one save when two tabs edit the same draft, whichever tab drains', async () => {
    const { server, context, page } = app;
    await openNewAssessment(page);
    await context.setOffline(true);
    await page.getByLabel('Title').fill('Two tabs');
    await page.getByLabel('Area').selectOption('SDN');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => draftState(page)).toBe('waiting');
    const id = assessmentIdOf(page);

    const second = app.watch(await context.newPage());
    await second.goto(`${server.url}/capture/${id}`);
    await expect.poll(() => second.getByLabel('Title').inputValue()).toBe('Two tabs');
    await second.getByLabel('Title').fill('Two tabs, edited in the second');
    await second.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => draftState(second)).toBe('waiting');
    // The first tab had nothing unsaved: it shows the second tab's save.
    await expect
      .poll(() => page.getByLabel('Title').inputValue())
      .toBe('Two tabs, edited in the second');

    const syncs: Request[] = [];
    for (const tab of [page, second]) {
      tab.on('request', (request) => {
        if (request.url().includes('assessments.sync')) syncs.push(request);
      });
    }
    await context.setOffline(false);
    await expect.poll(() => draftState(page), { timeout: 20_000 }).toBe('sent');
    await expect.poll(() => draftState(second)).toBe('sent');
    expect(syncs).toHaveLength(1);
    const detail = await apiQuery<Detail>(context.request, server.url, 'assessments.byId', { id });
    expect(detail).toMatchObject({ title: 'Two tabs, edited in the second', revision: 1 });
  });

  it('shows a conflict with a save from another device, and resolves it section by section', async () => {
    const { server, browser, context, page } = app;
    await openNewAssessment(page);
    await page.getByLabel('Title').fill('Conflict in Darfur');
    await page.getByLabel('Area').selectOption('SDN');
    await page.getByLabel('Conflict dynamics').fill('From the field.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => draftState(page), { timeout: 20_000 }).toBe('sent');
    const id = assessmentIdOf(page);

    // The team lead, on another device, edits the same revision and saves first.
    const lead = await browser.newContext({ locale: 'en-GB' });
    try {
      const other = app.watch(await lead.newPage());
      await other.goto(`${server.url}/assessments/${id}`);
      await signIn(other, 'team-lead@demo.example');
      await other.getByRole('button', { name: 'Edit on this device' }).click();
      await expect.poll(() => other.getByLabel('Title').inputValue()).toBe('Conflict in Darfur');
      await other.getByLabel('Conflict dynamics').fill('From the country office.');
      await other.getByRole('button', { name: 'Save', exact: true }).click();
      await expect
        .poll(
          async () =>
            (await apiQuery<Detail>(lead.request, server.url, 'assessments.byId', { id })).revision,
          { timeout: 20_000 },
        )
        .toBe(2);
    } finally {
      await lead.close();
    }

    await page.getByLabel('Title').fill('Conflict in North Darfur');
    await page.getByLabel('Conflict dynamics').fill('From the field, updated.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => draftState(page), { timeout: 20_000 }).toBe('conflict');
    await page
      .getByRole('heading', { level: 2, name: 'Someone else changed this assessment' })
      .waitFor();

    await page.getByRole('link', { name: 'Compare and resolve' }).click();
    await page.getByRole('heading', { level: 1, name: /Resolve a conflict/ }).waitFor();
    // The title differs and the peace and security section differs; nothing else.
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Title and sensitivity',
      'Peace and security',
    ]);
    expect(await accessibilityViolations(page)).toEqual([]);
    // Keep my title, and the team lead's section.
    await page
      .getByRole('group', { name: 'Keep which version of “Peace and security”?' })
      .getByRole('radio', { name: 'The server’s' })
      .check();
    await page.getByRole('button', { name: 'Save the result as a new revision' }).click();
    await page.getByRole('heading', { level: 1, name: 'Conflict in North Darfur' }).waitFor();
    await expect.poll(() => page.getByTestId('assessment-revision').textContent()).toBe('3');

    const detail = await apiQuery<Detail & { content: { sections: Record<string, unknown> } }>(
      context.request,
      server.url,
      'assessments.byId',
      { id },
    );
    expect(detail).toMatchObject({
      title: 'Conflict in North Darfur',
      revision: 3,
      openConflicts: 0,
    });
    expect(detail.content.sections.peaceSecurity).toMatchObject({
      conflictDynamics: 'From the country office.',
    });
    await page.goto(`${server.url}/capture/${id}`);
    await expect.poll(() => draftState(page)).toBe('sent');
    expect(await page.getByLabel('Title').inputValue()).toBe('Conflict in North Darfur');
  });

  it('shows the reasons the server gives for not taking a save next to the fields', async () => {
    const { page } = app;
    await openNewAssessment(page);
    await page.getByLabel('Title').fill('Refused by the server');
    await page.getByLabel('Area').selectOption('SDN');
    // The database stores no NUL character: valid for the form, refused by the server.
    await page.getByLabel('Conflict dynamics').fill('A NUL \u0000 in the middle.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => draftState(page), { timeout: 20_000 }).toBe('rejected');
    await page
      .getByRole('heading', { level: 2, name: 'The server did not accept the last save' })
      .waitFor();
    const field = page.getByLabel('Conflict dynamics');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const error = await field.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${error?.split(' ').pop()}"]`).textContent()).toContain(
      'cannot be stored',
    );

    await field.fill('Fixed.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => draftState(page), { timeout: 20_000 }).toBe('sent');
    expect(await field.getAttribute('aria-invalid')).toBeNull();
  });

  it('adds, reorders and removes the items of a repeatable group with the keyboard', async () => {
    const { page } = app;
    await openNewAssessment(page);
    const name = (index: number) => page.locator(`#edit-sections-team-members-${index}-name`);
    const add = page.getByRole('button', { name: 'Add: Member' });
    await add.focus();
    await page.keyboard.press('Enter');
    // Focus goes to the new item's first field.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('edit-sections-team-members-0-name');
    await page.keyboard.type('Amina');
    await add.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Bakhita');

    await page.getByRole('button', { name: 'Move up Member 2' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => name(0).inputValue()).toBe('Bakhita');
    expect(await name(1).inputValue()).toBe('Amina');
    // The focus follows the item, and a screen reader hears where it went.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Move up Member 1');
    await expect
      .poll(() => page.locator('[aria-live="polite"]').allTextContents())
      .toContain('Member 2 is now number 1 of 2.');

    await page.getByRole('button', { name: 'Remove Member 1' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => name(0).inputValue()).toBe('Amina');
    expect(await name(1).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      'edit-sections-team-members-0-name',
    );
  });

  it('has capture pages without accessibility violations that axe can find, in English and Arabic', async () => {
    const { page } = app;
    const check = async () => expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByTestId('storage-persistence').waitFor();
    await check();
    await openNewAssessment(page);
    // Errors shown, inline and in the summary, with group items open.
    await page.getByRole('button', { name: 'Add: Member' }).click();
    await page.getByRole('button', { name: 'Add: Risk' }).click();
    await page.getByLabel('Likelihood (1–5)').fill('9');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'There are 2 problems to fix' }).waitFor();
    await check();
    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByRole('heading', { level: 1, name: 'تقييم جديد' }).waitFor();
    await check();
  });
  // Last: it ends the suite's session.
  it('warns when signing out with unsent saves, keeps them, and sends them after the next sign-in', async () => {
    const { server, context, page } = app;
    await openNewAssessment(page);
    await context.setOffline(true);
    await page.getByLabel('Title').fill('Kept over a sign-out');
    await page.getByLabel('Area').selectOption('SDN');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => draftState(page)).toBe('waiting');
    const id = assessmentIdOf(page);
    // Back online, but the server does not get the save before the user signs out.
    await context.route('**/trpc/assessments.sync**', (route) => route.abort());
    await context.setOffline(false);

    await page.getByRole('button', { name: 'Sign out' }).click();
    const dialog = page.getByRole('dialog', { name: 'Saves not sent yet' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('1 save has not reached the server yet');
    await dialog.getByRole('button', { name: 'Sign out, keep them on this device' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

    await context.unroute('**/trpc/assessments.sync**');
    await page.goto(`${server.url}/capture/${id}`);
    await signIn(page, fieldOfficer);
    await expect.poll(() => draftState(page), { timeout: 20_000 }).toBe('sent');
    const detail = await apiQuery<Detail>(context.request, server.url, 'assessments.byId', { id });
    expect(detail).toMatchObject({ title: 'Kept over a sign-out', revision: 1 });
  }, 90_000);
});
