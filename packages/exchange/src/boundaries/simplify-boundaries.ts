import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { pointCount, type BoundaryGeometry } from './boundary-geometry.js';

export interface SimplifyOptions {
  /** The most positions kept over all the areas of one file. */
  maxPoints?: number;
  /**
   * The tolerance, as a fraction of the longer side of the file's bounding box: a vertex whose
   * triangle with its neighbours is smaller than the square of it is removed.
   */
  tolerance?: number;
}

/** A file's areas after simplification, each with the positions it had and has. */
export interface SimplifiedBoundary {
  geometry: BoundaryGeometry;
  sourcePoints: number;
  points: number;
}

export const defaultMaxPoints = 20_000;
export const defaultTolerance = 1 / 4_000;
/** The quantisation of the topology: 100,000 steps across the bounding box. */
const quantisation = 1e5;
/** Positions are stored with five decimals (about a metre): finer than the quantisation. */
const decimals = 1e5;

/**
 * Simplifies the areas of one file together, so that neighbours keep one shared border: the
 * features become a TopoJSON topology (topojson-server, quantised to 100,000 steps across the
 * file), whose arcs are simplified by Visvalingam's effective area (topojson-simplify) down to
 * the tolerance, and further when more than `maxPoints` positions would be left; then back to
 * GeoJSON (topojson-client). A ring that simplification collapses is left out; an area left
 * with no ring at all keeps its quantised outline, so that none disappears.
 */
export function simplifyBoundaries(
  geometries: readonly BoundaryGeometry[],
  options: SimplifyOptions = {},
): SimplifiedBoundary[] {
  if (geometries.length === 0) return [];
  const maxPoints = options.maxPoints ?? defaultMaxPoints;
  const tolerance = options.tolerance ?? defaultTolerance;
  const collection: FeatureCollection<Polygon | MultiPolygon> = {
    type: 'FeatureCollection',
    features: geometries.map((geometry, i) => ({
      type: 'Feature',
      id: i,
      properties: {},
      geometry: geometry as Polygon | MultiPolygon,
    })),
  };
  const topo = topology({ areas: collection }, quantisation) as Topology<{
    areas: GeometryCollection;
  }>;
  const weighted = presimplify(topo);
  const [x0, y0, x1, y1] = topo.bbox ?? [0, 0, 0, 0];
  const side = Math.max(x1 - x0, y1 - y0) * tolerance;
  let minWeight = side * side;
  const interior = weighted.arcs.reduce((n, arc) => n + Math.max(0, arc.length - 2), 0);
  const ends = weighted.arcs.length * 2;
  if (interior + ends > maxPoints && interior > 0) {
    const share = Math.max(0, (maxPoints - ends) / interior);
    minWeight = Math.max(minWeight, quantile(weighted, share) || 0);
  }
  const simplified = simplify(weighted, minWeight);
  const quantised = feature(topo, topo.objects.areas) as FeatureCollection<Polygon | MultiPolygon>;
  const result = feature(simplified, simplified.objects.areas) as FeatureCollection<
    Polygon | MultiPolygon
  >;
  return geometries.map((source, i) => {
    const geometry =
      cleanGeometry(result.features[i]) ?? cleanGeometry(quantised.features[i]) ?? source;
    return { geometry, sourcePoints: pointCount(source), points: pointCount(geometry) };
  });
}

function cleanGeometry(
  shape: Feature<Polygon | MultiPolygon> | undefined,
): BoundaryGeometry | undefined {
  const geometry = shape?.geometry;
  if (!geometry) return undefined;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const kept = polygons.flatMap((polygon) => {
    const [outline, ...holes] = polygon.map(cleanRing);
    if (!outline) return [];
    return [[outline, ...holes.filter((ring): ring is [number, number][] => ring !== undefined)]];
  });
  if (kept.length === 0) return undefined;
  return kept.length === 1 && geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: kept[0] ?? [] }
    : { type: 'MultiPolygon', coordinates: kept };
}

/** A ring rounded to five decimals without repeated positions; undefined once it has collapsed. */
function cleanRing(ring: number[][]): [number, number][] | undefined {
  const out: [number, number][] = [];
  for (const position of ring) {
    const x = Math.round((position[0] ?? 0) * decimals) / decimals;
    const y = Math.round((position[1] ?? 0) * decimals) / decimals;
    const last = out.at(-1);
    if (!last || last[0] !== x || last[1] !== y) out.push([x, y]);
  }
  return out.length >= 4 ? out : undefined;
}
