import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { holdsRole, useSession } from '../auth/session.js';
import { switchLanguage, useTranslation } from '../i18n/i18n.js';
import { isLanguageCode, languages } from '../i18n/languages.js';
import { Link, useNavigate } from '../router/Link.js';
import { useTRPC } from '../trpc/trpc.js';
import { RouteView } from './RouteView.js';

export function AppShell() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const info = useQuery(trpc.system.info.queryOptions());
  const { session } = useSession();
  const isAdministrator = holdsRole(session, ['administrator']);

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
              <li>
                <Link to="/" current="exact">
                  {t('nav.countries')}
                </Link>
              </li>
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
      <main id="main" tabIndex={-1}>
        <RouteView />
      </main>
      <footer className="shell-footer">
        <p>{t('app.footer')}</p>
        {info.data ? <p className="muted">v{info.data.version}</p> : null}
      </footer>
    </div>
  );
}

/** Who is signed in, a way to their account, and signing out. */
function CurrentUser({ name }: { name: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: async () => {
        // Nothing of the session may stay in memory for the next person at this screen.
        queryClient.clear();
        navigate({ to: '/sign-in' });
      },
    }),
  );
  return (
    <div className="current-user">
      <Link to="/account" className="current-user-name">
        <span className="visually-hidden">{t('shell.signedInAs')} </span>
        {name}
      </Link>
      <button
        type="button"
        className="secondary"
        disabled={signOut.isPending}
        onClick={() => signOut.mutate()}
      >
        {t('shell.signOut')}
      </button>
    </div>
  );
}
