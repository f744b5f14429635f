import { useTranslation } from '../i18n/i18n.js';
import { formatBytes } from './format-bytes.js';
import type { UploadAnswer } from './upload-file.js';

const delimiterNames: Record<string, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
  ':': 'colon',
};

/** What the server found in an uploaded file, before any row is validated. */
export function InspectionSummary({ answer }: { answer: UploadAnswer }) {
  const { t, i18n } = useTranslation();
  const { inspection, boundaries } = answer;
  if (boundaries) {
    return (
      <dl className="facts" aria-label={t('data.found.facts')}>
        <dt>{t('data.found.format')}</dt>
        <dd>{t('data.format.geojson')}</dd>
        <dt>{t('data.found.size')}</dt>
        <dd>{formatBytes(answer.upload.byteSize, i18n.language)}</dd>
        <dt>{t('data.batch.target')}</dt>
        <dd>
          {t('data.found.boundaries', {
            count: boundaries.featureCount,
            property: boundaries.codeProperty ?? '—',
          })}
        </dd>
      </dl>
    );
  }
  if (!inspection) {
    return (
      <div role="alert" className="error">
        <p>{t('data.found.unreadable')}</p>
        {answer.problem ? <p lang="en">{answer.problem}</p> : null}
        <p>{t('data.found.unreadableHint')}</p>
      </div>
    );
  }
  const delimiter = delimiterNames[inspection.delimiter];
  return (
    <>
      <dl className="facts" aria-label={t('data.found.facts')}>
        <dt>{t('data.found.format')}</dt>
        <dd>{t(`data.format.${inspection.format}`)}</dd>
        <dt>{t('data.found.size')}</dt>
        <dd>{formatBytes(answer.upload.byteSize, i18n.language)}</dd>
        <dt>{t('data.found.encoding')}</dt>
        <dd>
          {inspection.encoding.toUpperCase()}
          {inspection.bom ? ` (${t('data.found.bom')})` : ''}
        </dd>
        <dt>{t('data.found.delimiter')}</dt>
        <dd>{delimiter ? t(`data.delimiter.${delimiter}`) : inspection.delimiter}</dd>
        <dt>{t('data.found.rows')}</dt>
        <dd>{inspection.rowCount.toLocaleString(i18n.language)}</dd>
        <dt>{t('data.found.columns')}</dt>
        <dd>{inspection.columns.length.toLocaleString(i18n.language)}</dd>
      </dl>
      <details>
        <summary>{t('data.found.showColumns', { count: inspection.columns.length })}</summary>
        <ul className="column-list">
          {inspection.columns.map((column) => (
            <li key={column.index}>
              {column.header || <span className="muted">{t('data.found.noHeader')}</span>}
              {column.hashtag ? <span className="code"> {column.hashtag}</span> : null}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
