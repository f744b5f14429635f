import type { PillarId } from '@prevention/core';

export type { PillarId };

/**
 * The pillars the platform ships, in the order every plan page lists them. The set is open; a
 * plan that names another pillar shows it by its id.
 */
export const pillarIds: readonly PillarId[] = ['peace-security', 'development', 'human-rights'];
