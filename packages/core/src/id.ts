import { z } from 'zod';

/**
 * Record ids are UUID version 7 (RFC 9562): time-ordered, so new rows land at the end of
 * an index, and safe to generate on a disconnected client, which is what lets an offline
 * draft keep its id when it finally reaches the server.
 */
export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** Two hex digits for each byte value, so that writing an id is a lookup per byte. */
const hexOfByte = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** A new UUIDv7; `now` (milliseconds since the epoch) is injectable for deterministic data. */
export function newId(now: number = Date.now(), random?: Uint8Array): Id {
  if (random !== undefined && random.length < 10)
    throw new RangeError('newId needs 10 random bytes');
  const bytes = new Uint8Array(16);
  let time = Math.max(0, Math.floor(now));
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = time % 256;
    time = Math.floor(time / 256);
  }
  if (random === undefined) fillRandom(bytes, 6, 10);
  else bytes.set(random.subarray(0, 10), 6);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f); // version 7
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f); // RFC 9562 variant
  let id = '';
  for (let i = 0; i < 16; i += 1) {
    if (i === 4 || i === 6 || i === 8 || i === 10) id += '-';
    id += hexOfByte[bytes[i] ?? 0];
  }
  return id;
}

/** The Web Crypto API, present in browsers and in Node.js ≥ 19 as a global. */
interface WebCrypto {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

/**
 * Random bytes are drawn from the system a few kilobytes at a time: one `getRandomValues` call
 * costs about as much as hashing a short text, and an import asks for an id per row.
 */
const pool = new Uint8Array(4096);
let poolOffset = pool.length;

/** Writes `length` fresh random bytes into `target` from `at`; each pool byte is used once. */
function fillRandom(target: Uint8Array, at: number, length: number): void {
  if (poolOffset + length > pool.length) {
    const { crypto } = globalThis as unknown as { crypto: WebCrypto };
    crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  target.set(pool.subarray(poolOffset, poolOffset + length), at);
  poolOffset += length;
}
