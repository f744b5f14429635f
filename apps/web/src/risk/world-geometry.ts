import type { Country } from '@prevention/core';

/** A shape of the world atlas as TopoJSON holds it: an ISO 3166-1 numeric id, and a name. */
export interface AtlasGeometry {
  id?: string | number | undefined;
  properties?: { name?: string } | null | undefined;
}

export interface GeometryJoin {
  /** The index of each country's shape among the geometries, by ISO3 code. */
  shapeOf: ReadonlyMap<string, number>;
  /** Member and observer states the atlas has no shape for (too small at its scale). */
  withoutShape: readonly Country[];
  /** Indices of shapes that are no member or observer state (territories, Antarctica …). */
  otherShapes: readonly number[];
}

/**
 * Joins the atlas's shapes to the UN's member and observer states through their M49 code, the
 * same number as ISO 3166-1 numeric. Ids come as zero-padded strings ("004"); a number is
 * padded alike. Shapes without an id (areas whose status is disputed) are "other" shapes.
 */
export function joinCountryShapes(
  geometries: readonly AtlasGeometry[],
  countries: readonly Country[],
): GeometryJoin {
  const byM49 = new Map(countries.map((country) => [country.m49, country]));
  const shapeOf = new Map<string, number>();
  const otherShapes: number[] = [];
  geometries.forEach((geometry, index) => {
    const country = geometry.id === undefined ? undefined : byM49.get(numericCode(geometry.id));
    if (country && !shapeOf.has(country.code)) shapeOf.set(country.code, index);
    else otherShapes.push(index);
  });
  return {
    shapeOf,
    withoutShape: countries.filter((country) => !shapeOf.has(country.code)),
    otherShapes,
  };
}

function numericCode(id: string | number): string {
  return String(id).padStart(3, '0');
}
