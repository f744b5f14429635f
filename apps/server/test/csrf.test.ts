import { verifyAuditChain } from '@prevention/db';
import { databaseKinds } from '@prevention/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestServer, type ApiSession } from './test-server.js';

const newSignal = {
  pillar: 'peace-security',
  kind: 'tension',
  areaCode: 'SDN',
  occurredOn: '2026-10-05',
  title: 'Forged by another site',
  severity: 2,
  verification: 'unverified',
  source: 'Attacker',
  sensitivity: 'public',
  fieldSensitivity: {},
  payload: {},
};

describe.each(databaseKinds())('cross-site request forgery on %s', (kind) => {
  const test = useTestServer(kind);
  let victim: ApiSession;

  beforeAll(async () => {
    victim = await test.signIn(
      await test.createUser({ roles: ['field-officer'], scope: { kind: 'global' } }),
    );
  });

  /** What an attacker's page can make the victim's browser send: the cookie rides along. */
  function forged(path: string, headers: Record<string, string>, body?: RequestInit['body']) {
    return fetch(`${test.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { cookie: victim.cookie ?? '', ...headers },
      ...(body === undefined ? {} : { body }),
    });
  }

  async function state() {
    const signals = await victim.client.signals.list.query({ limit: 100 });
    const audit = await verifyAuditChain(test.database.db);
    return { signals: signals.items.length, audit: audit.entries };
  }

  it('refuses form and text bodies, requests without the client header, and foreign origins, changing nothing', async () => {
    const before = await state();
    const json = JSON.stringify(newSignal);
    const form = new FormData();
    form.set('title', 'forged');
    const attempts: [string, Promise<Response>, number][] = [
      [
        'text/plain',
        forged(
          '/trpc/signals.create',
          { 'content-type': 'text/plain', 'x-prevention-client': 'web', origin: test.url },
          json,
        ),
        415,
      ],
      [
        'urlencoded',
        forged(
          '/trpc/signals.create',
          {
            'content-type': 'application/x-www-form-urlencoded',
            'x-prevention-client': 'web',
            origin: test.url,
          },
          new URLSearchParams({ [json]: '' }).toString(),
        ),
        415,
      ],
      [
        'multipart',
        forged('/trpc/signals.create', { 'x-prevention-client': 'web', origin: test.url }, form),
        415,
      ],
      [
        'cross-site text/plain, as a form would send it',
        forged(
          '/trpc/signals.create',
          {
            'content-type': 'text/plain',
            origin: 'https://evil.example',
            'sec-fetch-site': 'cross-site',
          },
          json,
        ),
        403,
      ],
      [
        'no client header',
        forged(
          '/trpc/signals.create',
          { 'content-type': 'application/json', origin: test.url },
          json,
        ),
        403,
      ],
      [
        'another origin',
        forged(
          '/trpc/signals.create',
          {
            'content-type': 'application/json',
            'x-prevention-client': 'web',
            origin: 'https://evil.example',
          },
          json,
        ),
        403,
      ],
      [
        'no origin at all',
        forged(
          '/trpc/signals.create',
          { 'content-type': 'application/json', 'x-prevention-client': 'web' },
          json,
        ),
        403,
      ],
      [
        'a cross-site fetch',
        forged(
          '/trpc/signals.create',
          {
            'content-type': 'application/json',
            'x-prevention-client': 'web',
            'sec-fetch-site': 'cross-site',
            origin: test.url,
          },
          json,
        ),
        403,
      ],
      [
        'a same-site (sibling subdomain) fetch',
        forged(
          '/trpc/signals.create',
          {
            'content-type': 'application/json',
            'x-prevention-client': 'web',
            'sec-fetch-site': 'same-site',
          },
          json,
        ),
        403,
      ],
      [
        'a sign-out from another site',
        forged(
          '/trpc/auth.signOut',
          { 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' },
          '{}',
        ),
        403,
      ],
      ['a read without the client header', forged('/trpc/signals.list', {}), 403],
    ];
    for (const [label, response, status] of attempts) {
      const answer = await response;
      expect(answer.status, label).toBe(status);
      const body = (await answer.json()) as { error: { requestId: string } };
      expect(body.error.requestId, label).toBe(answer.headers.get('x-request-id'));
    }
    expect(await state()).toEqual(before);
    expect(await victim.client.auth.session.query()).not.toBeNull();
  });

  it('accepts the same change from this origin, by Origin or by Sec-Fetch-Site', async () => {
    const before = await state();
    const json = JSON.stringify(newSignal);
    const byOrigin = await victim.fetch('/trpc/signals.create', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: json,
    });
    expect(byOrigin.status).toBe(200);
    const byFetchMetadata = await victim.fetch('/trpc/signals.create', {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        origin: '',
        'sec-fetch-site': 'same-origin',
      },
      body: json,
    });
    expect(byFetchMetadata.status).toBe(200);
    expect(await state()).toEqual({ signals: before.signals + 2, audit: before.audit + 2 });
  });
});
