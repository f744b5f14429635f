import { useSyncExternalStore } from 'react';

/**
 * The browser's location as a store React can subscribe to: the History API underneath, with
 * one notification per navigation, whether the app or the back button made it.
 */
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function currentHref(): string {
  return `${location.pathname}${location.search}${location.hash}`;
}

/** Goes to a path on this site; `replace` leaves no entry in the history. */
export function navigateTo(href: string, options: { replace?: boolean } = {}): void {
  if (href === currentHref()) return;
  if (options.replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.scrollTo(0, 0);
  notify();
}

export interface CurrentLocation {
  pathname: string;
  /** Query parameters; a key given twice keeps its last value. */
  search: Readonly<Record<string, string>>;
  /** Path, query and fragment: what to come back to. */
  href: string;
}

let cached: { href: string; value: CurrentLocation } | null = null;

function snapshot(): CurrentLocation {
  const href = currentHref();
  if (cached?.href !== href) {
    cached = {
      href,
      value: {
        pathname: location.pathname,
        search: Object.fromEntries(new URLSearchParams(location.search)),
        href,
      },
    };
  }
  return cached.value;
}

export function useLocation(): CurrentLocation {
  return useSyncExternalStore(subscribe, snapshot);
}
