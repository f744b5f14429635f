import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { CountriesPage } from '../pages/CountriesPage.js';
import { CountryPage } from '../pages/CountryPage.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';
import { AppShell } from './AppShell.js';

const rootRoute = createRootRoute({ component: AppShell, notFoundComponent: NotFoundPage });

const countriesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: CountriesPage,
});

const countryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/countries/$code',
  component: function CountryRoute() {
    const { code } = countryRoute.useParams();
    return <CountryPage code={code} />;
  },
});

const routeTree = rootRoute.addChildren([countriesRoute, countryRoute]);

export const router = createRouter({ routeTree, defaultPreload: 'intent' });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
