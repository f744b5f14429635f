import { geoIdentity, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { MapShape } from './map-area.js';

/** An imported outline, as `areas.boundaries` answers it. */
export interface AreaOutline {
  areaCode: string;
  geometry: Polygon | MultiPolygon;
}

export const subnationalMapSize = { width: 640, height: 480 };
const { width, height } = subnationalMapSize;

/**
 * Projects a country's outlines to fit the map. A plain longitude/latitude projection with
 * longitudes narrowed by the cosine of the middle latitude (so shapes are not stretched wide):
 * planar, so the winding of imported rings (RFC 7946's or the older opposite one, both found in
 * published files) does not matter, as it does to d3's spherical projections.
 */
export function projectOutlines(outlines: readonly AreaOutline[]): ReadonlyMap<string, MapShape> {
  const features: Feature<Polygon | MultiPolygon>[] = outlines.map((outline) => ({
    type: 'Feature',
    id: outline.areaCode,
    properties: {},
    geometry: outline.geometry,
  }));
  const collection: FeatureCollection<Polygon | MultiPolygon> = {
    type: 'FeatureCollection',
    features,
  };
  const plain = geoPath(geoIdentity());
  const [[, y0], [, y1]] = plain.bounds(collection);
  const narrowing = Math.cos((((y0 + y1) / 2) * Math.PI) / 180) || 1;
  const projection = geoIdentity()
    .reflectY(true)
    .scale(1)
    .fitSize([width, height], narrowed(collection, narrowing));
  const path = geoPath(projection);
  return new Map(
    features.map((shape) => {
      const flat = narrowed(shape, narrowing);
      return [String(shape.id), { d: path(flat) ?? '', centroid: path.centroid(flat) }];
    }),
  );
}

/** The same shapes with every longitude multiplied by `k`. */
function narrowed<
  T extends Feature<Polygon | MultiPolygon> | FeatureCollection<Polygon | MultiPolygon>,
>(shape: T, k: number): T {
  const ring = (positions: number[][]) => positions.map(([x = 0, y = 0]) => [x * k, y]);
  const geometry = (g: Polygon | MultiPolygon): Polygon | MultiPolygon =>
    g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
      : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
  if (shape.type === 'FeatureCollection')
    return {
      ...shape,
      features: shape.features.map((f) => ({ ...f, geometry: geometry(f.geometry) })),
    };
  return { ...shape, geometry: geometry(shape.geometry) };
}
