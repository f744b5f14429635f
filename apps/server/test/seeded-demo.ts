import { cp } from 'node:fs/promises';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An embedded data directory `prevention seed` left, for `copySeededDemo`. */
    seededDemoDataDir: string;
  }
}

/**
 * Copies the run's seeded demo data directory to `target` (which must not exist): a database as
 * `prevention seed` leaves it, of the caller's own to change.
 */
export async function copySeededDemo(target: string): Promise<void> {
  await cp(inject('seededDemoDataDir'), target, {
    recursive: true,
    errorOnExist: true,
    force: false,
  });
}
