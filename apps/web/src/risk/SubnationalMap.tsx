import { useMemo } from 'react';
import { ChoroplethMap, type MapArea } from './ChoroplethMap.js';
import { projectOutlines, subnationalMapSize, type AreaOutline } from './subnational-projection.js';

export interface SubnationalMapProps {
  title: string;
  help: string;
  areas: readonly MapArea[];
  outlines: readonly AreaOutline[];
  noDataPattern: string;
  noDataClass: string;
  onOpen: (areaCode: string) => void;
}

/** A country's sub-national areas on a map of their imported outlines (see `ChoroplethMap`). */
export function SubnationalMap(props: SubnationalMapProps) {
  const shapes = useMemo(() => projectOutlines(props.outlines), [props.outlines]);
  const shapeOf = useMemo(() => (areaCode: string) => shapes.get(areaCode), [shapes]);
  return (
    <ChoroplethMap
      title={props.title}
      help={props.help}
      helpId="subnational-map-help"
      className="world-map subnational-map"
      width={subnationalMapSize.width}
      height={subnationalMapSize.height}
      areas={props.areas}
      shapeOf={shapeOf}
      noDataPattern={props.noDataPattern}
      noDataClass={props.noDataClass}
      onOpen={props.onOpen}
    />
  );
}
