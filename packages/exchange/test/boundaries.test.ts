import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import {
  ExchangeError,
  inspectBoundaries,
  inspectFile,
  looksLikeJson,
  pointCount,
  readBoundaries,
  simplifyBoundaries,
  type BoundaryGeometry,
} from '../src/index.js';
import { collect, inPieces, resolveArea, utf8 } from './helpers.js';

const fixture = new URL('./fixtures/sudan-admin1.geojson', import.meta.url);

const square = (x: number, y: number, size = 1): number[][][] => [
  [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ],
];

function collection(features: unknown[]): Uint8Array {
  return utf8(JSON.stringify({ type: 'FeatureCollection', features }));
}

function area(properties: Record<string, unknown>, geometry: unknown) {
  return { type: 'Feature', properties, geometry };
}

async function read(bytes: Uint8Array, options: { codeProperty?: string } = {}) {
  const reading = await readBoundaries(inPieces(bytes, 64), { resolveArea, ...options });
  return { info: reading.info, rows: await collect(reading.rows) };
}

/** A ring of `n` positions around a wavy circle: a coastline drawn in far more detail than a map needs. */
function detailedRing(cx: number, cy: number, radius: number, n: number): number[][] {
  const ring: number[][] = [];
  for (let i = 0; i < n; i += 1) {
    const angle = (2 * Math.PI * i) / n;
    const r = radius * (1 + 0.05 * Math.sin(angle * 12) + 0.02 * Math.cos(angle * 31));
    ring.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
  }
  ring.push(ring[0] ?? [cx, cy]);
  return ring;
}

