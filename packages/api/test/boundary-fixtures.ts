import { newId } from '@prevention/core';
import {
  commitImportBatch,
  insertImportBatch,
  stageBoundaries,
  startImportBatch,
  type DatabaseClient,
} from '@prevention/db';
import { createTestSubnationalAreas } from '@prevention/db/testing';

/** A square of one degree, as GeoJSON text. */
export function squareGeometry(x: number, y: number): string {
  const ring = [
    [x, y],
    [x + 1, y],
    [x + 1, y + 1],
    [x, y + 1],
    [x, y],
  ];
  return JSON.stringify({ type: 'Polygon', coordinates: [ring] });
}

/** Sub-national areas of a country with committed outlines, as an import leaves them. */
export async function storeBoundaries(
  db: DatabaseClient,
  countryCode: string,
  codes: readonly string[],
  userId: string,
): Promise<void> {
  await createTestSubnationalAreas(db, countryCode, codes);
  const batch = await insertImportBatch(db, {
    id: newId(),
    format: 'geojson',
    target: 'boundaries',
    fileName: `${countryCode}.geojson`,
    contentHash: 'c'.repeat(64),
    byteSize: 100,
    mode: 'all-or-nothing',
    sensitivity: 'public',
    createdBy: userId,
    now: new Date(),
  });
  await startImportBatch(db, batch.id, new Date());
  await stageBoundaries(
    db,
    { id: batch.id, createdBy: userId, now: new Date() },
    codes.map((areaCode, i) => ({
      id: newId(),
      line: i + 1,
      areaCode,
      countryCode,
      geometry: squareGeometry(10 + i, 10),
      points: 5,
      sourcePoints: 5,
      nameInSource: null,
    })),
  );
  await db.transaction().execute((trx) => commitImportBatch(trx, batch.id, new Date()));
}
