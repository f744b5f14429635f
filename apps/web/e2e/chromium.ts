import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Whether the browser tests can run here. Without Chromium they are left out with a notice,
 * except in CI, where a missing browser must fail rather than pass by skipping.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(chromiumPath) || process.env.CI) return true;
  console.warn(
    `[notice] No Chromium at ${chromiumPath} (set CHROMIUM_PATH): the browser tests are skipped.`,
  );
  return false;
}

/**
 * Debian's Chromium, headless, with nothing that reaches for the network on its own. `extraArgs`
 * adds switches, e.g. a host resolver rule that makes a name other than localhost reach us.
 */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}. Install Debian's chromium or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}
