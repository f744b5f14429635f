import { describe, expect, it } from 'vitest';
import { decodeText, ExchangeError } from '../src/index.js';
import { collect, inPieces, splitAt, utf8 } from './helpers.js';

async function decode(chunks: AsyncIterable<Uint8Array>) {
  const decoded = await decodeText(chunks);
  return { ...decoded, text: (await collect(decoded.text)).join('') };
}

describe('decodeText', () => {
  it('strips a UTF-8 byte order mark and reports it', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a,b\n')]);
    const result = await decode(inPieces(bytes, 2));
    expect(result).toMatchObject({ encoding: 'utf-8', bom: true, text: 'a,b\n' });
  });

  it('reads a file that is not UTF-8 at its start as windows-1252 (Latin-1)', async () => {
    const bytes = new Uint8Array([...utf8('S'), 0xe9, ...utf8('gou,'), 0x80, ...utf8('\n')]);
    const result = await decode(inPieces(bytes));
    expect(result).toMatchObject({ encoding: 'windows-1252', bom: false, text: 'Ségou,€\n' });
  });

  it('keeps a multi-byte character whole when a chunk boundary splits it', async () => {
    const bytes = utf8('Ménaka,Tombouctou ✓\n');
    for (let offset = 1; offset < bytes.length; offset += 1) {
      const result = await decode(splitAt(bytes, [offset]));
      expect(result.text).toBe('Ménaka,Tombouctou ✓\n');
    }
  });

  it('normalises CRLF and lone CR to LF, even split across chunks', async () => {
    const bytes = utf8('a\r\nb\rc\r\n');
    for (let offset = 1; offset < bytes.length; offset += 1)
      expect((await decode(splitAt(bytes, [offset]))).text).toBe('a\nb\nc\n');
  });

  it('fails naming the line when invalid UTF-8 follows a UTF-8 start', async () => {
    const start = utf8(`${'x,y\n'.repeat(20_000)}`); // 80 KB, past the 64 KiB prefix
    const bytes = new Uint8Array([...start, ...utf8('ok\nbad '), 0xff, ...utf8('\n')]);
    const error = await decode(inPieces(bytes, 4096)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExchangeError);
    expect(error).toMatchObject({ reason: 'INVALID_UTF8', line: 20_002 });
    expect((error as Error).message).toContain('Line 20002');
  });
});
