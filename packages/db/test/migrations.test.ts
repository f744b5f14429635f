import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, migrations } from '../src/index.js';
import { databaseKinds, useTestDatabase } from '../src/testing/index.js';

describe.each(databaseKinds())('migrations on %s', (kind) => {
  describe('from an empty database', () => {
    const database = useTestDatabase(kind, { empty: true });

    it('apply every migration in name order, then nothing on a second run', async () => {
      const options = database.schema ? { schema: database.schema } : {};
      expect(await migrateToLatest(database.db, options)).toEqual(Object.keys(migrations).sort());
      expect(await migrateToLatest(database.db, options)).toEqual([]);
      const tables = await database.db.introspection.getTables();
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining([
          'area',
          'organisation',
          'seed_run',
          'app_user',
          'user_session',
          'sign_in_attempt',
          'signal',
          'audit_entry',
          'alert_rule',
          'alert',
          'alert_event',
        ]),
      );
    });
  });

  describe('constraints', () => {
    const database = useTestDatabase(kind);

    it('refuse a sub-national area without a parent', async () => {
      await expect(
        sql`insert into area (code, kind, name, admin_level, region_code, region_name, sub_region_code, sub_region_name)
            values ('XX01', 'subnational', 'Nowhere', 1, '002', 'Africa', '015', 'Northern Africa')`.execute(
          database.db,
        ),
      ).rejects.toThrow(/area_country_has_no_parent/);
    });
  });
});
