import { countries } from '@prevention/core';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';
import { ChoroplethMap, type MapArea, type MapShape } from './ChoroplethMap.js';
import { joinCountryShapes } from './world-geometry.js';

/** A country as the map draws it; the page worded its label and tooltip lines. */
export type MapCountry = MapArea;

export interface WorldMapProps {
  title: string;
  /** How to use the map with a keyboard. */
  help: string;
  countries: readonly MapCountry[];
  /** The id of the hatching pattern of "no data", defined once on the page. */
  noDataPattern: string;
  noDataClass: string;
  onOpen: (areaCode: string) => void;
}

const width = 960;
const height = 470;
const antarctica = '010';

// The atlas is fixed data: its shapes are projected once, when the map's chunk first loads.
const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const shapes = feature(topology, topology.objects.countries).features.filter(
  (shape) => shape.id !== antarctica,
);
const join = joinCountryShapes(shapes, countries);
const path = geoPath(
  geoEqualEarth().fitSize([width, height], { type: 'FeatureCollection', features: shapes }),
);
const outlines = shapes.map((shape) => path(shape) ?? '');
const centroids = shapes.map((shape) => path.centroid(shape));
const otherOutlines = join.otherShapes.map((index) => outlines[index] ?? '');

const shapeOf = (areaCode: string): MapShape | undefined => {
  const index = join.shapeOf.get(areaCode);
  if (index === undefined) return undefined;
  return { d: outlines[index] ?? '', centroid: centroids[index] ?? [0, 0] };
};

/** How many member and observer states the map can draw, and the ones too small for it. */
export const mapCoverage = {
  drawn: join.shapeOf.size,
  withoutShape: join.withoutShape.map((country) => country.code),
};

/**
 * The world map of one figure, a choropleth of classes (see `ChoroplethMap`): every member or
 * observer state the atlas has a shape for is drawn with its class; other shapes are plain land.
 */
export function WorldMap(props: WorldMapProps) {
  return (
    <ChoroplethMap
      title={props.title}
      help={props.help}
      helpId="world-map-help"
      className="world-map"
      width={width}
      height={height}
      areas={props.countries}
      shapeOf={shapeOf}
      otherShapes={otherOutlines}
      noDataPattern={props.noDataPattern}
      noDataClass={props.noDataClass}
      onOpen={props.onOpen}
    />
  );
}
