import type { z } from 'zod';

/**
 * Answers that many requests share: the HQ views' cache (`RiskViewCache`) gives every reader of
 * one key the very same object for a few seconds. tRPC validates a procedure's output on every
 * call and the HTTP layer serialises it on every call; for the overview's 193 rows that was most
 * of a cached answer's cost (about 7 ms each, under load). An output schema made with
 * `validatedOnce` validates a given object once and hands back the same parsed object after
 * that, and `sharedAnswerJson` serialises such a parsed object once.
 *
 * Sound because a shared answer is never changed: the parsed object is frozen, all the way down,
 * before anyone else sees it, and the cache replaces answers rather than editing them.
 */
const shared = new WeakSet<object>();
const jsonOf = new WeakMap<object, string>();

/** A Standard Schema, which tRPC takes as a parser, with the same types as `schema`. */
export interface ValidatedOnce<S extends z.ZodType> {
  readonly '~standard': S['~standard'];
  /** The Zod schema itself, for whoever describes the API (its shape is this schema's). */
  readonly schema: S;
}

export function validatedOnce<S extends z.ZodType>(schema: S): ValidatedOnce<S> {
  const memo = new WeakMap<object, unknown>();
  return {
    schema,
    '~standard': {
      ...schema['~standard'],
      validate(value) {
        if (typeof value === 'object' && value !== null) {
          const known = memo.get(value);
          if (known !== undefined) return { value: known as z.output<S> };
        }
        const result = schema.safeParse(value);
        if (!result.success) return { issues: result.error.issues };
        const parsed = result.data;
        if (typeof value === 'object' && value !== null && isObject(parsed)) {
          deepFreeze(parsed);
          shared.add(parsed);
          memo.set(value, parsed);
        }
        return { value: parsed };
      },
    },
  };
}

/**
 * The JSON of an answer `validatedOnce` has parsed, serialised the first time it is asked for;
 * undefined for any other value (the caller serialises it as usual).
 */
export function sharedAnswerJson(value: unknown): string | undefined {
  if (!isObject(value) || !shared.has(value)) return undefined;
  let json = jsonOf.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    jsonOf.set(value, json);
  }
  return json;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function deepFreeze(value: object): void {
  if (Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const member of Object.values(value)) {
    if (isObject(member)) deepFreeze(member);
  }
}
