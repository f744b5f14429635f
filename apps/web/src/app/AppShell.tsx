import { editorRoles } from '@prevention/assessment';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { holdsRole, useSession, useSessionMemory } from '../auth/session.js';
import { switchLanguage, useTranslation } from '../i18n/i18n.js';
import { isLanguageCode, languages } from '../i18n/languages.js';
import { useOnline } from '../offline/connectivity.js';
import { followOutbox, useOutboxStatus } from '../offline/outbox-status.js';
import { forgetSession } from '../offline/session-cache.js';
import { Link, useNavigate } from '../router/Link.js';
import { confirmLeaving, useLocation } from '../router/location.js';
import { useTRPC } from '../trpc/trpc.js';
import { exporterRoles, importerRoles } from '../data/data-roles.js';
import { riskReaderRoles } from '../risk/risk-roles.js';
import { planReaderRoles } from '../plans/plan-roles.js';
import { alertReaderRoles } from '../alerts/alert-roles.js';
import { RouteView } from './RouteView.js';
import { updateNow, useUpdateWaiting } from './service-worker.js';

/** Sends the outbox; loaded only for people who capture assessments. */
const OutboxRunner = lazy(() =>
  import('../offline/OutboxRunner.js').then((m) => ({ default: m.OutboxRunner })),
);

export function AppShell() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const info = useQuery(trpc.system.info.queryOptions());
  const { session } = useSession();
  const location = useLocation();
  useSessionMemory();
  const isAdministrator = holdsRole(session, ['administrator']);
  const isEditor = holdsRole(session, [...editorRoles]);
  const dataPage = holdsRole(session, importerRoles)
    ? '/data/imports'
    : holdsRole(session, exporterRoles)
      ? '/data/exports'
      : null;
  const isRiskReader = holdsRole(session, riskReaderRoles);
  const isPlanReader = holdsRole(session, planReaderRoles);
  const isAlertReader = holdsRole(session, alertReaderRoles);
  const userId = session?.user.id ?? null;

  useEffect(() => followOutbox(isEditor ? userId : null), [isEditor, userId]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="shell-header">
        <div className="brand">
          <Link to="/" className="brand-name">
            {t('app.name')}
          </Link>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        {session ? (
          <nav aria-label={t('app.mainNavigation')}>
            <ul className="nav-list">
              {isEditor ? (
                <li>
                  <Link to="/capture" current="prefix">
                    {t('nav.capture')}
                  </Link>
                </li>
              ) : null}
              <li>
                <Link to="/assessments" current="prefix">
                  {t('nav.assessments')}
                </Link>
              </li>
              <li>
                <Link to="/" current="exact">
                  {t('nav.countries')}
                </Link>
              </li>
              {isRiskReader ? (
                <li>
                  <Link to="/risk" current="prefix">
                    {t('nav.risk')}
                  </Link>
                </li>
              ) : null}
              {isPlanReader ? (
                <li>
                  <Link
                    to="/plans"
                    aria-current={
                      location.pathname.startsWith('/plans') ||
                      location.pathname.startsWith('/decisions')
                        ? 'page'
                        : undefined
                    }
                  >
                    {t('nav.plans')}
                  </Link>
                </li>
              ) : null}
              {isAlertReader ? (
                <li>
                  <Link
                    to="/alerts"
                    aria-current={
                      location.pathname.startsWith('/alerts') ||
                      location.pathname.startsWith('/alert-rules')
                        ? 'page'
                        : undefined
                    }
                  >
                    {t('nav.alerts')}
                  </Link>
                </li>
              ) : null}
              {dataPage ? (
                <li>
                  <Link
                    to={dataPage}
                    aria-current={location.pathname.startsWith('/data/') ? 'page' : undefined}
                  >
                    {t('nav.data')}
                  </Link>
                </li>
              ) : null}
              {isAdministrator ? (
                <>
                  <li>
                    <Link to="/admin/users" current="prefix">
                      {t('nav.users')}
                    </Link>
                  </li>
                  <li>
                    <Link to="/admin/audit" current="prefix">
                      {t('nav.audit')}
                    </Link>
                  </li>
                </>
              ) : null}
            </ul>
          </nav>
        ) : null}
        <div className="header-tools">
          {info.data?.mode === 'demo' ? <span className="badge">{t('app.demoMode')}</span> : null}
          {isEditor ? <SyncIndicator /> : <OfflineIndicator />}
          <label className="language">
            <span>{t('app.language')}</span>
            <select
              value={i18n.language}
              onChange={(event) => {
                if (isLanguageCode(event.target.value)) void switchLanguage(event.target.value);
              }}
            >
              {languages.map((language) => (
                <option key={language.code} value={language.code} lang={language.code}>
                  {language.nativeName}
                </option>
              ))}
            </select>
          </label>
          {session ? <CurrentUser name={session.user.displayName} /> : null}
        </div>
      </header>
      <UpdateBanner />
      <main id="main" tabIndex={-1}>
        <RouteView />
      </main>
      {isEditor && userId ? (
        <Suspense fallback={null}>
          <OutboxRunner userId={userId} />
        </Suspense>
      ) : null}
      <footer className="shell-footer">
        <p>{t('app.footer')}</p>
        {info.data ? <p className="muted">v{info.data.version}</p> : null}
      </footer>
    </div>
  );
}

