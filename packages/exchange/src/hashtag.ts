/**
 * HXL hashtags: `#tag+attribute+attribute`. Tags and attributes are lower-cased, whitespace
 * around them is ignored, and attribute order does not matter, so attributes are kept as a
 * sorted set and `format` gives one canonical spelling.
 */
export interface Hashtag {
  tag: string;
  attributes: readonly string[];
}

const namePattern = /^[a-z][a-z0-9_]*$/;

/** The hashtag in a cell, or undefined when the cell is not one (an empty cell is not). */
export function parseHashtag(cell: string): Hashtag | undefined {
  const text = cell.trim().toLowerCase();
  if (!text.startsWith('#')) return undefined;
  const [tagPart = '', ...attributeParts] = text.slice(1).split('+');
  const tag = tagPart.trim();
  if (!namePattern.test(tag)) return undefined;
  const attributes = new Set<string>();
  for (const part of attributeParts) {
    const attribute = part.trim();
    if (!namePattern.test(attribute)) return undefined;
    attributes.add(attribute);
  }
  return { tag, attributes: [...attributes].sort() };
}

export function formatHashtag(hashtag: Hashtag): string {
  return ['#' + hashtag.tag, ...hashtag.attributes].join('+');
}

/**
 * Whether `column` matches `pattern` as libhxl's tag patterns do: the same tag, and every
 * attribute of the pattern among the column's (the column may have more).
 */
export function matchesHashtag(column: Hashtag, pattern: Hashtag): boolean {
  return (
    column.tag === pattern.tag && pattern.attributes.every((a) => column.attributes.includes(a))
  );
}

/**
 * libhxl's test for the hashtag row: at least half of the row's non-empty cells are hashtags
 * (and there is at least one).
 */
export function isHashtagRow(cells: readonly string[]): boolean {
  const filled = cells.filter((cell) => cell.trim() !== '');
  if (filled.length === 0) return false;
  const tags = filled.filter((cell) => parseHashtag(cell) !== undefined).length;
  return tags > 0 && tags * 2 >= filled.length;
}
