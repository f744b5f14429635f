import { countries } from '@prevention/core';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';
import { joinCountryShapes } from './world-geometry.js';

/** A country as the map draws it; the page worded its label and tooltip lines. */
export interface MapCountry {
  areaCode: string;
  classId: string;
  fill: string;
  /** The accessible name: name, score, class, change and completeness in one sentence. */
  label: string;
  name: string;
  lines: readonly string[];
}

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

/** How many member and observer states the map can draw, and the ones too small for it. */
export const mapCoverage = {
  drawn: join.shapeOf.size,
  withoutShape: join.withoutShape.map((country) => country.code),
};

/**
 * The world map of one figure, a choropleth of classes: every member or observer state the
 * atlas has a shape for is a link-like shape with its figures as its name; other shapes are
 * drawn as plain land. One tab stop: the arrow keys move between countries (in the order of
 * the list given), Enter opens one, and the focused or hovered country's figures show beside it.
 */
export function WorldMap(props: WorldMapProps) {
  const [active, setActive] = useState<{ areaCode: string; x: number; y: number } | null>(null);
  const [current, setCurrent] = useState(0);
  const shapeRefs = useRef(new Map<string, SVGPathElement>());
  const drawn = useMemo(
    () => props.countries.filter((country) => join.shapeOf.has(country.areaCode)),
    [props.countries],
  );
  const focusAt = (index: number) => {
    const next = drawn[(index + drawn.length) % drawn.length];
    if (!next) return;
    setCurrent((index + drawn.length) % drawn.length);
    shapeRefs.current.get(next.areaCode)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<SVGPathElement>, index: number, areaCode: string) => {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowDown: index + 1,
      ArrowLeft: index - 1,
      ArrowUp: index - 1,
      Home: 0,
      End: drawn.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      focusAt(target);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      props.onOpen(areaCode);
    }
  };
  const shown = active ? drawn.find((country) => country.areaCode === active.areaCode) : undefined;

  return (
    <div className="world-map" dir="ltr">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={props.title}
        aria-describedby="world-map-help"
        onMouseLeave={() => setActive(null)}
      >
        {join.otherShapes.map((index) => (
          <path
            key={`other-${index}`}
            d={outlines[index]}
            className="map-other-land"
            aria-hidden="true"
          />
        ))}
        {drawn.map((country, index) => {
          const shape = join.shapeOf.get(country.areaCode) ?? 0;
          const [x, y] = centroids[shape] ?? [0, 0];
          return (
            <path
              key={country.areaCode}
              ref={(element) => {
                if (element) shapeRefs.current.set(country.areaCode, element);
                else shapeRefs.current.delete(country.areaCode);
              }}
              d={outlines[shape]}
              data-area={country.areaCode}
              data-class={country.classId}
              fill={
                country.classId === props.noDataClass
                  ? `url(#${props.noDataPattern})`
                  : country.fill
              }
              className="map-country"
              role="link"
              tabIndex={index === current ? 0 : -1}
              aria-label={country.label}
              onFocus={() => {
                setCurrent(index);
                setActive({ areaCode: country.areaCode, x, y });
              }}
              onBlur={() => setActive(null)}
              onMouseMove={(event) => {
                const box = event.currentTarget.ownerSVGElement?.getBoundingClientRect();
                if (!box) return;
                setActive({
                  areaCode: country.areaCode,
                  x: ((event.clientX - box.left) / box.width) * width,
                  y: ((event.clientY - box.top) / box.height) * height,
                });
              }}
              onClick={() => props.onOpen(country.areaCode)}
              onKeyDown={(event) => onKeyDown(event, index, country.areaCode)}
            />
          );
        })}
      </svg>
      {shown && active ? (
        <div
          className="map-tooltip"
          aria-hidden="true"
          style={{
            left: `${(active.x / width) * 100}%`,
            top: `${(active.y / height) * 100}%`,
          }}
        >
          <strong>{shown.name}</strong>
          {shown.lines.map((line) => (
            <span key={line}>{line}</span>
          ))}
        </div>
      ) : null}
      <p id="world-map-help" className="hint">
        {props.help}
      </p>
    </div>
  );
}
