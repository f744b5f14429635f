import { describe, expect, it } from 'vitest';
import { useTestServer } from './test-server.js';

describe('stopping the server', () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let arrived!: () => void;
  const hasArrived = new Promise<void>((resolve) => (arrived = resolve));

  const test = useTestServer('pglite', {
    extend: (app) =>
      app.get('/test/slow', async () => {
        arrived();
        await held;
        return { finished: true };
      }),
  });

  it('lets a request in flight finish before it resolves', async () => {
    const inFlight = fetch(`${test.url}/test/slow`);
    await hasArrived;
    let stopped = false;
    const stopping = test.server.stop().then(() => (stopped = true));

    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stopped).toBe(false);
    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ finished: true });
    await stopping;
    expect(stopped).toBe(true);
  });
});
