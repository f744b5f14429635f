import { CountryCode } from '@prevention/core';
import { z } from 'zod';
import { Alert } from './alert.js';
import { isOverdue, isSnoozed } from './alert-timing.js';
import { AlertLevel, alertLevelRank, alertLevels } from './rule.js';

export const DigestItem = Alert.pick({
  id: true,
  ruleId: true,
  areaCode: true,
  countryCode: true,
  level: true,
  status: true,
  period: true,
  raisedAt: true,
  acknowledgeBy: true,
});
export type DigestItem = z.infer<typeof DigestItem>;

export const DigestLevel = z.object({
  level: AlertLevel,
  /** Open and past their acknowledge-by time. */
  overdue: z.array(DigestItem),
  /** Raised since the day before. */
  new: z.array(DigestItem),
  /** Raised earlier, fired again since the day before (which is when a level rises). */
  updated: z.array(DigestItem),
});
export type DigestLevel = z.infer<typeof DigestLevel>;

export const Digest = z.object({
  since: z.iso.datetime(),
  until: z.iso.datetime(),
  counts: z.object({
    overdue: z.number().int().min(0),
    new: z.number().int().min(0),
    updated: z.number().int().min(0),
  }),
  /** Countries by their highest level, then code; within each, levels from urgent down. */
  countries: z.array(
    z.object({ countryCode: CountryCode, highestLevel: AlertLevel, levels: z.array(DigestLevel) }),
  ),
});
export type Digest = z.infer<typeof Digest>;

const dayMs = 24 * 60 * 60 * 1000;

/**
 * One user's daily digest, in the app rather than one message per alert: of `alerts` (the ones
 * the user may read, as the store lists them), those overdue now, those raised in the 24 hours
 * before `now`, and those fired again in those hours, grouped by country and level. Each alert is
 * listed once, under the first of overdue, new and updated that applies; closed and snoozed
 * alerts are left out. `Alert` does not record when its level last rose, so a raised level shows
 * as an update at its new level.
 */
export function dailyDigest(alerts: readonly Alert[], now: Date): Digest {
  const until = now.getTime();
  const since = until - dayMs;
  const within = (at: string) => {
    const t = Date.parse(at);
    return t > since && t <= until;
  };
  const groups = new Map<string, Map<AlertLevel, DigestLevel>>();
  const counts = { overdue: 0, new: 0, updated: 0 };
  const sorted = [...alerts].sort((a, b) => Date.parse(a.raisedAt) - Date.parse(b.raisedAt));
  for (const alert of sorted) {
    if (alert.status === 'closed' || isSnoozed(alert, now)) continue;
    const kind = isOverdue(alert, now)
      ? 'overdue'
      : within(alert.raisedAt)
        ? 'new'
        : within(alert.updatedAt)
          ? 'updated'
          : null;
    if (kind === null) continue;
    const byLevel = groups.get(alert.countryCode) ?? new Map<AlertLevel, DigestLevel>();
    groups.set(alert.countryCode, byLevel);
    const group = byLevel.get(alert.level) ?? {
      level: alert.level,
      overdue: [],
      new: [],
      updated: [],
    };
    byLevel.set(alert.level, group);
    group[kind].push(DigestItem.parse(alert));
    counts[kind] += 1;
  }
  const countries = [...groups].map(([countryCode, byLevel]) => {
    const levels = [...alertLevels].reverse().flatMap((level) => byLevel.get(level) ?? []);
    return { countryCode, highestLevel: levels[0]?.level ?? 'watch', levels };
  });
  countries.sort(
    (a, b) =>
      alertLevelRank(b.highestLevel) - alertLevelRank(a.highestLevel) ||
      (a.countryCode < b.countryCode ? -1 : a.countryCode > b.countryCode ? 1 : 0),
  );
  return { since: new Date(since).toISOString(), until: now.toISOString(), counts, countries };
}
