import type { Role } from '@prevention/core';
import type { ReactNode } from 'react';
import type { RouteProps } from '../app/routes.js';
import { holdsRole, useSession, type CurrentSession } from '../auth/session.js';
import { useTranslation } from '../i18n/i18n.js';
import { BatchPage } from './BatchPage.js';
import { exporterRoles, importerRoles } from './data-roles.js';
import { ExportsPage } from './ExportsPage.js';
import { ImportsPage } from './ImportsPage.js';

/**
 * The Data pages, one chunk: imports (upload, mapping, the batches and their reports) and
 * exports. One module so that the exchange package they use stays out of the shared chunk
 * the capture route loads.
 */
export function ImportsRoute() {
  return (
    <ForRoles roles={importerRoles}>{(session) => <ImportsPage session={session} />}</ForRoles>
  );
}

export function BatchRoute({ params }: RouteProps<'/data/imports/$id'>) {
  return (
    <ForRoles roles={importerRoles}>
      {(session) => <BatchPage key={params.id} batchId={params.id} session={session} />}
    </ForRoles>
  );
}

export function ExportsRoute({ search }: RouteProps<'/data/exports'>) {
  return (
    <ForRoles roles={exporterRoles}>
      {(session) => <ExportsPage session={session} initialKind={search.kind} />}
    </ForRoles>
  );
}

/** The page for people the server lets do this; the server checks every call all the same. */
function ForRoles({
  roles,
  children,
}: {
  roles: Role[];
  children: (session: CurrentSession) => ReactNode;
}) {
  const { t } = useTranslation();
  const { session } = useSession();
  if (!session || !holdsRole(session, roles)) {
    return (
      <section aria-labelledby="forbidden-title">
        <h1 id="forbidden-title">{t('errors.forbiddenTitle')}</h1>
        <p>{t('errors.FORBIDDEN')}</p>
      </section>
    );
  }
  return <>{children(session)}</>;
}
