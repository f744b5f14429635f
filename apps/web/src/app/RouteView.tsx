import { Suspense, useEffect, useRef } from 'react';
import { RequireAdministrator, RequireSession } from '../auth/guards.js';
import { useTranslation } from '../i18n/i18n.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';
import { useLocation } from '../router/location.js';
import { matchPath } from '../router/paths.js';
import { setRoutePreloader } from '../router/preload.js';
import { routes, type RouteDefinition } from './routes.js';

function findRoute(
  pathname: string,
): { route: RouteDefinition; params: Record<string, string> } | null {
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return null;
}

setRoutePreloader((pathname) => findRoute(pathname)?.route.preload());

/** The page for the current address, behind its guard, loading its code on first visit. */
export function RouteView() {
  const { t } = useTranslation();
  const location = useLocation();
  useFocusOnNavigation(location.pathname);
  const match = findRoute(location.pathname);
  if (!match) return <NotFoundPage />;
  const { route, params } = match;
  const page = (
    <Suspense
      fallback={
        <p role="status" className="muted">
          {t('common.loading')}
        </p>
      }
    >
      <route.Page params={params} search={location.search} />
    </Suspense>
  );
  if (route.guard === 'public') return page;
  return (
    <RequireSession>
      {route.guard === 'administrator' ? <RequireAdministrator>{page}</RequireAdministrator> : page}
    </RequireSession>
  );
}

/**
 * After the app moves to another page, focus goes to the main region, so a screen reader starts
 * reading the new page and a keyboard user tabs from its top, as after a full page load.
 */
function useFocusOnNavigation(pathname: string): void {
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);
}
