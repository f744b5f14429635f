import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { RequireAdministrator, RequireSession } from '../auth/guards.js';
import { AccountPage } from '../pages/AccountPage.js';
import { AuditLogPage } from '../pages/admin/AuditLogPage.js';
import { UserEditPage } from '../pages/admin/UserEditPage.js';
import { UsersPage } from '../pages/admin/UsersPage.js';
import { CountriesPage } from '../pages/CountriesPage.js';
import { CountryPage } from '../pages/CountryPage.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';
import { SignInPage } from '../pages/SignInPage.js';
import { AppShell } from './AppShell.js';

const rootRoute = createRootRoute({ component: AppShell, notFoundComponent: NotFoundPage });

/** Only a path on this site may be returned to after signing in. */
function localPath(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')
    ? value
    : undefined;
}

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => {
    const redirect = localPath(search.redirect);
    return redirect ? { redirect } : {};
  },
  component: function SignInRoute() {
    const { redirect } = signInRoute.useSearch();
    return <SignInPage redirect={redirect ?? '/'} />;
  },
});

/** Everything below needs a session: without one, the guard sends the user to sign in. */
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  component: RequireSession,
});

const countriesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  component: CountriesPage,
});

const countryRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/countries/$code',
  component: function CountryRoute() {
    const { code } = countryRoute.useParams();
    return <CountryPage code={code} />;
  },
});

const accountRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/account',
  component: AccountPage,
});

const adminRoute = createRoute({
  getParentRoute: () => signedInRoute,
  id: 'admin',
  component: RequireAdministrator,
});

const usersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/users',
  component: UsersPage,
});

const newUserRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/users/new',
  component: function NewUserRoute() {
    return <UserEditPage userId={null} />;
  },
});

const userRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/users/$id',
  component: function UserRoute() {
    const { id } = userRoute.useParams();
    return <UserEditPage userId={id} />;
  },
});

const auditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/audit',
  validateSearch: (search: Record<string, unknown>): { user?: string; resource?: string } => ({
    ...(typeof search.user === 'string' ? { user: search.user } : {}),
    ...(typeof search.resource === 'string' ? { resource: search.resource } : {}),
  }),
  component: function AuditRoute() {
    const search = auditRoute.useSearch();
    return <AuditLogPage initialUser={search.user ?? ''} initialResource={search.resource ?? ''} />;
  },
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  signedInRoute.addChildren([
    countriesRoute,
    countryRoute,
    accountRoute,
    adminRoute.addChildren([usersRoute, newUserRoute, userRoute, auditRoute]),
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent' });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
