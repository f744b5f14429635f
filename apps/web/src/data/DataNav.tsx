import type { CurrentSession } from '../auth/session.js';
import { holdsRole } from '../auth/session.js';
import { useTranslation } from '../i18n/i18n.js';
import { Link } from '../router/Link.js';
import { exporterRoles, importerRoles } from './data-roles.js';

/** The Data pages this user may open, when there is more than one. */
export function DataNav({ session }: { session: CurrentSession }) {
  const { t } = useTranslation();
  const imports = holdsRole(session, importerRoles);
  const exports = holdsRole(session, exporterRoles);
  if (!imports || !exports) return null;
  return (
    <nav aria-label={t('data.sections')} className="section-nav">
      <ul>
        <li>
          <Link to="/data/imports" current="prefix">
            {t('data.importsTitle')}
          </Link>
        </li>
        <li>
          <Link to="/data/exports" current="exact">
            {t('data.exportsTitle')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
