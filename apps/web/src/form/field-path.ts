/** Where a value sits in an assessment's content: `['sections', 'risks', 'risks', 0, 'impact']`. */
export type FieldPath = readonly (string | number)[];

/** The dotted key of a path, as errors are filed under: `sections.risks.risks.0.impact`. */
export function pathKey(path: FieldPath): string {
  return path.join('.');
}

/** An element id for the control at `path`, unique within one rendered form (`prefix`). */
export function fieldDomId(prefix: string, path: FieldPath): string {
  return `${prefix}-${pathKey(path).replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export function valueAt(root: unknown, path: FieldPath): unknown {
  let node = root;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

/**
 * A copy of `root` with the value at `path` replaced — removed when `value` is undefined, since
 * an empty field is absent, never an empty string. Objects and arrays on the way are copied;
 * everything else is shared.
 */
export function withValueAt<T>(root: T, path: FieldPath, value: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return value as T;
  if (Array.isArray(root)) {
    const copy: unknown[] = [...root];
    copy[head as number] = withValueAt(copy[head as number], rest, value);
    return copy as T;
  }
  const record: Record<string, unknown> =
    root !== null && typeof root === 'object' ? { ...(root as Record<string, unknown>) } : {};
  const next = withValueAt(record[head], rest, value);
  if (next === undefined) delete record[head];
  else record[head] = next;
  return record as T;
}
