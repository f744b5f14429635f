import { useQuery } from '@tanstack/react-query';
import { QueryState } from '../app/QueryState.js';
import { useTRPC } from '../trpc/trpc.js';
import type { AlertFormat } from './alert-format.js';
import { useAlertStrings } from './alert-strings.js';
import { useAlertAreaNames } from './area-label.js';

/**
 * The reader's daily digest in the app, instead of one message per alert: how many alerts are
 * overdue, new or fired again since the day before, and per country and level which.
 */
export function DigestPanel({ format }: { format: AlertFormat }) {
  const a = useAlertStrings();
  const trpc = useTRPC();
  const names = useAlertAreaNames();
  const digest = useQuery(trpc.alerts.digest.queryOptions());
  return (
    <section aria-labelledby="digest-title" className="panel digest-panel">
      <h2 id="digest-title">{a('digest.title')}</h2>
      <QueryState query={digest}>
        {(data) => {
          const { overdue, updated } = data.counts;
          const fresh = data.counts.new;
          return (
            <>
              <p className="muted">{a('digest.since', { time: format.dateTime(data.since) })}</p>
              {overdue + fresh + updated === 0 ? (
                <p>{a('digest.nothing')}</p>
              ) : (
                <>
                  <p data-testid="digest-counts">
                    {[
                      a('digest.overdue', { count: overdue }),
                      a('digest.new', { count: fresh }),
                      a('digest.updated', { count: updated }),
                    ].join(' · ')}
                  </p>
                  <ul className="digest-list">
                    {data.countries.flatMap((country) =>
                      country.levels.map((level) => {
                        const figures = [
                          level.overdue.length
                            ? a('digest.overdue', { count: level.overdue.length })
                            : null,
                          level.new.length ? a('digest.new', { count: level.new.length }) : null,
                          level.updated.length
                            ? a('digest.updated', { count: level.updated.length })
                            : null,
                        ].filter((text): text is string => text !== null);
                        return (
                          <li key={`${country.countryCode}-${level.level}`}>
                            {a('digest.line', {
                              country: names.country(country.countryCode),
                              level: a(`level.${level.level}`),
                              figures: figures.join(', '),
                            })}
                          </li>
                        );
                      }),
                    )}
                  </ul>
                </>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
