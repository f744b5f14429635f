import { FieldPath, FieldSensitivity } from '@prevention/core';
import { z } from 'zod';

/**
 * Text the database can store as it was sent: no NUL character (PostgreSQL text cannot hold one)
 * and no unpaired UTF-16 surrogate (it would not survive as UTF-8, and jsonb refuses it).
 */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !loneSurrogate.test(value);
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function safeText(min: number, max: number) {
  return z
    .string()
    .min(min)
    .max(max)
    .refine(isStorableText, 'Contains characters that cannot be stored');
}

/** Keys that would reach an object's prototype if a careless consumer assigned them. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

export const jsonObjectLimits = { maxBytes: 64 * 1024, maxDepth: 12, maxNodes: 5000 } as const;

/**
 * A JSON object of bounded size and depth with storable text: the payload of a record until its
 * pillar's schema validates it.
 */
export const JsonObject = z.custom<Record<string, unknown>>().superRefine((value, ctx) => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: 'Expected a JSON object' });
    return;
  }
  let nodes = 0;
  const problem = (node: unknown, depth: number): string | undefined => {
    nodes += 1;
    if (nodes > jsonObjectLimits.maxNodes) return 'Too many values';
    if (depth > jsonObjectLimits.maxDepth) return 'Nested too deeply';
    if (node === null || typeof node === 'boolean') return undefined;
    if (typeof node === 'number') return Number.isFinite(node) ? undefined : 'Not a finite number';
    if (typeof node === 'string') return isStorableText(node) ? undefined : 'Text cannot be stored';
    if (Array.isArray(node)) {
      for (const item of node) {
        const found = problem(item, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    if (typeof node === 'object' && Object.getPrototypeOf(node) === Object.prototype) {
      for (const [key, item] of Object.entries(node)) {
        if (forbiddenKeys.has(key) || !isStorableText(key))
          return `The key ${JSON.stringify(key.slice(0, 40))} is not allowed`;
        const found = problem(item, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    return 'Not a JSON value';
  };
  const found = problem(value, 0);
  if (found) {
    ctx.addIssue({ code: 'custom', message: found });
    return;
  }
  if (Buffer.byteLength(JSON.stringify(value)) > jsonObjectLimits.maxBytes) {
    ctx.addIssue({ code: 'custom', message: `Larger than ${jsonObjectLimits.maxBytes} bytes` });
  }
});

/** The field sensitivity map of a record, bounded. */
export const BoundedFieldSensitivity = FieldSensitivity.refine(
  (map) => Object.keys(map).length <= 200,
  'At most 200 field paths',
).refine(
  (map) =>
    Object.keys(map).every(
      (path) =>
        path.length <= 200 &&
        FieldPath.safeParse(path).success &&
        path.split(/[.[\]]+/).every((segment) => !forbiddenKeys.has(segment)),
    ),
  'A field path is too long or not allowed',
);

/**
 * Where a JSON value holds text the database cannot store (a NUL, a lone surrogate), in a key or
 * a string: the path to the first such place, or null when all of it can be stored.
 */
export function unstorablePath(value: unknown): (string | number)[] | null {
  if (typeof value === 'string') return isStorableText(value) ? null : [];
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorablePath(item);
      if (found) return [index, ...found];
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) return [key];
      const found = unstorablePath(item);
      if (found) return [key, ...found];
    }
  }
  return null;
}
