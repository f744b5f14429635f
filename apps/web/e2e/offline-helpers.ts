import type { APIRequestContext, Page } from 'playwright-core';

/** Waits until the service worker has installed and controls the page: then it opens offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Calls a tRPC query as the browser context's signed-in user, as any API client would. */
export async function apiQuery<T>(
  request: APIRequestContext,
  baseUrl: string,
  procedure: string,
  input: unknown,
): Promise<T> {
  const response = await request.get(
    `${baseUrl}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`,
    { headers: { 'x-prevention-client': 'web' } },
  );
  if (!response.ok())
    throw new Error(`${procedure}: ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

/** The id of the assessment open in the capture editor, from the address. */
export function assessmentIdOf(page: Page): string {
  const id = new URL(page.url()).pathname.split('/').pop();
  if (!id) throw new Error(`No assessment in ${page.url()}`);
  return id;
}

/** Where the editor's draft stands: waiting, sending, sent, conflict … */
export function draftState(page: Page): Promise<string | null> {
  return page.getByTestId('draft-status').getAttribute('data-state');
}
