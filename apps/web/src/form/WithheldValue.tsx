import type { Sensitivity } from '@prevention/core';
import { useTranslation } from '../i18n/i18n.js';

/** A value above the reader's clearance: the server sent a marker, never the value. */
export function WithheldValue({ level }: { level: Sensitivity }) {
  const { t } = useTranslation();
  return (
    <span className="withheld">{t('form.withheld', { level: t(`sensitivity.${level}`) })}</span>
  );
}
