import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { QueryState } from '../app/QueryState.js';
import { useTRPC } from '../trpc/trpc.js';
import type { AlertFormat } from './alert-format.js';
import { useAlertStrings } from './alert-strings.js';
import { useAlertAreaNames } from './area-label.js';

const windowDays = 90;

/** Per country team, how quickly alerts are acknowledged and answered (medians, in hours). */
export function ResponseTimesTable({ format }: { format: AlertFormat }) {
  const a = useAlertStrings();
  const trpc = useTRPC();
  const names = useAlertAreaNames();
  // The window's start is fixed for the page's life, so the query key does not change each render.
  const since = useMemo(
    () => new Date(Date.now() - windowDays * 86_400_000).toISOString().slice(0, 10),
    [],
  );
  const times = useQuery(trpc.alerts.responseTimes.queryOptions({ since }));
  return (
    <section aria-labelledby="response-times-title" className="region">
      <h2 id="response-times-title">{a('times.title')}</h2>
      <QueryState query={times}>
        {(rows) =>
          rows.length === 0 ? (
            <p className="muted">{a('times.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="alert-table" data-testid="response-times">
                <caption>{a('times.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{a('times.country')}</th>
                    <th scope="col">{a('times.alerts')}</th>
                    <th scope="col">{a('times.acknowledged')}</th>
                    <th scope="col">{a('times.responded')}</th>
                    <th scope="col">{a('times.toAcknowledge')}</th>
                    <th scope="col">{a('times.toRespond')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...rows]
                    .sort((x, y) =>
                      names.compare(names.country(x.countryCode), names.country(y.countryCode)),
                    )
                    .map((row) => (
                      <tr key={row.countryCode}>
                        <th scope="row">{names.country(row.countryCode)}</th>
                        <td className="number">{format.number(row.alerts)}</td>
                        <td className="number">{format.number(row.acknowledged)}</td>
                        <td className="number">{format.number(row.responded)}</td>
                        <td className="number">{format.duration(row.medianHoursToAcknowledge)}</td>
                        <td className="number">{format.duration(row.medianHoursToRespond)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </section>
  );
}
