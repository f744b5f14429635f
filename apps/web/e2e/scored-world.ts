import { countries } from '@prevention/core';
import type { Page } from 'playwright-core';
import { expect, vi } from 'vitest';
import { signIn } from './sign-in.js';

/** A query of the API as the signed-in page makes it, with the page's session. */
function query<T>(page: Page, path: string, input: object = {}): Promise<T> {
  return page.evaluate(
    async ({ path, input }) => {
      const search = `?input=${encodeURIComponent(JSON.stringify(input))}`;
      const response = await fetch(`/trpc/${path}${search}`, {
        headers: { 'x-prevention-client': 'web' },
      });
      const body = (await response.json()) as { result?: { data?: unknown } };
      if (!body.result) throw new Error(`${path} failed: ${JSON.stringify(body)}`);
      return body.result.data as T;
    },
    { path, input },
  );
}

/** Signs in (as the HQ planner unless told) on the risk overview, then `waitUntilScored`. */
export async function signInOnceScored(
  page: Page,
  url: string,
  email = 'hq-planner@demo.example',
): Promise<void> {
  await page.goto(`${url}/risk`);
  await signIn(page, email);
  await page.getByRole('heading', { level: 1, name: 'Risk overview' }).waitFor();
  await waitUntilScored(page);
}

/**
 * Waits, on a signed-in page, until the demo's world history is imported and every member and
 * observer state has a composite score: on the server preparing the world snapshot that takes
 * minutes; on a copy of it, the first answer has them all.
 */
export async function waitUntilScored(page: Page): Promise<void> {
  const scoredCount = async () =>
    (
      await query<{ countries: { score: number | null }[] }>(page, 'risk.overview')
    ).countries.filter((country) => country.score !== null).length;
  // `vi.waitFor`, not `expect.poll`: this also runs in a hook, preparing the snapshot.
  await vi.waitFor(async () => expect(await scoredCount()).toBe(countries.length), {
    timeout: 400_000,
    interval: 3_000,
  });
}

/**
 * Waits, on a page signed in as an administrator (only they see the runs), until no
 * recomputation is queued or running, and returns the runs, newest first, as "kind status"
 * (among the newest 50, as the server looks when it starts).
 */
export async function waitForRecomputations(page: Page): Promise<string[]> {
  const runs = () =>
    query<{ kind: string; status: string }[]>(page, 'risk.runs', { limit: 50 }).then((list) =>
      list.map((run) => `${run.kind} ${run.status}`),
    );
  const unfinished = async () =>
    (await runs()).filter((run) => run.endsWith(' queued') || run.endsWith(' running'));
  await vi.waitFor(async () => expect(await unfinished()).toEqual([]), {
    timeout: 300_000,
    interval: 3_000,
  });
  return runs();
}