describe('GeoJSON sub-national boundaries', () => {
  it('reads a COD-AB admin-1 file: P-codes from ADM1_PCODE, names from ADM1_EN', async () => {
    const { info, rows } = await read(await readFile(fixture));
    expect(info).toMatchObject({
      format: 'geojson',
      featureCount: 3,
      codeProperty: 'ADM1_PCODE',
      nameProperty: 'ADM1_EN',
    });
    expect(rows.map((r) => (r.ok ? [r.line, r.value.areaCode, r.value.name] : r))).toEqual([
      [1, 'SD01', 'Khartoum'],
      [2, 'SD02', 'North Darfur'],
      [3, 'SD03', 'South Darfur'],
    ]);
    const southDarfur = rows[2];
    expect(southDarfur?.ok && southDarfur.value.geometry.type).toBe('MultiPolygon');
  });

  it("detects geoBoundaries' shapeISO and shapeName, and takes a property the user names", async () => {
    const bytes = collection([
      area(
        { shapeISO: 'SD01', shapeName: 'Khartoum', other: 'SD02' },
        { type: 'Polygon', coordinates: square(32, 15) },
      ),
    ]);
    const detected = await read(bytes);
    expect(detected.info).toMatchObject({ codeProperty: 'shapeISO', nameProperty: 'shapeName' });
    expect(detected.rows[0]).toMatchObject({ ok: true, value: { areaCode: 'SD01' } });
    const chosen = await read(bytes, { codeProperty: 'OTHER' });
    expect(chosen.info.codeProperty).toBe('other');
    expect(chosen.rows[0]).toMatchObject({ ok: true, value: { areaCode: 'SD02' } });
  });

  it('names every bad feature with its index, the path of the bad part and the reason', async () => {
    const polygon = { type: 'Polygon', coordinates: square(30, 12) };
    const { rows } = await read(
      collection([
        area({ ADM1_PCODE: 'SD01' }, polygon),
        area({ ADM1_PCODE: '' }, polygon),
        area({ ADM1_PCODE: 'XX99' }, polygon),
        area({ ADM1_PCODE: 'SD04' }, { type: 'Point', coordinates: [30, 12] }),
        area(
          { ADM1_PCODE: 'SD05' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [30, 12],
                [400, 12],
                [31, 13],
                [30, 12],
              ],
            ],
          },
        ),
        area(
          { ADM1_PCODE: 'SD06' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [30, 12],
                [31, 12],
                [31, 13],
                [30, 13],
              ],
            ],
          },
        ),
        area({ ADM1_PCODE: 'SD01' }, polygon),
        { type: 'Feature' },
        area(
          { ADM1_PCODE: 'SD08' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [30, 12],
                [31, 12],
                [30, 12],
              ],
            ],
          },
        ),
        area({ ADM1_PCODE: 'SD09' }, null),
      ]),
    );
    expect(rows[0]?.ok).toBe(true);
    const failures = rows
      .slice(1)
      .map((r) => (r.ok ? r : r.errors.map((e) => [e.line, e.column, e.message])));
    expect(failures).toEqual([
      [[2, 'features[1].properties.ADM1_PCODE', 'Feature 1 has no P-code in ADM1_PCODE.']],
      [[3, 'features[2].properties.ADM1_PCODE', 'Feature 2: XX99 is not an area of the platform.']],
      [
        [
          4,
          'features[3].geometry.type',
          'The geometry is a Point: only Polygon and MultiPolygon outline an area.',
        ],
      ],
      [[5, 'features[4].geometry.coordinates[0][1]', expect.stringContaining('out of range')]],
      [
        [
          6,
          'features[5].geometry.coordinates[0]',
          'The ring is not closed: its last position must repeat its first.',
        ],
      ],
      [
        [
          7,
          'features[6].properties.ADM1_PCODE',
          'Feature 6 repeats the P-code SD01 of feature 0: one outline an area.',
        ],
      ],
      [[8, 'features[7]', 'Feature 7 is not a GeoJSON Feature with a geometry and properties.']],
      [
        [
          9,
          'features[8].geometry.coordinates[0]',
          'A ring needs at least four positions; this one has 3.',
        ],
      ],
      [
        [
          10,
          'features[9].geometry',
          'The feature has no geometry: a Polygon or MultiPolygon is needed.',
        ],
      ],
    ]);
  });

  it('refuses what is not a FeatureCollection with P-codes as a whole', async () => {
    const reason = async (bytes: Uint8Array, options: { codeProperty?: string } = {}) => {
      try {
        await read(bytes, options);
        return 'read';
      } catch (error) {
        return error instanceof ExchangeError ? error.reason : String(error);
      }
    };
    expect(await reason(utf8('{"type": "FeatureCollection", '))).toBe('INVALID_JSON');
    expect(await reason(utf8('{"type": "Feature", "geometry": null}'))).toBe(
      'NOT_A_FEATURE_COLLECTION',
    );
    expect(await reason(collection([]))).toBe('EMPTY_FILE');
    expect(await reason(utf8('   '))).toBe('EMPTY_FILE');
    const unnamed = collection([
      area({ label: 'x' }, { type: 'Polygon', coordinates: square(30, 12) }),
    ]);
    expect(await reason(unnamed)).toBe('NO_CODE_PROPERTY');
    expect(await reason(unnamed, { codeProperty: 'ADM1_PCODE' })).toBe('NO_CODE_PROPERTY');
  });

  it('inspects a file without checking its features, and tells JSON from delimited text', async () => {
    const info = await inspectBoundaries(inPieces(await readFile(fixture), 100));
    expect(info.properties).toEqual(['ADM1_EN', 'ADM1_PCODE', 'ADM0_EN', 'ADM0_PCODE']);
    expect(looksLikeJson(utf8('\ufeff \n {"type"'))).toBe(true);
    expect(looksLikeJson(utf8('area,month,indicator,value'))).toBe(false);
  });

  it('simplifies detailed outlines to a bounded number of positions, keeping shared borders', () => {
    const geometries: BoundaryGeometry[] = [
      { type: 'Polygon', coordinates: [detailedRing(30, 12, 2, 20_000)] as [number, number][][] },
      { type: 'Polygon', coordinates: [detailedRing(36, 12, 2, 20_000)] as [number, number][][] },
    ];
    const simplified = simplifyBoundaries(geometries);
    const total = simplified.reduce((n, s) => n + s.points, 0);
    expect(simplified.map((s) => s.sourcePoints)).toEqual([20_001, 20_001]);
    expect(total).toBeLessThanOrEqual(20_000);
    expect(total).toBeLessThan(40_002 / 4);
    for (const { geometry } of simplified) expect(pointCount(geometry)).toBeGreaterThanOrEqual(4);
    const bounded = simplifyBoundaries(geometries, { maxPoints: 500 });
    expect(bounded.reduce((n, s) => n + s.points, 0)).toBeLessThanOrEqual(520);

    // Two squares side by side: their common edge stays one edge after simplification.
    const [left, right] = simplifyBoundaries([
      { type: 'Polygon', coordinates: square(0, 0) as [number, number][][] },
      { type: 'Polygon', coordinates: square(1, 0) as [number, number][][] },
    ]);
    const edge = (g: BoundaryGeometry | undefined) =>
      new Set(
        (g?.type === 'Polygon' ? (g.coordinates[0] ?? []) : [])
          .filter((p) => Math.abs(p[0] - 1) < 1e-3)
          .map(String),
      );
    expect(edge(left?.geometry)).toEqual(edge(right?.geometry));
    expect(edge(left?.geometry).size).toBe(2);
  });

  it('keeps the outline of an area too small for the tolerance rather than losing it', () => {
    const [tiny] = simplifyBoundaries([
      { type: 'Polygon', coordinates: square(10, 10, 50) as [number, number][][] },
      { type: 'Polygon', coordinates: square(0, 0, 0.0001) as [number, number][][] },
    ]).slice(1);
    expect(tiny && pointCount(tiny.geometry)).toBeGreaterThanOrEqual(4);
  });
});

describe('inspecting a file of any format', () => {
  it('takes a file starting with { for GeoJSON and anything else for a table', async () => {
    const geojson = await inspectFile(inPieces(await readFile(fixture), 5));
    expect(geojson).toMatchObject({ kind: 'boundaries', info: { featureCount: 3 } });
    const table = await inspectFile(
      inPieces(utf8('area,month,indicator,value\nSDN,2026-01,x,1\n'), 5),
    );
    expect(table).toMatchObject({ kind: 'table', inspection: { format: 'csv', rowCount: 1 } });
    await expect(
      inspectFile(inPieces(utf8('area,month\n')), { format: 'geojson' }),
    ).rejects.toThrow(/not valid JSON/);
  });
});
