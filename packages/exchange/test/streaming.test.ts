import { describe, expect, it } from 'vitest';
import { readObservationCsv } from '../src/index.js';
import { generateSyntheticAcled } from '../src/synthetic/index.js';
import { resolveArea } from './helpers.js';

/** A file of `rows` bad rows, made as it is read, counting the bytes handed out. */
function badFile(rows: number) {
  const encoder = new TextEncoder();
  const counter = { bytes: 0 };
  async function* chunks() {
    const header = encoder.encode('area,month,indicator,value\n');
    counter.bytes += header.length;
    yield header;
    for (let i = 0; i < rows; i += 100) {
      const block = encoder.encode('XX01,2026-13,nope.nope,abc\n'.repeat(100));
      counter.bytes += block.length;
      yield block;
    }
  }
  return { chunks: chunks(), counter, total: 27 + rows * 27 };
}

describe('streaming', () => {
  it('reports 10,000 bad rows one by one while the file is still being read', async () => {
    const file = badFile(10_000);
    const reading = await readObservationCsv(file.chunks, { resolveArea, source: 's' });
    let failures = 0;
    let readWhenFirstFailed = 0;
    let lastLine = 0;
    for await (const row of reading.rows) {
      if (row.ok) continue;
      if (failures === 0) readWhenFirstFailed = file.counter.bytes;
      failures += 1;
      lastLine = row.line;
      expect(row.errors.map((e) => e.column)).toEqual(['area', 'month', 'value', 'indicator']);
    }
    expect(failures).toBe(10_000);
    expect(lastLine).toBe(10_001);
    // Only the 64 KiB prefix (and a chunk) had been read when the first failure came out.
    expect(readWhenFirstFailed).toBeLessThan(80 * 1024);
    expect(readWhenFirstFailed).toBeLessThan(file.total / 3);
  });

  it('writes the header of a large synthetic file at once and keeps memory flat', async () => {
    const writer = generateSyntheticAcled({ seed: 1, rows: 200_000 });
    const first = await writer.next();
    expect(first.value).toMatch(/^event_id_cnty,event_date,/);
    const before = process.memoryUsage().heapUsed;
    let chars = 0;
    let biggest = 0;
    for await (const chunk of writer) {
      chars += chunk.length;
      biggest = Math.max(biggest, chunk.length);
    }
    expect(chars).toBeGreaterThan(50_000_000);
    expect(biggest).toBeLessThan(256 * 1024);
    // The whole file is ~60 MB of text; holding it would grow the heap by well over that.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(40 * 1024 * 1024);
  }, 60_000);
});
