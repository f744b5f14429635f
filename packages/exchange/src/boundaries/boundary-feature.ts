import { z } from 'zod';
import type { RowError } from '../row-result.js';
import type { BoundaryGeometry } from './boundary-geometry.js';

/**
 * The edge of a feature as a file has it, before its geometry is checked: GeoJSON's
 * `Feature` with any properties. Its geometry is checked by `checkGeometry`, which names the
 * first bad positions instead of Zod's hundreds of issues for one bad ring.
 */
export const GeoJsonFeature = z.object({
  type: z.literal('Feature'),
  properties: z.record(z.string(), z.unknown()).nullable().optional(),
  geometry: z.object({ type: z.string(), coordinates: z.unknown() }).nullable(),
});
export type GeoJsonFeature = z.infer<typeof GeoJsonFeature>;

export const GeoJsonFeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown()),
});

/** At most this many problems are named for one feature's coordinates. */
const maxCoordinateErrors = 5;

/**
 * The geometry of a feature, when it is a Polygon or MultiPolygon whose positions are numbers
 * within longitude −180…180 and latitude −90…90 and whose rings are closed with at least four
 * positions; otherwise what is wrong, each problem with the path of the bad part.
 */
export function checkGeometry(
  line: number,
  path: string,
  geometry: GeoJsonFeature['geometry'],
): BoundaryGeometry | RowError[] {
  const errors: RowError[] = [];
  const fail = (column: string, message: string) => {
    if (errors.length < maxCoordinateErrors) errors.push({ line, column, message });
  };
  if (!geometry) {
    fail(`${path}.geometry`, 'The feature has no geometry: a Polygon or MultiPolygon is needed.');
    return errors;
  }
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    fail(
      `${path}.geometry.type`,
      `The geometry is a ${geometry.type || 'nameless type'}: only Polygon and MultiPolygon outline an area.`,
    );
    return errors;
  }
  const base = `${path}.geometry.coordinates`;
  const polygons: unknown[] =
    geometry.type === 'Polygon' ? [geometry.coordinates] : (asArray(geometry.coordinates) ?? []);
  if (geometry.type === 'MultiPolygon' && !Array.isArray(geometry.coordinates)) {
    fail(base, 'A MultiPolygon\u2019s coordinates are an array of polygons.');
    return errors;
  }
  if (polygons.length === 0) fail(base, 'The geometry has no polygon.');
  const checked: [number, number][][][] = [];
  polygons.forEach((polygon, p) => {
    const polygonPath = geometry.type === 'Polygon' ? base : `${base}[${p}]`;
    const rings = asArray(polygon);
    if (!rings || rings.length === 0) {
      fail(polygonPath, 'A polygon is an array of rings, the first its outline.');
      return;
    }
    checked.push(rings.map((ring, r) => checkRing(asArray(ring), `${polygonPath}[${r}]`, fail)));
  });
  if (errors.length > 0) return errors;
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: checked[0] ?? [] }
    : { type: 'MultiPolygon', coordinates: checked };
}

function checkRing(
  ring: unknown[] | undefined,
  path: string,
  fail: (column: string, message: string) => void,
): [number, number][] {
  if (!ring) {
    fail(path, 'A ring is an array of positions.');
    return [];
  }
  const positions: [number, number][] = [];
  ring.forEach((position, i) => {
    const numbers = asArray(position);
    const [x, y] = numbers ?? [];
    if (
      !numbers ||
      numbers.length < 2 ||
      typeof x !== 'number' ||
      typeof y !== 'number' ||
      !Number.isFinite(x) ||
      !Number.isFinite(y)
    ) {
      fail(`${path}[${i}]`, 'A position is [longitude, latitude], two numbers.');
      return;
    }
    if (x < -180 || x > 180 || y < -90 || y > 90) {
      fail(
        `${path}[${i}]`,
        `The position [${x}, ${y}] is out of range: longitude is within −180…180 and latitude within −90…90 (is the file in a projected coordinate system rather than WGS 84?).`,
      );
      return;
    }
    positions.push([x, y]);
  });
  if (ring.length < 4)
    fail(path, `A ring needs at least four positions; this one has ${ring.length}.`);
  else if (positions.length === ring.length) {
    const first = positions[0];
    const last = positions.at(-1);
    if (!first || !last || first[0] !== last[0] || first[1] !== last[1])
      fail(path, 'The ring is not closed: its last position must repeat its first.');
  }
  return positions;
}

function asArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}
