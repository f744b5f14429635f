import { useQuery } from '@tanstack/react-query';
import { QueryState } from '../app/QueryState.js';
import { useAlertsTRPC } from './alert-api.js';
import type { AlertFormat } from './alert-format.js';
import { useAlertStrings } from './alert-strings.js';
import { useAlertAreaNames } from './area-label.js';

/**
 * The reader's daily digest in the app, instead of one message per alert: per country and
 * level, how many alerts are new, raised a level, or became overdue since the day before.
 */
export function DigestPanel({ format }: { format: AlertFormat }) {
  const a = useAlertStrings();
  const trpc = useAlertsTRPC();
  const names = useAlertAreaNames();
  const digest = useQuery(trpc.alerts.digest.queryOptions());
  return (
    <section aria-labelledby="digest-title" className="panel digest-panel">
      <h2 id="digest-title">{a('digest.title')}</h2>
      <QueryState query={digest}>
        {(data) => {
          const groups = data.groups.filter(
            (group) => group.new.length + group.raised.length + group.overdue.length > 0,
          );
          return (
            <>
              <p className="muted">{a('digest.since', { time: format.dateTime(data.since) })}</p>
              {groups.length === 0 ? (
                <p>{a('digest.nothing')}</p>
              ) : (
                <ul className="digest-list">
                  {groups.map((group) => {
                    const figures = [
                      group.new.length ? a('digest.new', { count: group.new.length }) : null,
                      group.raised.length
                        ? a('digest.raised', { count: group.raised.length })
                        : null,
                      group.overdue.length
                        ? a('digest.overdue', { count: group.overdue.length })
                        : null,
                    ].filter((text): text is string => text !== null);
                    return (
                      <li key={`${group.countryCode}-${group.level}`}>
                        {a('digest.line', {
                          country: names.country(group.countryCode),
                          level: a(`level.${group.level}`),
                          figures: figures.join(', '),
                        })}
                      </li>
                    );
                  })}
                </ul>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
