import { decodeText, type TextEncodingName } from '../decode.js';
import { ExchangeError } from '../exchange-error.js';
import type { ResolveArea } from '../observations/area-resolver.js';
import { rowFailure, type RowError, type RowResult } from '../row-result.js';
import type { BoundaryGeometry } from './boundary-geometry.js';
import { checkGeometry, GeoJsonFeature, GeoJsonFeatureCollection } from './boundary-feature.js';
import { detectCodeProperty, detectNameProperty, propertyNamesOf } from './boundary-properties.js';
import { simplifyBoundaries, type SimplifyOptions } from './simplify-boundaries.js';

/** What was found about a GeoJSON file before its features are checked. */
export interface BoundaryInfo {
  format: 'geojson';
  encoding: TextEncodingName;
  bom: boolean;
  featureCount: number;
  /** The properties the features have, in the order first met. */
  properties: string[];
  /** The property taken as each feature's P-code: the one asked for, or the one detected. */
  codeProperty: string | null;
  /** The property taken as each feature's name, when there is one. */
  nameProperty: string | null;
}

/** A feature read: its area, its name in the file, and its simplified geometry. */
export interface BoundaryFeature {
  /** The feature's 0-based index in the file's `features`. */
  index: number;
  areaCode: string;
  name: string | null;
  geometry: BoundaryGeometry;
  /** Positions in the file, and after simplification. */
  sourcePoints: number;
  points: number;
}

export interface BoundaryReading {
  info: BoundaryInfo;
  /**
   * One result per feature, in file order. `line` is the feature's number from 1 (index + 1),
   * `column` the path of the bad part (`features[2].properties.ADM1_PCODE`).
   */
  rows: AsyncIterable<RowResult<BoundaryFeature>>;
}

export interface ReadBoundariesOptions extends SimplifyOptions {
  resolveArea: ResolveArea;
  /** The property holding each feature's P-code; detected when absent (see `detectCodeProperty`). */
  codeProperty?: string;
}

/**
 * A GeoJSON file is read whole (a FeatureCollection is one JSON value), so its size is bounded:
 * COD-AB's admin-1 files run to a few megabytes, the largest national ones to about 40.
 */
export const maxGeoJsonChars = 64 * 1024 * 1024;

/**
 * Reads a GeoJSON FeatureCollection of sub-national boundaries, as COD-AB (properties
 * `ADM1_PCODE`, `ADM1_EN` …) and geoBoundaries (`shapeISO`, `shapeName`) publish them. Each
 * feature is checked — a P-code that names an area the platform knows, a Polygon or
 * MultiPolygon, positions in range, closed rings, one feature per area — and every bad feature
 * is a row failure naming its index and the reason. The good ones are simplified together (see
 * `simplifyBoundaries`) before they are yielded, so that neighbours keep shared borders.
 */
export async function readBoundaries(
  chunks: AsyncIterable<Uint8Array>,
  options: ReadBoundariesOptions,
): Promise<BoundaryReading> {
  const parsed = await parseFeatureCollection(chunks, options.codeProperty);
  const { features, info } = parsed;
  const codeProperty = info.codeProperty;
  if (codeProperty === null)
    throw new ExchangeError(
      'NO_CODE_PROPERTY',
      info.properties.length === 0
        ? 'The features have no properties, so none holds a P-code.'
        : `No property holds P-codes (such as ADM1_PCODE). Say which one does; the features have ${info.properties.join(', ')}.`,
    );
  const checked = features.map((raw, index) =>
    checkFeature(raw, index, codeProperty, info, options),
  );
  const seen = new Map<string, number>();
  for (const result of checked) {
    if (!('areaCode' in result)) continue;
    const first = seen.get(result.areaCode);
    if (first === undefined) seen.set(result.areaCode, result.index);
    else
      result.errors.push({
        line: result.index + 1,
        column: `features[${result.index}].properties.${codeProperty}`,
        message: `Feature ${result.index} repeats the P-code ${result.areaCode} of feature ${first}: one outline an area.`,
      });
  }
  const good = checked.filter(
    (r): r is CheckedFeature & { geometry: BoundaryGeometry } =>
      'areaCode' in r && r.errors.length === 0 && r.geometry !== undefined,
  );
  const simplified = simplifyBoundaries(
    good.map((r) => r.geometry),
    options,
  );
  const byIndex = new Map(good.map((r, i) => [r.index, simplified[i]]));
  async function* rows(): AsyncGenerator<RowResult<BoundaryFeature>> {
    for (const result of checked) {
      const line = result.index + 1;
      const done = byIndex.get(result.index);
      if (!('areaCode' in result) || result.errors.length > 0 || !done) {
        yield rowFailure(line, result.errors);
        continue;
      }
      yield {
        ok: true,
        line,
        value: {
          index: result.index,
          areaCode: result.areaCode,
          name: result.name,
          geometry: done.geometry,
          sourcePoints: done.sourcePoints,
          points: done.points,
        },
      };
    }
  }
  return { info, rows: rows() };
}

