import type { AssessmentForm } from '@prevention/assessment';
import type { Ref } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import { describePath } from './describe-path.js';
import { fieldDomId } from './field-path.js';
import type { FieldErrors } from './validation.js';

/**
 * Every problem of a form after a failed save, each a link to its field, named by the labels
 * that lead to it. It takes the focus, so a screen reader reads it first.
 */
export function ErrorSummary({
  ref,
  form,
  errors,
  idPrefix,
}: {
  ref: Ref<HTMLDivElement>;
  form: AssessmentForm;
  errors: FieldErrors;
  idPrefix: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2>{t('capture.errorSummary', { count: errors.size })}</h2>
      <ul>
        {[...errors].map(([key, message]) => {
          const path = key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
          const where = describePath(form, path, i18n.language);
          const target = fieldDomId(idPrefix, path);
          return (
            <li key={key}>
              <a
                href={`#${target}`}
                onClick={(event) => {
                  event.preventDefault();
                  const element = document.getElementById(target);
                  element?.scrollIntoView({ block: 'center' });
                  element?.focus();
                }}
              >
                {where.length > 0 ? `${where.join(' › ')}: ` : ''}
                {message}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
