import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '../trpc/trpc.js';
import { alertReaderRoles } from '../alerts/alert-roles.js';
import type { CountryAlertCount } from '../alerts/alert-types.js';
import { holdsRole, useSession } from '../auth/session.js';
import type { TFunction } from '../i18n/i18n.js';

/**
 * Each country's open alerts, for the map and the country page, when the reader may see alerts
 * (a partner may not: nothing is asked for them).
 */
export function useOpenAlertCounts(): ReadonlyMap<string, CountryAlertCount> {
  const trpc = useTRPC();
  const { session } = useSession();
  const counts = useQuery({
    ...trpc.alerts.countsByCountry.queryOptions(),
    enabled: holdsRole(session, alertReaderRoles),
  });
  return useMemo(
    () => new Map((counts.data ?? []).map((count) => [count.countryCode, count])),
    [counts.data],
  );
}

/** "3 open alerts, the highest urgent", in the risk pages' strings. */
export function openAlertsText(r: TFunction, count: CountryAlertCount): string {
  return r('risk.alerts.badge', {
    count: count.open,
    level: r(`risk.alerts.level.${count.highestLevel}`),
  });
}
