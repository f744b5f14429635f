import { z } from 'zod';

/**
 * A pillar, by id. The set is open: the platform ships `peace-security`, `development` and
 * `human-rights`, and a module that implements the pillar contract can add another (say,
 * `humanitarian`) without touching them.
 */
export const PillarId = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'Expected a pillar id in kebab-case, e.g. human-rights');
export type PillarId = z.infer<typeof PillarId>;
