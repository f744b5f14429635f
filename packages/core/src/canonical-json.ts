/**
 * A canonical JSON text of a value: object keys sorted by UTF-16 code units, no whitespace,
 * numbers and strings as `JSON.stringify` writes them (the serialisation of RFC 8785, JCS). Two
 * values that are equal as JSON give the same text, whatever the order their keys were written
 * in or the way the database handed them back, which is what makes a hash over it repeatable.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('Canonical JSON has no infinite numbers');
    return JSON.stringify(value);
  }
  // Loops and concatenation rather than entries/map/join: every synced item is hashed through
  // here, and the intermediate arrays were most of its cost.
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) text += ',';
      text += canonicalJson(value[index]);
    }
    return `${text}]`;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // The default sort compares UTF-16 code units, as JCS requires.
    const keys = Object.keys(record).sort();
    let text = '{';
    for (const key of keys) {
      const item = record[key];
      if (item === undefined) continue;
      if (text.length > 1) text += ',';
      text += `${JSON.stringify(key)}:${canonicalJson(item)}`;
    }
    return `${text}}`;
  }
  throw new TypeError(`Canonical JSON cannot hold a ${typeof value}`);
}

/**
 * Whether two values are the same as JSON — `canonicalJson(a) === canonicalJson(b)`, without
 * writing either text: keys in any order, members whose value is undefined absent. Where
 * `canonicalJson` would refuse a value (undefined in an array or alone, a non-finite number), it
 * compares as `JSON.stringify` writes it: null. Diffs and change detection compare every section
 * of an assessment on each save, so this walks the values instead.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  const x = asJsonScalar(a);
  const y = asJsonScalar(b);
  if (x === y) return true;
  if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') return false;
  if (Array.isArray(x) || Array.isArray(y)) {
    return (
      Array.isArray(x) &&
      Array.isArray(y) &&
      x.length === y.length &&
      x.every((item, index) => jsonEqual(item, y[index]))
    );
  }
  const left = x as Record<string, unknown>;
  const right = y as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  const rightCount = Object.keys(right).filter((key) => right[key] !== undefined).length;
  return (
    keys.length === rightCount &&
    keys.every(
      (key) =>
        Object.hasOwn(right, key) && right[key] !== undefined && jsonEqual(left[key], right[key]),
    )
  );
}

/** What JSON writes as null reads as null here; everything else is itself. */
function asJsonScalar(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}
