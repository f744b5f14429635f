import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { informMid2018Columns, parseCsv } from '../src/index.js';

/**
 * The INFORM mid-2018 release (v0.3.4), as INFORM published it: read from the shared fixtures
 * beside the repository (`../shared/fixtures`), never copied into it. A test that needs it fails
 * when it is missing rather than skipping.
 */
const releasePath = fileURLToPath(
  new URL('../../../../shared/fixtures/inform/INFORM_Mid2018_v034.csv', import.meta.url),
);

export interface ReleaseRow {
  country: string;
  iso3: string;
  /** Published scores by node id; null where the release has `x` (missing). */
  scores: Record<string, number | null>;
}

export interface InformRelease {
  header: string[];
  rows: ReleaseRow[];
}

export function readInformMid2018(): InformRelease {
  if (!existsSync(releasePath))
    throw new Error(
      `The INFORM mid-2018 release is not at ${releasePath}: the shared fixtures belong beside the repository, in ../shared/fixtures.`,
    );
  const [header = [], ...lines] = parseCsv(readFileSync(releasePath, 'latin1'));
  const column = (name: string) => header.indexOf(name);
  // The table ends with empty rows and a footnote, which have no ISO3 code.
  const rows = lines
    .filter((line) => (line[column('ISO3')] ?? '').trim() !== '')
    .map((line) => ({
      country: line[column('COUNTRY')] ?? '',
      iso3: line[column('ISO3')] ?? '',
      scores: Object.fromEntries(
        Object.entries(informMid2018Columns).map(([name, id]) => [
          id,
          publishedScore(line[column(name)], name),
        ]),
      ),
    }));
  return { header, rows };
}

function publishedScore(cell: string | undefined, column: string): number | null {
  const text = (cell ?? '').trim();
  if (text === 'x') return null;
  const value = Number(text);
  if (text === '' || !Number.isFinite(value))
    throw new Error(`The release has "${text}" in column ${column}, which is not a score`);
  return value;
}
