import { z } from 'zod';

/**
 * Whether a field path (`victims[].name`) names a field of a Zod schema. Used to check, when a
 * pillar is defined, that every default field sensitivity points at a real payload field: a
 * typo there would silently leave a victim's name unprotected.
 */
export function schemaHasPath(schema: z.ZodType, path: string): boolean {
  return reaches(schema, path.split('.'));
}

function reaches(schema: z.ZodType, segments: readonly string[]): boolean {
  const [segment, ...rest] = segments;
  if (segment === undefined) return true;
  const inner = unwrap(schema);
  if (inner instanceof z.ZodUnion)
    return inner.options.some((option) => reaches(option as z.ZodType, segments));
  if (!(inner instanceof z.ZodObject)) return false;
  const each = segment.endsWith('[]');
  const key = each ? segment.slice(0, -2) : segment;
  const child = (inner.shape as Record<string, z.ZodType | undefined>)[key];
  if (!child) return false;
  if (!each) return reaches(child, rest);
  const array = unwrap(child);
  return array instanceof z.ZodArray && reaches(array.element as z.ZodType, rest);
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodDefault
    )
      current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = current.in as z.ZodType;
    else return current;
  }
}
