import { describe, expect, it } from 'vitest';
import { AppError, Id, isCleared, newId, stricterSensitivity } from '../src/index.js';

describe('ids', () => {
  it('generates valid, distinct UUIDv7 values', () => {
    const ids = Array.from({ length: 1000 }, () => newId());
    for (const id of ids) expect(Id.safeParse(id).success).toBe(true);
    expect(ids[0]?.[14]).toBe('7');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sorts ids by creation time', () => {
    const earlier = newId(Date.UTC(2026, 0, 1));
    const later = newId(Date.UTC(2026, 0, 2));
    expect(earlier < later).toBe(true);
  });

  it('is deterministic when time and randomness are given', () => {
    const random = new Uint8Array(10).fill(7);
    expect(newId(0, random)).toBe(newId(0, random));
    expect(newId(0, random)).toBe('00000000-0000-7707-8707-070707070707');
  });

  it('never repeats random bytes across refills of the pool it draws them from', () => {
    // 10 bytes an id and a 4 KiB pool: 2,000 ids refill it four times.
    const tails = Array.from({ length: 2000 }, () => newId(0).slice(19));
    expect(new Set(tails).size).toBe(tails.length);
  });
});

describe('sensitivity', () => {
  it('orders the four IASC levels', () => {
    expect(isCleared('confidential', 'restricted')).toBe(true);
    expect(isCleared('restricted', 'strictly-confidential')).toBe(false);
    expect(stricterSensitivity('public', 'confidential')).toBe('confidential');
  });
});

describe('AppError', () => {
  it('keeps the internal cause apart from the safe message', () => {
    const error = new AppError('CONFLICT', 'The record changed.', {
      cause: new Error('SQL detail'),
    });
    expect(error.message).toBe('The record changed.');
    expect(error.code).toBe('CONFLICT');
    expect((error.cause as Error).message).toBe('SQL detail');
  });
});
