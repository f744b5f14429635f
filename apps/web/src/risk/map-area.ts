/** An area as a choropleth draws it; the page worded its label and tooltip lines. */
export interface MapArea {
  areaCode: string;
  classId: string;
  fill: string;
  /** The accessible name: name, score, class and the rest in one sentence. */
  label: string;
  name: string;
  lines: readonly string[];
  /** A short mark drawn on the area, e.g. its count of open alerts; its label says it in words. */
  badge?: string | undefined;
}

/** A projected shape: its SVG path and the point its tooltip sits at when focused. */
export interface MapShape {
  d: string;
  centroid: readonly [number, number];
}
