import { useQuery } from '@tanstack/react-query';
import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n/i18n.js';
import { isLanguageCode, languages } from '../i18n/languages.js';
import { useTRPC } from '../trpc/trpc.js';

export function AppShell() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const info = useQuery(trpc.system.info.queryOptions());

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
        <nav aria-label={t('app.mainNavigation')}>
          <ul className="nav-list">
            <li>
              <Link to="/" activeProps={{ 'aria-current': 'page' }} activeOptions={{ exact: true }}>
                {t('nav.countries')}
              </Link>
            </li>
          </ul>
        </nav>
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
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="shell-footer">
        <p>{t('app.footer')}</p>
        {info.data ? <p className="muted">v{info.data.version}</p> : null}
      </footer>
    </div>
  );
}