/** What a GeoJSON file holds, without checking its features: for the upload's summary. */
export async function inspectBoundaries(
  chunks: AsyncIterable<Uint8Array>,
  options: { codeProperty?: string } = {},
): Promise<BoundaryInfo> {
  return (await parseFeatureCollection(chunks, options.codeProperty)).info;
}

/** Whether the start of a file looks like JSON rather than delimited text. */
export function looksLikeJson(prefix: Uint8Array): boolean {
  let i = prefix[0] === 0xef && prefix[1] === 0xbb && prefix[2] === 0xbf ? 3 : 0;
  while (i < prefix.length && [0x20, 0x09, 0x0a, 0x0d].includes(prefix[i] ?? 0)) i += 1;
  return prefix[i] === 0x7b; // {
}

interface CheckedFeature {
  index: number;
  areaCode?: string;
  name: string | null;
  geometry?: BoundaryGeometry;
  errors: RowError[];
}

function checkFeature(
  raw: unknown,
  index: number,
  codeProperty: string,
  info: BoundaryInfo,
  options: ReadBoundariesOptions,
): CheckedFeature {
  const line = index + 1;
  const path = `features[${index}]`;
  const shape = GeoJsonFeature.safeParse(raw);
  if (!shape.success)
    return {
      index,
      name: null,
      errors: [
        {
          line,
          column: path,
          message: `Feature ${index} is not a GeoJSON Feature with a geometry and properties.`,
        },
      ],
    };
  const errors: RowError[] = [];
  const properties = shape.data.properties ?? {};
  const code = textOf(properties[codeProperty]);
  const name = info.nameProperty ? textOf(properties[info.nameProperty]) || null : null;
  let areaCode: string | undefined;
  if (code === '')
    errors.push({
      line,
      column: `${path}.properties.${codeProperty}`,
      message: `Feature ${index} has no P-code in ${codeProperty}.`,
    });
  else {
    areaCode = options.resolveArea(code);
    if (areaCode === undefined)
      errors.push({
        line,
        column: `${path}.properties.${codeProperty}`,
        message: `Feature ${index}: ${code} is not an area of the platform.`,
      });
  }
  const geometry = checkGeometry(line, path, shape.data.geometry);
  if (Array.isArray(geometry)) errors.push(...geometry);
  return {
    index,
    ...(areaCode === undefined ? {} : { areaCode }),
    name,
    ...(Array.isArray(geometry) ? {} : { geometry }),
    errors,
  };
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

async function parseFeatureCollection(
  chunks: AsyncIterable<Uint8Array>,
  codeProperty: string | undefined,
): Promise<{ features: unknown[]; info: BoundaryInfo }> {
  const decoded = await decodeText(chunks);
  let text = '';
  for await (const piece of decoded.text) {
    text += piece;
    if (text.length > maxGeoJsonChars)
      throw new ExchangeError(
        'RECORD_TOO_LONG',
        `A GeoJSON file is read whole, and this one is longer than ${maxGeoJsonChars / 1024 / 1024} Mi characters: split it by country.`,
      );
  }
  if (text.trim() === '') throw new ExchangeError('EMPTY_FILE', 'The file is empty.');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ExchangeError('INVALID_JSON', 'The file is not valid JSON, so it is not GeoJSON.');
  }
  const collection = GeoJsonFeatureCollection.safeParse(json);
  if (!collection.success)
    throw new ExchangeError(
      'NOT_A_FEATURE_COLLECTION',
      'The file is JSON but not a GeoJSON FeatureCollection (an object with "type": "FeatureCollection" and "features").',
    );
  const features = collection.data.features;
  if (features.length === 0)
    throw new ExchangeError('EMPTY_FILE', 'The FeatureCollection has no features.');
  const properties = propertyNamesOf(features);
  const code =
    codeProperty === undefined
      ? detectCodeProperty(properties)
      : matchProperty(properties, codeProperty);
  if (codeProperty !== undefined && code === null)
    throw new ExchangeError(
      'NO_CODE_PROPERTY',
      `No feature has the property ${codeProperty}; they have ${properties.join(', ') || 'none'}.`,
    );
  return {
    features,
    info: {
      format: 'geojson',
      encoding: decoded.encoding,
      bom: decoded.bom,
      featureCount: features.length,
      properties,
      codeProperty: code,
      nameProperty: detectNameProperty(properties, code),
    },
  };
}

/** The property of that name, exactly or else ignoring case. */
function matchProperty(properties: readonly string[], wanted: string): string | null {
  if (properties.includes(wanted)) return wanted;
  return properties.find((p) => p.toLowerCase() === wanted.toLowerCase()) ?? null;
}
