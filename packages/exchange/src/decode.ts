import { ExchangeError } from './exchange-error.js';

/** The character encodings the readers recognise. Latin-1 is read as its superset windows-1252. */
export type TextEncodingName = 'utf-8' | 'windows-1252';

export interface DecodedText {
  encoding: TextEncodingName;
  /** Whether the file started with a UTF-8 byte order mark (removed from the text). */
  bom: boolean;
  /** The text in pieces, line breaks normalised to `\n` (CRLF and a lone CR each become one). */
  text: AsyncIterable<string>;
}

/** How much of the start of a file decides its encoding. */
export const encodingPrefixBytes = 64 * 1024;

/**
 * Decodes bytes as UTF-8 (with or without a BOM) or, when the first 64 KiB are not valid UTF-8,
 * as windows-1252. Invalid UTF-8 after that prefix is an `INVALID_UTF8` error naming its line.
 * Only the prefix is held in memory; the rest streams through.
 */
export async function decodeText(chunks: AsyncIterable<Uint8Array>): Promise<DecodedText> {
  const source = chunks[Symbol.asyncIterator]();
  const prefix: Uint8Array[] = [];
  let prefixLength = 0;
  let exhausted = false;
  while (prefixLength < encodingPrefixBytes) {
    const next = await source.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    prefix.push(next.value);
    prefixLength += next.value.length;
  }
  const head = concat(prefix, prefixLength);
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const encoding: TextEncodingName = isValidUtf8Prefix(head, exhausted) ? 'utf-8' : 'windows-1252';
  return { encoding, bom, text: normaliseLineBreaks(decodeAll(encoding, head, source, exhausted)) };
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function isValidUtf8Prefix(bytes: Uint8Array, complete: boolean): boolean {
  try {
    // `stream: true` lets a character cut off at the end of the prefix wait for its last bytes.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

async function* decodeAll(
  encoding: TextEncodingName,
  head: Uint8Array,
  rest: AsyncIterator<Uint8Array>,
  exhausted: boolean,
): AsyncGenerator<string> {
  if (encoding === 'windows-1252') {
    yield decodeWindows1252(head);
    if (exhausted) return;
    for (;;) {
      const next = await rest.next();
      if (next.done) return;
      yield decodeWindows1252(next.value);
    }
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const lines = new LineCounter();
  const decode = (bytes: Uint8Array, last: boolean): string => {
    try {
      const text = decoder.decode(bytes, { stream: !last });
      lines.count(bytes);
      return text;
    } catch {
      const line = lines.lineAt(bytes, firstInvalidUtf8Offset(bytes));
      throw new ExchangeError(
        'INVALID_UTF8',
        `Line ${line} is not valid UTF-8, although the start of the file is. Save the file as UTF-8 throughout.`,
        line,
      );
    }
  };
  yield decode(head, exhausted);
  if (exhausted) return;
  for (;;) {
    const next = await rest.next();
    if (next.done) break;
    const text = decode(next.value, false);
    if (text) yield text;
  }
  const tail = decode(new Uint8Array(0), true);
  if (tail) yield tail;
}

/**
 * What bytes 0x80–0x9F mean in windows-1252 (the rest is Latin-1, byte = code point). Decoded
 * here rather than by `TextDecoder('windows-1252')`, which some Node builds without full ICU
 * treat as ISO 8859-1 (0x80 → U+0080 instead of €).
 */
const windows1252High =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const codes = Array.from(bytes.subarray(start, start + 8192), (b) =>
      b >= 0x80 && b <= 0x9f ? windows1252High.charCodeAt(b - 0x80) : b,
    );
    text += String.fromCharCode(...codes);
  }
  return text;
}

/** Counts line breaks in raw bytes (LF, CRLF or a lone CR), across chunk boundaries. */
class LineCounter {
  private breaks = 0;
  private pendingCr = false;

  count(bytes: Uint8Array): void {
    for (const byte of bytes) this.step(byte);
  }

  /** The 1-based line of byte `offset` of `bytes`, which have not been counted yet. */
  lineAt(bytes: Uint8Array, offset: number): number {
    for (let i = 0; i < offset && i < bytes.length; i += 1) this.step(bytes[i] ?? 0);
    return this.breaks + (this.pendingCr ? 1 : 0) + 1;
  }

  private step(byte: number): void {
    if (byte === 0x0a) {
      this.breaks += 1;
      this.pendingCr = false;
    } else {
      if (this.pendingCr) this.breaks += 1;
      this.pendingCr = byte === 0x0d;
    }
  }
}

/**
 * The offset of the first byte that cannot be part of well-formed UTF-8. Continuation bytes at
 * the very start are taken to finish a character begun in the previous chunk.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < 3 && i < bytes.length && ((bytes[i] ?? 0) & 0xc0) === 0x80) i += 1;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const width =
      b < 0x80
        ? 1
        : b >= 0xc2 && b <= 0xdf
          ? 2
          : b >= 0xe0 && b <= 0xef
            ? 3
            : b >= 0xf0 && b <= 0xf4
              ? 4
              : 0;
    if (width === 0) return i;
    for (let k = 1; k < width; k += 1) {
      if (i + k >= bytes.length) return bytes.length;
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    }
    i += width;
  }
  return bytes.length;
}

/** CRLF and lone CR become LF, even when a CRLF is split across two pieces. */
async function* normaliseLineBreaks(pieces: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = '';
  for await (const piece of pieces) {
    let text = carry + piece;
    carry = '';
    if (text.endsWith('\r')) {
      carry = '\r';
      text = text.slice(0, -1);
    }
    if (text) yield text.replace(/\r\n?/g, '\n');
  }
  if (carry) yield '\n';
}
