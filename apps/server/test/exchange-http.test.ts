import { decide, httpRoutePolicies } from '@prevention/api';
import { roles, type Role } from '@prevention/core';
import { createTestSubnationalAreas, databaseKinds } from '@prevention/db/testing';
import { readAcled } from '@prevention/exchange';
import { generateSyntheticAcled } from '@prevention/exchange/synthetic';
import { describe, expect, it } from 'vitest';
import { useTestServer, type ApiSession } from './test-server.js';

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

interface UploadAnswer {
  upload: { id: string; fileName: string; byteSize: number };
  inspection: { format: string; rowCount: number } | null;
  boundaries: { featureCount: number; codeProperty: string | null } | null;
  problem: string | null;
  sameContentAs: { id: string } | null;
}

const upload = (
  session: ApiSession,
  body: string,
  name = 'export.csv',
  type = 'application/octet-stream',
) =>
  session.fetch('/api/imports/upload', {
    method: 'PUT',
    headers: { 'content-type': type, 'x-file-name': encodeURIComponent(name) },
    body,
  });

const actorOfRole = (role: Role) => ({
  userId: '01932b6e-8f3a-7c00-8000-000000000001',
  roles: [role],
  scope: { kind: 'global' as const },
  clearance: 'restricted' as const,
});

describe.each(databaseKinds())('uploads and exports over HTTP on %s', (kind) => {
  const server = useTestServer(kind, { imports: { maxBytes: 256 * 1024 } });

  async function settled(session: ApiSession, id: string) {
    for (let i = 0; i < 600; i += 1) {
      const batch = await session.client.imports.byId.query({ id });
      if (!['queued', 'reading'].includes(batch.status)) return batch;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the import did not finish');
  }

  it('uploads a file, imports it in the background and exports it again as a download', async () => {
    const planner = await server.signIn(
      await server.createUser({ roles: ['hq-planner'], scope: { kind: 'global' } }),
    );
    const csv = await text(generateSyntheticAcled({ seed: 41, countries: ['SSD'], rows: 80 }));
    const response = await upload(planner, csv, 'South Sudan événements.csv');
    expect(response.status).toBe(200);
    const answer = (await response.json()) as UploadAnswer;
    expect(answer.upload.fileName).toBe('South Sudan événements.csv');
    expect(answer.inspection).toMatchObject({ format: 'acled', rowCount: 80 });
    expect(answer.problem).toBeNull();

    const { batch } = await planner.client.imports.start.mutate({ uploadId: answer.upload.id });
    expect(await settled(planner, batch.id)).toMatchObject({ status: 'committed', added: 80 });

    // A download link: the cookie, no client header, as a browser navigation sends it.
    const download = await fetch(`${server.url}/api/exports?kind=signals&area=SSD`, {
      headers: { cookie: planner.cookie ?? '' },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(
      'attachment; filename="signals-SSD.csv"',
    );
    const exported = await download.text();
    const reading = await readAcled(
      (async function* () {
        yield Buffer.from(exported);
      })(),
    );
    let events = 0;
    for await (const row of reading.rows) if (row.ok) events += 1;
    expect(events).toBe(80);

    const again = (await (await upload(planner, csv)).json()) as UploadAnswer;
    expect(again.sameContentAs?.id).toBe(batch.id);
  });

  it('uploads a GeoJSON file of boundaries and imports it through the same batch path', async () => {
    await createTestSubnationalAreas(server.database.db, 'SSD', ['SS01', 'SS02']);
    const planner = await server.signIn(
      await server.createUser({ roles: ['hq-planner'], scope: { kind: 'global' } }),
    );
    const square = (x: number) => [
      [
        [x, 5],
        [x + 1, 5],
        [x + 1, 6],
        [x, 6],
        [x, 5],
      ],
    ];
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: ['SS01', 'SS02'].map((code, i) => ({
        type: 'Feature',
        properties: { shapeISO: code, shapeName: `Unit ${i}` },
        geometry: { type: 'Polygon', coordinates: square(28 + i) },
      })),
    });
    const answer = (await (await upload(planner, geojson, 'ssd.geojson')).json()) as UploadAnswer;
    expect(answer).toMatchObject({
      inspection: null,
      problem: null,
      boundaries: { featureCount: 2, codeProperty: 'shapeISO' },
    });
    const { batch } = await planner.client.imports.start.mutate({ uploadId: answer.upload.id });
    expect(batch).toMatchObject({ format: 'geojson', target: 'boundaries' });
    expect(await settled(planner, batch.id)).toMatchObject({ status: 'committed', added: 2 });
    const { areas } = await planner.client.areas.boundaries.query({ countryCode: 'SSD' });
    expect(areas.map((a) => a.areaCode)).toEqual(['SS01', 'SS02']);
  });

  it('refuses uploads to those who may not import, bodies of other types, and files too large', async () => {
    const signedOut = server.newSession();
    expect((await upload(signedOut, 'a,b\n')).status).toBe(401);
    const partner = await server.signIn(
      await server.createUser({
        roles: ['partner'],
        scope: { kind: 'countries', countries: ['MLI'] },
        clearance: 'public',
      }),
    );
    expect((await upload(partner, 'a,b\n')).status).toBe(403);
    const lead = await server.signIn(
      await server.createUser({
        roles: ['country-team-lead'],
        scope: { kind: 'countries', countries: ['SDN'] },
      }),
    );
    expect((await upload(lead, 'a,b\n', 'x.csv', 'text/plain')).status).toBe(415);
    const tooLarge = await upload(lead, 'x'.repeat(300 * 1024));
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as { error: { message: string } }).error.message).toMatch(
      /larger than/,
    );
    const unreadable = (await (await upload(lead, '\n\n')).json()) as UploadAnswer;
    expect(unreadable.inspection).toBeNull();
    expect(unreadable.problem).toBe('The file has no rows.');
  });

  it('lets exactly the roles of the routes’ policies upload and export', async () => {
    const policyOf = (route: string) => {
      const policy = httpRoutePolicies[route];
      if (!policy) throw new Error(`no policy for ${route}`);
      return policy;
    };
    for (const role of roles) {
      const session = await server.signIn(
        await server.createUser({
          roles: [role],
          scope: { kind: 'global' },
          clearance: 'restricted',
        }),
      );
      const uploaded = await upload(session, 'area,month,indicator,value\n');
      const exported = await session.fetch('/api/exports?kind=observations&format=csv');
      await exported.text();
      expect([role, uploaded.status]).toEqual([
        role,
        decide(policyOf('PUT /api/imports/upload'), actorOfRole(role)).allowed ? 200 : 403,
      ]);
      expect([role, exported.status]).toEqual([
        role,
        decide(policyOf('GET /api/exports'), actorOfRole(role)).allowed ? 200 : 403,
      ]);
    }
  });

  it('exports only what the caller may see, refuses cross-site downloads and bad filters', async () => {
    const partner = await server.signIn(
      await server.createUser({
        roles: ['partner'],
        scope: { kind: 'countries', countries: ['MLI'] },
        clearance: 'public',
      }),
    );
    const mine = await partner.fetch('/api/exports?kind=signals&area=SSD');
    expect(mine.status).toBe(200);
    expect((await mine.text()).trim().split('\n')).toHaveLength(1); // the header only
    const crossSite = await fetch(`${server.url}/api/exports?kind=signals`, {
      headers: { cookie: partner.cookie ?? '', 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const bad = await partner.fetch('/api/exports?kind=signals&from=2026-13');
    expect(bad.status).toBe(400);
    const wrongFormat = await partner.fetch('/api/exports?kind=signals&format=hxl');
    expect(wrongFormat.status).toBe(400);
    const signedOut = await fetch(`${server.url}/api/exports?kind=signals`);
    expect(signedOut.status).toBe(401);
  });
});
