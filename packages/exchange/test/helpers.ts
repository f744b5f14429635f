import { countries } from '@prevention/core';
import { demoPCode, syntheticCountries } from '../src/synthetic/index.js';

/** `npm run test:deep` sets PROPERTY_RUNS_SCALE to try many more cases than a default run. */
export const propertyRunsScale = Number(process.env.PROPERTY_RUNS_SCALE ?? 1);

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Bytes as an async stream of pieces of `size` bytes. */
export async function* inPieces(bytes: Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

/** Bytes split at the given offsets. */
export async function* splitAt(bytes: Uint8Array, offsets: readonly number[]) {
  let start = 0;
  for (const offset of [...offsets].sort((a, b) => a - b)) {
    yield bytes.slice(start, offset);
    start = offset;
  }
  yield bytes.slice(start);
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** What a writer wrote, as bytes in the writer's own chunks. */
export async function* encoded(chunks: AsyncIterable<string>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const chunk of chunks) yield encoder.encode(chunk);
}

export async function textOf(chunks: AsyncIterable<string>): Promise<string> {
  return (await collect(chunks)).join('');
}

const knownAreas = new Set<string>([
  ...countries.map((c) => c.code),
  ...syntheticCountries.flatMap((c) => c.admin1.map((_, i) => demoPCode(c, i))),
]);

/** Areas as the database would resolve them: ISO3 codes and the demo P-codes, case-insensitive. */
export const resolveArea = (code: string): string | undefined => {
  const upper = code.toUpperCase();
  return knownAreas.has(upper) ? upper : undefined;
};
