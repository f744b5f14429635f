import { databaseKinds, useTestDatabase } from '@prevention/db/testing';
import { describe, expect, it } from 'vitest';
import { callerFor, failure, testDependencies } from './harness.js';

describe.each(databaseKinds())('the areas router on %s', (kind) => {
  const database = useTestDatabase(kind);
  const caller = () =>
    callerFor(testDependencies(database.db, kind), {
      userId: '01932b6e-8f3a-7c00-8000-000000000001',
      roles: ['partner'],
      scope: { kind: 'countries', countries: ['MLI'] },
      clearance: 'public',
    });

  it('lists the countries of a region', async () => {
    const europe = await caller().areas.list({ kind: 'country', regionCode: '150' });
    expect(europe.map((c) => c.code)).toContain('FRA');
    expect(europe).toHaveLength(44);
  });

  it('lists every area when no filter is given', async () => {
    expect(await caller().areas.list()).toHaveLength(195);
  });

  it('reads one area by its code, and reports an unknown one as NOT_FOUND', async () => {
    await expect(caller().areas.byCode({ code: 'HTI' })).resolves.toMatchObject({ name: 'Haiti' });
    await expect(caller().areas.byCode({ code: 'HT99' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('is for signed-in users only', async () => {
    const anonymous = callerFor(testDependencies(database.db, kind), null);
    expect((await failure(anonymous.areas.list())).code).toBe('UNAUTHORIZED');
  });
});