function OfflineIndicator() {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <span aria-live="polite" className={online ? 'visually-hidden' : 'badge offline'}>
      {online ? '' : t('sync.offline')}
    </span>
  );
}

/** Whether the device is online, and how many saves wait for the server. */
function SyncIndicator() {
  const { t } = useTranslation();
  const online = useOnline();
  const { waiting, sending } = useOutboxStatus();
  const text = sending
    ? t('sync.sending', { count: waiting })
    : waiting > 0
      ? t('sync.waiting', { count: waiting })
      : t('sync.allSent');
  return (
    <span aria-live="polite" className="sync-indicator" data-testid="sync-indicator">
      {online ? null : <span className="badge offline">{t('sync.offline')}</span>} {text}
    </span>
  );
}

function UpdateBanner() {
  const { t } = useTranslation();
  const waiting = useUpdateWaiting();
  if (!waiting) return null;
  return (
    <div className="update-banner" role="status">
      {t('app.updateReady')}{' '}
      <button type="button" className="secondary" onClick={updateNow}>
        {t('app.updateNow')}
      </button>
    </div>
  );
}

/** Who is signed in, a way to their account, and signing out — never losing unsent saves. */
function CurrentUser({ name }: { name: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { waiting } = useOutboxStatus();
  const dialog = useRef<HTMLDialogElement>(null);
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      // Offline, the server cannot be told; the device forgets the user all the same.
      networkMode: 'always',
      onSettled: async () => {
        // Nothing of the session may stay in memory for the next person at this screen. Unsent
        // saves stay on the device, filed under this user, and go after their next sign-in.
        await forgetSession();
        queryClient.clear();
        navigate({ to: '/sign-in', force: true });
      },
    }),
  );
  const start = () => {
    if (!confirmLeaving()) return;
    if (waiting > 0) dialog.current?.showModal();
    else signOut.mutate();
  };
  return (
    <div className="current-user">
      <Link to="/account" className="current-user-name">
        <span className="visually-hidden">{t('shell.signedInAs')} </span>
        {name}
      </Link>
      <button type="button" className="secondary" disabled={signOut.isPending} onClick={start}>
        {t('shell.signOut')}
      </button>
      <dialog ref={dialog} aria-labelledby="sign-out-title" className="dialog">
        <h2 id="sign-out-title">{t('shell.unsentTitle')}</h2>
        <p>{t('shell.unsentBody', { count: waiting })}</p>
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              dialog.current?.close();
              signOut.mutate();
            }}
          >
            {t('shell.signOutKeep')}
          </button>
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            {t('shell.staySignedIn')}
          </button>
        </div>
      </dialog>
    </div>
  );
}
