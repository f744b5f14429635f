import { matchesHashtag, parseHashtag, type Hashtag } from '../hashtag.js';
import type { TableColumn } from '../table.js';

/** A tagged column with its parsed hashtag. */
export interface TaggedColumn {
  index: number;
  header: string;
  hashtag: Hashtag;
  /** Canonical spelling, the column's name in row errors. */
  name: string;
}

export function taggedColumns(columns: readonly TableColumn[]): TaggedColumn[] {
  return columns.flatMap((column) => {
    const hashtag = column.hashtag ? parseHashtag(column.hashtag) : undefined;
    return hashtag && column.hashtag
      ? [{ index: column.index, header: column.header, hashtag, name: column.hashtag }]
      : [];
  });
}

/** The first column matching `pattern`, as libhxl picks a column by tag pattern. */
export function firstMatch(
  columns: readonly TaggedColumn[],
  pattern: string,
): TaggedColumn | undefined {
  const wanted = parseHashtag(pattern);
  return wanted ? columns.find((c) => matchesHashtag(c.hashtag, wanted)) : undefined;
}
