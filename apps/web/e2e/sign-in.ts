import type { Page } from 'playwright-core';

export const demoPassword = 'prevention-demo';

/**
 * Signs in through the sign-in page as a demo user; for accounts that need a second factor, the
 * code is read from the demo panel, as a person trying the demo would.
 */
export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const secondFactor = page.getByRole('heading', { level: 1, name: 'Second factor' });
  const shell = page.getByRole('button', { name: 'Sign out' });
  await Promise.race([secondFactor.waitFor(), shell.waitFor()]);
  if (await secondFactor.isVisible()) {
    const code = await freshCode(page, email);
    await page.getByLabel('Code', { exact: true }).fill(code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await shell.waitFor();
  }
}

/** The code the demo panel shows; the server also accepts the one of the step just past. */
async function freshCode(page: Page, email: string): Promise<string> {
  return (await page.getByTestId(`demo-code-${email}`).textContent()) ?? '';
}

/** Collects Content-Security-Policy violations the page reports. */
export function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}
