import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { ParamsOf } from '../router/paths.js';
import type { RoutePath } from './route-paths.js';

/** What a page receives from its address. */
export interface RouteProps<P extends RoutePath> {
  params: ParamsOf<P>;
  search: Readonly<Record<string, string>>;
}

interface ErasedRouteProps {
  params: Readonly<Record<string, string>>;
  search: Readonly<Record<string, string>>;
}

export type Guard = 'public' | 'session' | 'administrator';

export interface RouteDefinition {
  path: RoutePath;
  guard: Guard;
  /** The page, with the parameters its path guarantees (checked by `route` below). */
  Page: LazyExoticComponent<ComponentType<ErasedRouteProps>>;
  preload: () => void;
}

/**
 * A route whose page is its own chunk, loaded when first visited (or hovered): nobody downloads
 * the administrators' pages to capture an assessment.
 */
function route<P extends RoutePath>(
  path: P,
  guard: Guard,
  load: () => Promise<ComponentType<RouteProps<P>>>,
): RouteDefinition {
  let loading: Promise<{ default: ComponentType<RouteProps<P>> }> | null = null;
  const preload = () => (loading ??= load().then((Page) => ({ default: Page })));
  return {
    path,
    guard,
    Page: lazy(preload) as unknown as RouteDefinition['Page'],
    preload: () => void preload(),
  };
}

export const routes: readonly RouteDefinition[] = [
  route('/sign-in', 'public', () => import('../pages/SignInPage.js').then((m) => m.SignInRoute)),
  route('/', 'session', () => import('../pages/CountriesPage.js').then((m) => m.CountriesPage)),
  route('/countries/$code', 'session', () =>
    import('../pages/CountryPage.js').then((m) => m.CountryRoute),
  ),
  route('/account', 'session', () => import('../pages/AccountPage.js').then((m) => m.AccountPage)),
  route('/admin/users', 'administrator', () =>
    import('../pages/admin/UsersPage.js').then((m) => m.UsersPage),
  ),
  route('/admin/users/new', 'administrator', () =>
    import('../pages/admin/UserEditPage.js').then((m) => m.NewUserRoute),
  ),
  route('/admin/users/$id', 'administrator', () =>
    import('../pages/admin/UserEditPage.js').then((m) => m.UserRoute),
  ),
  route('/admin/audit', 'administrator', () =>
    import('../pages/admin/AuditLogPage.js').then((m) => m.AuditRoute),
  ),
  route('/capture', 'session', () =>
    import('../capture/CaptureRoutes.js').then((m) => m.CaptureHomeRoute),
  ),
  route('/capture/new', 'session', () =>
    import('../capture/CaptureRoutes.js').then((m) => m.NewAssessmentRoute),
  ),
  route('/capture/$id', 'session', () =>
    import('../capture/CaptureRoutes.js').then((m) => m.EditAssessmentRoute),
  ),
  route('/assessments', 'session', () =>
    import('../assessments/AssessmentListPage.js').then((m) => m.AssessmentListPage),
  ),
  route('/assessments/$id', 'session', () =>
    import('../assessments/AssessmentPage.js').then((m) => m.AssessmentRoute),
  ),
  route('/assessments/$id/conflicts/$conflictId', 'session', () =>
    import('../conflicts/ConflictPage.js').then((m) => m.ConflictRoute),
  ),
  route('/data/imports', 'session', () =>
    import('../data/DataRoutes.js').then((m) => m.ImportsRoute),
  ),
  route('/data/imports/$id', 'session', () =>
    import('../data/DataRoutes.js').then((m) => m.BatchRoute),
  ),
  route('/data/exports', 'session', () =>
    import('../data/DataRoutes.js').then((m) => m.ExportsRoute),
  ),
  route('/risk', 'session', () => import('../risk/RiskRoutes.js').then((m) => m.RiskOverviewRoute)),
  route('/risk/compare', 'session', () =>
    import('../risk/RiskRoutes.js').then((m) => m.RiskCompareRoute),
  ),
  route('/risk/$areaCode', 'session', () =>
    import('../risk/RiskRoutes.js').then((m) => m.RiskCountryRoute),
  ),
  route('/plans', 'session', () => import('../plans/PlanRoutes.js').then((m) => m.PlansRoute)),
  route('/plans/$id', 'session', () => import('../plans/PlanRoutes.js').then((m) => m.PlanRoute)),
  route('/decisions', 'session', () =>
    import('../plans/PlanRoutes.js').then((m) => m.DecisionsRoute),
  ),
  route('/alerts', 'session', () => import('../alerts/AlertRoutes.js').then((m) => m.AlertsRoute)),
  route('/alerts/$id', 'session', () =>
    import('../alerts/AlertRoutes.js').then((m) => m.AlertRoute),
  ),
  route('/alert-rules', 'session', () =>
    import('../alerts/AlertRoutes.js').then((m) => m.AlertRulesRoute),
  ),
  route('/alert-rules/$id', 'session', () =>
    import('../alerts/AlertRoutes.js').then((m) => m.AlertRuleRoute),
  ),
];
