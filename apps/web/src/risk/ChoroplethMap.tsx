import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { MapArea, MapShape } from './map-area.js';

export type { MapArea, MapShape } from './map-area.js';

export interface ChoroplethMapProps {
  title: string;
  /** How to use the map with a keyboard. */
  help: string;
  helpId: string;
  className: string;
  width: number;
  height: number;
  /** The areas, in the order the arrow keys walk them; those without a shape are left out. */
  areas: readonly MapArea[];
  shapeOf: (areaCode: string) => MapShape | undefined;
  /** Shapes drawn as plain land under the areas. */
  otherShapes?: readonly string[];
  /** The id of the "no data" hatching pattern, defined once on the page. */
  noDataPattern: string;
  noDataClass: string;
  onOpen: (areaCode: string) => void;
}

/**
 * A choropleth of classes, shared by the world map and a country's sub-national map: every
 * area with a shape is a link-like shape with its figures as its name. One tab stop: the arrow
 * keys move between areas (in the order of the list given), Enter opens one, and the focused or
 * hovered area's figures show beside it. Colour is never alone: the name, score and class are in
 * each shape's name and tooltip, and "no data" is hatched.
 */
export function ChoroplethMap(props: ChoroplethMapProps) {
  const { width, height, shapeOf } = props;
  const [active, setActive] = useState<{ areaCode: string; x: number; y: number } | null>(null);
  const [current, setCurrent] = useState(0);
  const shapeRefs = useRef(new Map<string, SVGPathElement>());
  const drawn = useMemo(
    () =>
      props.areas.flatMap((area) => {
        const shape = shapeOf(area.areaCode);
        return shape ? [{ area, shape }] : [];
      }),
    [props.areas, shapeOf],
  );
  const focusAt = (index: number) => {
    const next = drawn[(index + drawn.length) % drawn.length];
    if (!next) return;
    setCurrent((index + drawn.length) % drawn.length);
    shapeRefs.current.get(next.area.areaCode)?.focus();
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
  const shown = active ? drawn.find(({ area }) => area.areaCode === active.areaCode) : undefined;

  return (
    <div className={props.className} dir="ltr">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={props.title}
        aria-describedby={props.helpId}
        onMouseLeave={() => setActive(null)}
      >
        {(props.otherShapes ?? []).map((d, index) => (
          <path key={`other-${index}`} d={d} className="map-other-land" aria-hidden="true" />
        ))}
        {drawn.map(({ area, shape }, index) => {
          const [x, y] = shape.centroid;
          return (
            <path
              key={area.areaCode}
              ref={(element) => {
                if (element) shapeRefs.current.set(area.areaCode, element);
                else shapeRefs.current.delete(area.areaCode);
              }}
              d={shape.d}
              data-area={area.areaCode}
              data-class={area.classId}
              fill={area.classId === props.noDataClass ? `url(#${props.noDataPattern})` : area.fill}
              className="map-country"
              role="link"
              tabIndex={index === current ? 0 : -1}
              aria-label={area.label}
              onFocus={() => {
                setCurrent(index);
                setActive({ areaCode: area.areaCode, x, y });
              }}
              onBlur={() => setActive(null)}
              onMouseMove={(event) => {
                const box = event.currentTarget.ownerSVGElement?.getBoundingClientRect();
                if (!box) return;
                setActive({
                  areaCode: area.areaCode,
                  x: ((event.clientX - box.left) / box.width) * width,
                  y: ((event.clientY - box.top) / box.height) * height,
                });
              }}
              onClick={() => props.onOpen(area.areaCode)}
              onKeyDown={(event) => onKeyDown(event, index, area.areaCode)}
            />
          );
        })}
        {drawn.map(({ area, shape }) =>
          area.badge ? (
            <g
              key={`badge-${area.areaCode}`}
              className="map-badge"
              data-badge={area.areaCode}
              aria-hidden="true"
              transform={`translate(${shape.centroid[0]} ${shape.centroid[1]})`}
            >
              <circle r={8} />
              <text textAnchor="middle" dominantBaseline="central">
                {area.badge}
              </text>
            </g>
          ) : null,
        )}
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
          <strong>{shown.area.name}</strong>
          {shown.area.lines.map((line) => (
            <span key={line}>{line}</span>
          ))}
        </div>
      ) : null}
      <p id={props.helpId} className="hint">
        {props.help}
      </p>
    </div>
  );
}
