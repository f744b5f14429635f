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

/** Asks before leaving a page with unsaved work: returns the question, or null to let go. */
type LeaveGuard = () => string | null;
const leaveGuards = new Set<LeaveGuard>();

export function guardLeaving(guard: LeaveGuard): () => void {
  leaveGuards.add(guard);
  return () => leaveGuards.delete(guard);
}

/** Whether the user lets go of the current page's unsaved work (true when it has none). */
export function confirmLeaving(): boolean {
  for (const guard of leaveGuards) {
    const question = guard();
    if (question !== null && !window.confirm(question)) return false;
  }
  return true;
}

/** Goes to a path on this site; `replace` leaves no entry in the history. */
export function navigateTo(
  href: string,
  options: { replace?: boolean; force?: boolean } = {},
): void {
  if (href === currentHref()) return;
  if (!options.force && !confirmLeaving()) return;
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
