import { readFileSync } from 'node:fs';

/** The server package's version; `src/` and `dist/` both sit one level below package.json. */
export const serverVersion: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
