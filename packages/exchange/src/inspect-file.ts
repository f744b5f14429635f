import {
  inspectBoundaries,
  looksLikeJson,
  type BoundaryInfo,
} from './boundaries/boundary-reader.js';
import { inspect, type Inspection } from './inspect.js';
import { exchangeFormats, type ExchangeFormat } from './table.js';

/** Every format a file can be imported as: the three tables, and GeoJSON boundaries. */
export const fileFormats = [...exchangeFormats, 'geojson'] as const;
export type FileFormat = (typeof fileFormats)[number];

export type FileInspection =
  { kind: 'table'; inspection: Inspection } | { kind: 'boundaries'; info: BoundaryInfo };

/**
 * What a file is, whatever its format: GeoJSON when asked for or, unless a table format is
 * asked for, when it starts with `{`; otherwise one of the tables (see `inspect`).
 */
export async function inspectFile(
  chunks: AsyncIterable<Uint8Array>,
  options: { format?: FileFormat; codeProperty?: string } = {},
): Promise<FileInspection> {
  const { head, replay } = await peek(chunks);
  const json =
    options.format === 'geojson' || (options.format === undefined && looksLikeJson(head));
  if (json)
    return {
      kind: 'boundaries',
      info: await inspectBoundaries(
        replay,
        options.codeProperty ? { codeProperty: options.codeProperty } : {},
      ),
    };
  const format = options.format as ExchangeFormat | undefined;
  return { kind: 'table', inspection: await inspect(replay, format ? { format } : {}) };
}

/** The first bytes of a stream (at least 64, unless it is shorter), and the whole stream again. */
async function peek(
  chunks: AsyncIterable<Uint8Array>,
): Promise<{ head: Uint8Array; replay: AsyncIterable<Uint8Array> }> {
  const source = chunks[Symbol.asyncIterator]();
  const taken: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < 64) {
    const next = await source.next();
    if (next.done) {
      done = true;
      break;
    }
    taken.push(next.value);
    length += next.value.length;
  }
  const head = new Uint8Array(length);
  let offset = 0;
  for (const part of taken) {
    head.set(part, offset);
    offset += part.length;
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield* taken;
    if (done) return;
    for (;;) {
      const next = await source.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, replay: replay() };
}
