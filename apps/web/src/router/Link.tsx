import { useEffect, type AnchorHTMLAttributes, type MouseEvent } from 'react';
import type { RoutePath } from '../app/route-paths.js';
import { navigateTo, useLocation } from './location.js';
import { buildHref, type HasParams, type ParamsOf, type SearchValues } from './paths.js';
import { preloadRoute } from './preload.js';

export type Destination<P extends RoutePath> = {
  to: P;
  search?: SearchValues;
} & (HasParams<P> extends true ? { params: ParamsOf<P> } : { params?: undefined });

export type LinkProps<P extends RoutePath> = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> &
  Destination<P> & {
    /** Marks the link as the current page (`aria-current`) when the address matches it. */
    current?: 'exact' | 'prefix';
  };

export function hrefOf<P extends RoutePath>(destination: Destination<P>): string {
  return buildHref(destination.to, destination.params, destination.search);
}

/**
 * A link to a page of the app: a real `<a href>` (it opens in a new tab, copies, reads as a
 * link), followed without reloading the page; the page's code starts loading on hover or focus.
 */
export function Link<P extends RoutePath>(props: LinkProps<P>) {
  const { to, params, search, current, onClick, onMouseEnter, onFocus, ...anchor } = props;
  const location = useLocation();
  const href = buildHref(to, params, search);
  const isCurrent =
    current === 'exact'
      ? location.pathname === href
      : current === 'prefix'
        ? location.pathname === href || location.pathname.startsWith(`${href}/`)
        : false;

  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      (anchor.target !== undefined && anchor.target !== '_self')
    ) {
      return;
    }
    event.preventDefault();
    navigateTo(href);
  };

  return (
    <a
      {...anchor}
      href={href}
      aria-current={isCurrent ? 'page' : anchor['aria-current']}
      onClick={follow}
      onMouseEnter={(event) => {
        onMouseEnter?.(event);
        preloadRoute(href);
      }}
      onFocus={(event) => {
        onFocus?.(event);
        preloadRoute(href);
      }}
    />
  );
}

/** Navigation from code, with the same typed destinations as `Link`. */
export function useNavigate() {
  return <P extends RoutePath>(
    destination: Destination<P> & { replace?: boolean; force?: boolean },
  ) =>
    navigateTo(hrefOf(destination), {
      replace: destination.replace ?? false,
      force: destination.force ?? false,
    });
}

/** Sends the user elsewhere as soon as it renders, e.g. from a guard. */
export function Redirect<P extends RoutePath>(props: Destination<P> & { replace?: boolean }) {
  const href = hrefOf(props);
  const replace = props.replace ?? false;
  useEffect(() => navigateTo(href, { replace, force: true }), [href, replace]);
  return null;
}
