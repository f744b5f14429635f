import { Navigate, Outlet, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { holdsRole, useSession } from './session.js';

/** Renders its routes for a signed-in user; anyone else is sent to sign in, and brought back. */
export function RequireSession() {
  const { t } = useTranslation();
  const { session, isError } = useSession();
  const location = useLocation();
  if (session === undefined) {
    return isError ? (
      <p role="alert" className="error">
        {t('common.loadFailed')}
      </p>
    ) : (
      <p role="status" className="muted">
        {t('common.loading')}
      </p>
    );
  }
  if (session === null) {
    // While the router moves to the sign-in page this guard may render once more, with the new
    // location: it must not send the sign-in page back to itself.
    if (location.pathname === '/sign-in') return null;
    return <Navigate to="/sign-in" search={{ redirect: location.href }} replace />;
  }
  return <Outlet />;
}

/** Renders its routes for administrators; the server enforces the same on every call. */
export function RequireAdministrator() {
  const { t } = useTranslation();
  const { session } = useSession();
  if (!holdsRole(session, ['administrator'])) {
    return (
      <section aria-labelledby="forbidden-title">
        <h1 id="forbidden-title">{t('errors.forbiddenTitle')}</h1>
        <p>{t('errors.FORBIDDEN')}</p>
      </section>
    );
  }
  return <Outlet />;
}
