import type { CurrentSession } from '../auth/session.js';
import { useTranslation } from '../i18n/i18n.js';
import { BatchList } from './BatchList.js';
import { DataNav } from './DataNav.js';
import { UploadPanel } from './UploadPanel.js';

/** `/data/imports`: bring a file in, and the batches brought in so far. */
export function ImportsPage({ session }: { session: CurrentSession }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="imports-title">
      <h1 id="imports-title">{t('data.importsTitle')}</h1>
      <DataNav session={session} />
      <p className="hint">{t('data.importsIntro')}</p>
      <UploadPanel />
      <BatchList session={session} />
    </section>
  );
}
