import type { Role } from '@prevention/core';
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import { Redirect } from '../router/Link.js';
import { useLocation } from '../router/location.js';
import { holdsRole, useSession } from './session.js';

/** Renders its page for a signed-in user; anyone else is sent to sign in, and brought back. */
export function RequireSession({ children }: { children: ReactNode }) {
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
    return <Redirect to="/sign-in" search={{ redirect: location.href }} replace />;
  }
  return <>{children}</>;
}

/** Renders its page for administrators; the server enforces the same on every call. */
export function RequireAdministrator({ children }: { children: ReactNode }) {
  return <RequireRoles roles={administrators}>{children}</RequireRoles>;
}

const administrators: Role[] = ['administrator'];

/** Renders its page for the holders of one of `roles`; the server checks every call all the same. */
export function RequireRoles({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { session } = useSession();
  if (!holdsRole(session, roles)) {
    return (
      <section aria-labelledby="forbidden-title">
        <h1 id="forbidden-title">{t('errors.forbiddenTitle')}</h1>
        <p>{t('errors.FORBIDDEN')}</p>
      </section>
    );
  }
  return <>{children}</>;
}
