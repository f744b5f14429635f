import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { AppServer } from './app-server.js';
import { launchChromium } from './chromium.js';
import { watchCspViolations } from './sign-in.js';
import { snapshotServerTimeoutMs, startSnapshotServer } from './server-snapshots.js';

/** What the tests of one file share: the server and the browser, and each test's own device. */
export interface AppInChromium {
  readonly server: AppServer;
  readonly browser: Browser;
  /** A new browser context for each test: its own cookies, storage and service worker. */
  readonly context: BrowserContext;
  readonly page: Page;
  /**
   * Gives another page of the test (a second tab, someone else's browser) the same step timeout
   * and Content-Security-Policy check as `page`, and returns it.
   */
  watch(other: Page): Page;
}

export interface AppInChromiumOptions {
  /** Extra Chromium switches, e.g. a host resolver rule. */
  chromiumArgs?: string[];
  /** Options for each test's context, asked for as the test starts, after every `beforeAll`. */
  contextOptions?: () => BrowserContextOptions;
  /** How long one step (a click, a wait) may take: it then fails on its own, before the test. */
  stepTimeoutMs?: number;
  /**
   * Whether the server has the demo's ten-year world history, imported and recomputed, as
   * `npm start` ends with. Off unless a file needs it (the risk pages): the import and
   * recomputation take minutes. Either way the server starts on a copy of a snapshot prepared
   * once per run (see server-snapshots.ts).
   */
  worldHistory?: boolean;
}

/**
 * The built app, served by the real server in its own process with its own database (a copy of
 * the demo's, seeded once per run), and Debian's Chromium, for the tests of one file. Each test gets a new context and page,
 * and fails if the page reports a Content-Security-Policy violation. Hooks a file adds after this
 * call run after these, so they can sign in or open a page.
 */
export function useAppInChromium(options: AppInChromiumOptions = {}): AppInChromium {
  const snapshotKind = options.worldHistory ? 'world' : 'demo';
  let server: AppServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  // One list per watched page, each filled as its console reports.
  let cspViolations: string[][] = [];
  const watch = (other: Page): Page => {
    other.setDefaultTimeout(options.stepTimeoutMs ?? 10_000);
    cspViolations.push(watchCspViolations(other));
    return other;
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startSnapshotServer(snapshotKind),
      launchChromium(options.chromiumArgs),
    ]);
  }, snapshotServerTimeoutMs[snapshotKind]);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  beforeEach(async () => {
    context = await ready(browser, 'browser').newContext({
      locale: 'en-GB',
      ...options.contextOptions?.(),
    });
    cspViolations = [];
    page = watch(await context.newPage());
  });

  afterEach(async () => {
    expect(cspViolations.flat()).toEqual([]);
    await context?.close();
  });

  return {
    get server() {
      return ready(server, 'server');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    get context() {
      return ready(context, 'context');
    },
    get page() {
      return ready(page, 'page');
    },
    watch,
  };
}

function ready<T>(value: T | undefined, name: string): T {
  if (value === undefined)
    throw new Error(`The ${name} is not ready: use it inside a test or hook`);
  return value;
}

const wcag21aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** What axe finds against WCAG 2.1 A and AA on the page as it is now, one line per rule. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(wcag21aa).analyze();
  return result.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes[0]?.target})`,
  );
}
