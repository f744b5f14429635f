import { z } from 'zod';

/** A position as the platform stores it: longitude and latitude in degrees (WGS 84). */
export const BoundaryPosition = z.tuple([
  z.number().min(-180).max(180),
  z.number().min(-90).max(90),
]);
const Ring = z.array(BoundaryPosition).min(4);

/**
 * The geometry of a sub-national area as stored and served: a GeoJSON Polygon or MultiPolygon,
 * simplified on import, two coordinates a position, rings closed.
 */
export const BoundaryGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
]);
export type BoundaryGeometry = z.infer<typeof BoundaryGeometry>;

/** How many positions a geometry holds. */
export function pointCount(geometry: BoundaryGeometry): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let count = 0;
  for (const polygon of polygons) for (const ring of polygon) count += ring.length;
  return count;
}
