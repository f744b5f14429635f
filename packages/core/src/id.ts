import { z } from 'zod';

/**
 * Record ids are UUID version 7 (RFC 9562): time-ordered, so new rows land at the end of
 * an index, and safe to generate on a disconnected client, which is what lets an offline
 * draft keep its id when it finally reaches the server.
 */
export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** A new UUIDv7; `now` (milliseconds since the epoch) is injectable for deterministic data. */
export function newId(now: number = Date.now(), random: Uint8Array = randomBytes(10)): Id {
  if (random.length < 10) throw new RangeError('newId needs 10 random bytes');
  const bytes = new Uint8Array(16);
  let time = Math.max(0, Math.floor(now));
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = time % 256;
    time = Math.floor(time / 256);
  }
  bytes.set(random.subarray(0, 10), 6);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f); // version 7
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f); // RFC 9562 variant
  const h = hex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The Web Crypto API, present in browsers and in Node.js ≥ 19 as a global. */
interface WebCrypto {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

function randomBytes(length: number): Uint8Array {
  const { crypto } = globalThis as unknown as { crypto: WebCrypto };
  return crypto.getRandomValues(new Uint8Array(length));
}
