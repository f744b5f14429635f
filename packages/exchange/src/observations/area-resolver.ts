/**
 * Turns a code found in a file (an ISO 3166-1 alpha-3 code or a P-code) into the code of an
 * area the platform knows, or undefined when it knows none. Areas live in the database, so the
 * caller supplies this; `Set`-backed lookups or a case-folding map both fit.
 */
export type ResolveArea = (code: string) => string | undefined;

export function unknownAreaMessage(code: string): string {
  return code === '' ? 'An area code is required' : `No known area has the code ${code}`;
}
