import { useTranslation } from '../i18n/i18n.js';
import { Link } from '../router/Link.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('common.notFoundTitle')}</h1>
      <p>{t('common.notFoundBody')}</p>
      <p>
        <Link to="/">{t('common.backToCountries')}</Link>
      </p>
    </section>
  );
}
