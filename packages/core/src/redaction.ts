import { z } from 'zod';
import { isCleared, Sensitivity } from './sensitivity.js';

/**
 * Field-level sensitivity and its enforcement. A record says how sensitive each of its fields is
 * with a map from field path to level; paths are dotted, and `[]` addresses every element of an
 * array (`victims[].name`). A field above the reader's clearance is not removed silently: it is
 * replaced by a marker that says something is withheld and at which level, so the reader knows
 * to ask rather than assume there is nothing.
 */
export const FieldPath = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]*(\[\])?(\.[A-Za-z_][A-Za-z0-9_]*(\[\])?)*$/,
    'Expected a field path such as victims[].name',
  );
export type FieldPath = z.infer<typeof FieldPath>;

export const FieldSensitivity = z.record(FieldPath, Sensitivity);
export type FieldSensitivity = z.infer<typeof FieldSensitivity>;

export const Withheld = z.object({ withheld: z.literal(true), sensitivity: Sensitivity });
export type Withheld = z.infer<typeof Withheld>;

export function withheld(sensitivity: Sensitivity): Withheld {
  return { withheld: true, sensitivity };
}

export function isWithheld(value: unknown): value is Withheld {
  return Withheld.safeParse(value).success;
}

/** A schema for a field that may come back withheld. */
export function orWithheld<T extends z.ZodType>(schema: T) {
  return z.union([schema, Withheld]);
}

export interface RedactionResult<T> {
  value: T;
  /** The paths that were withheld, for audit and for an honest "n fields withheld" in the UI. */
  withheldPaths: string[];
}

/**
 * Returns a copy of `value` in which every field whose sensitivity is above `clearance` is
 * replaced by a `Withheld` marker. `value` itself is never changed.
 */
export function redactFields<T>(
  value: T,
  fieldSensitivity: FieldSensitivity,
  clearance: Sensitivity,
): RedactionResult<T> {
  const withheldPaths: string[] = [];
  let result: unknown = value;
  for (const [path, level] of Object.entries(fieldSensitivity)) {
    if (isCleared(clearance, level)) continue;
    result = redactPath(result, path.split('.'), level, '', withheldPaths);
  }
  return { value: result as T, withheldPaths };
}

function redactPath(
  node: unknown,
  segments: string[],
  level: Sensitivity,
  at: string,
  found: string[],
): unknown {
  const [segment, ...rest] = segments;
  if (segment === undefined || node === null || typeof node !== 'object') return node;
  const each = segment.endsWith('[]');
  const key = each ? segment.slice(0, -2) : segment;
  if (!Object.hasOwn(node, key)) return node;
  const record = node as Record<string, unknown>;
  const child = record[key];
  const path = at ? `${at}.${key}` : key;

  let replaced: unknown;
  if (each) {
    if (!Array.isArray(child)) return node;
    replaced = child.map((item, index) =>
      rest.length === 0
        ? mark(level, `${path}[${index}]`, found)
        : redactPath(item, rest, level, `${path}[${index}]`, found),
    );
  } else {
    replaced =
      rest.length === 0 ? mark(level, path, found) : redactPath(child, rest, level, path, found);
  }
  return Array.isArray(node) ? node : { ...record, [key]: replaced };
}

function mark(level: Sensitivity, path: string, found: string[]): Withheld {
  found.push(path);
  return withheld(level);
}
