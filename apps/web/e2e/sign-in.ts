import type { Page } from 'playwright-core';

export const demoPassword = 'prevention-demo';

/**
 * Signs in through the sign-in page as a demo user; for accounts that need a second factor, the
 * code is read from the demo panel, as a person trying the demo would. The server accepts each
 * code once per account: when the one shown was used already (an earlier sign-in in the same
 * 30-second step), it waits for the next code.
 */
export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const secondFactor = page.getByRole('heading', { level: 1, name: 'Second factor' });
  const shell = page.getByRole('button', { name: 'Sign out' });
  await Promise.race([secondFactor.waitFor(), shell.waitFor()]);
  if (!(await secondFactor.isVisible())) return;
  let refused = '';
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const code = await freshCode(page, email, refused);
    await page.getByLabel('Code', { exact: true }).fill(code);
    const answer = page.waitForResponse((response) =>
      response.url().includes('auth.verifySecondFactor'),
    );
    await page.getByRole('button', { name: 'Continue' }).click();
    if ((await answer).ok()) {
      await shell.waitFor();
      return;
    }
    refused = code;
  }
  throw new Error(`Could not sign in as ${email} with a second factor`);
}

/** The code the demo panel shows, once it differs from `refused` (a new one comes every 30 s). */
async function freshCode(page: Page, email: string, refused: string): Promise<string> {
  const code = await page.waitForFunction(
    ([testId, old]) => {
      const shown = document.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim();
      return shown && shown !== old ? shown : null;
    },
    [`demo-code-${email}`, refused] as const,
    { timeout: 40_000 },
  );
  return (await code.jsonValue()) ?? '';
}

/** Collects Content-Security-Policy violations the page reports. */
export function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}
