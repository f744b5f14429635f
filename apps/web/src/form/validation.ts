import type { z } from 'zod';
import type { TFunction } from '../i18n/i18n.js';
import { pathKey } from './field-path.js';

/** Messages by field path (`sections.risks.risks.0.impact`), in the reader's language. */
export type FieldErrors = ReadonlyMap<string, string>;

export const noErrors: FieldErrors = new Map();

/** Validates `value` with `schema` and words every problem for the person who typed it. */
export function validate(schema: z.ZodType, value: unknown, t: TFunction): FieldErrors {
  const result = schema.safeParse(value);
  if (result.success) return noErrors;
  const errors = new Map<string, string>();
  for (const issue of result.error.issues) {
    const key = pathKey(issue.path.filter((part) => typeof part !== 'symbol'));
    if (!errors.has(key)) errors.set(key, issueMessage(t, issue));
  }
  return errors;
}

/** Problems the server reported, filed under the same paths (theirs are in English). */
export function serverErrors(
  issues: readonly { path: readonly (string | number)[]; message: string }[],
): FieldErrors {
  const errors = new Map<string, string>();
  for (const issue of issues) {
    const path = issue.path[0] === 'content' ? issue.path.slice(1) : issue.path;
    const key = pathKey(path);
    if (!errors.has(key)) errors.set(key, issue.message);
  }
  return errors;
}

export function mergeErrors(...all: FieldErrors[]): FieldErrors {
  const merged = new Map<string, string>();
  for (const errors of all) {
    for (const [key, message] of errors) if (!merged.has(key)) merged.set(key, message);
  }
  return merged;
}

/**
 * The error of a field: under its own path, or — for a value made of parts, like a table of
 * counts or a list of choices — under any part of it.
 */
export function errorOf(errors: FieldErrors, key: string, withParts: boolean): string | undefined {
  const own = errors.get(key);
  if (own !== undefined || !withParts) return own;
  for (const [path, message] of errors) if (path.startsWith(`${key}.`)) return message;
  return undefined;
}

type Issue = z.core.$ZodIssue;

function issueMessage(t: TFunction, issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return t('validation.required');
      if (issue.expected === 'int') return t('validation.wholeNumber');
      if (issue.expected === 'number') return t('validation.number');
      return t('validation.invalid');
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return t('validation.required');
      if (issue.origin === 'array' || issue.origin === 'set')
        return t('validation.tooFewItems', { count: minimum });
      return t('validation.tooSmall', { minimum });
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return t('validation.tooLong', { count: maximum });
      if (issue.origin === 'array' || issue.origin === 'set')
        return t('validation.tooManyItems', { count: maximum });
      return t('validation.tooBig', { maximum });
    }
    case 'invalid_value':
      return t('validation.choose');
    case 'invalid_format':
      return issue.format === 'date' ? t('validation.date') : t('validation.invalid');
    case 'unrecognized_keys':
      return t('validation.unknownField');
    default:
      return t('validation.invalid');
  }
}
