import type { ExportFormat, ExportKind } from '@prevention/api';
import { useId, useState } from 'react';
import type { CurrentSession } from '../auth/session.js';
import { useTranslation } from '../i18n/i18n.js';
import { DataNav } from './DataNav.js';
import {
  buildExportLink,
  exportFormatsOf,
  exportKinds,
  formatFor,
  type ExportFilters,
  type ExportProblem,
} from './export-link.js';
import { usePillarIndicators } from './pillar-labels.js';

/**
 * `/data/exports`: the filters of a download, and the link that downloads it. A plain link:
 * the server streams the file with the session cookie alone, so the browser saves it as it
 * comes, however large.
 */
export function ExportsPage({
  session,
  initialKind,
}: {
  session: CurrentSession;
  initialKind: string | undefined;
}) {
  const { t } = useTranslation();
  const ids = {
    area: useId(),
    areaHint: useId(),
    pillar: useId(),
    indicator: useId(),
    from: useId(),
    to: useId(),
    problems: useId(),
  };
  const startKind = exportKinds.find((kind) => kind === initialKind) ?? 'signals';
  const [filters, setFilters] = useState<ExportFilters>({
    kind: startKind,
    format: exportFormatsOf[startKind][0],
    area: '',
    pillar: '',
    indicator: '',
    from: '',
    to: '',
  });
  const pillars = usePillarIndicators();
  const link = buildExportLink(filters);
  const problems: readonly ExportProblem[] = link.ok ? [] : link.problems;
  const set = <K extends keyof ExportFilters>(key: K, value: ExportFilters[K]) =>
    setFilters((current) => ({ ...current, [key]: value }));
  const setKind = (kind: ExportKind) =>
    setFilters((current) => ({ ...current, kind, format: formatFor(kind, current.format) }));
  const setPillar = (pillar: string) =>
    setFilters((current) => ({
      ...current,
      pillar,
      // An indicator of another pillar would export nothing.
      indicator: pillar && !current.indicator.startsWith(`${pillar}.`) ? '' : current.indicator,
    }));
  const indicatorGroups = pillars.filter(
    (group) => !filters.pillar || group.pillar === filters.pillar,
  );
  const invalid = (problem: ExportProblem) => problems.includes(problem) || undefined;
  const describedBy = (problem: ExportProblem) =>
    problems.includes(problem) ? ids.problems : undefined;

  return (
    <section aria-labelledby="exports-title">
      <h1 id="exports-title">{t('data.exportsTitle')}</h1>
      <DataNav session={session} />
      <p className="hint">{t('data.exports.intro')}</p>
      <form className="region" onSubmit={(event) => event.preventDefault()}>
        <fieldset>
          <legend>{t('data.exports.kind')}</legend>
          {exportKinds.map((kind) => (
            <label key={kind} className="choice">
              <input
                type="radio"
                name="kind"
                value={kind}
                checked={filters.kind === kind}
                onChange={() => setKind(kind)}
              />
              {t(`data.target.${kind}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('data.exports.format')}</legend>
          {(exportFormatsOf[filters.kind] as readonly ExportFormat[]).map((format) => (
            <label key={format} className="choice">
              <input
                type="radio"
                name="format"
                value={format}
                checked={filters.format === format}
                onChange={() => set('format', format)}
              />
              {t(`data.format.${format}`)}
            </label>
          ))}
        </fieldset>
        <div className="filters">
          <div className="field">
            <label htmlFor={ids.area}>{t('data.exports.area')}</label>
            <input
              id={ids.area}
              type="text"
              value={filters.area}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={invalid('area')}
              aria-describedby={[ids.areaHint, describedBy('area')].filter(Boolean).join(' ')}
              onChange={(event) => set('area', event.target.value)}
            />
            <span id={ids.areaHint} className="hint">
              {t('data.exports.areaHint')}
            </span>
          </div>
          <div className="field">
            <label htmlFor={ids.pillar}>{t('data.exports.pillar')}</label>
            <select
              id={ids.pillar}
              value={filters.pillar}
              onChange={(event) => setPillar(event.target.value)}
            >
              <option value="">{t('data.exports.anyPillar')}</option>
              {pillars.map((group) => (
                <option key={group.pillar} value={group.pillar}>
                  {group.label}
                </option>
              ))}
            </select>
          </div>
          {filters.kind === 'observations' ? (
            <div className="field">
              <label htmlFor={ids.indicator}>{t('data.exports.indicator')}</label>
              <select
                id={ids.indicator}
                value={filters.indicator}
                onChange={(event) => set('indicator', event.target.value)}
              >
                <option value="">{t('data.exports.anyIndicator')}</option>
                {indicatorGroups.map((group) => (
                  <optgroup key={group.pillar} label={group.label}>
                    {group.indicators.map((indicator) => (
                      <option key={indicator.code} value={indicator.code}>
                        {indicator.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={ids.from}>{t('data.exports.from')}</label>
            <input
              id={ids.from}
              type="month"
              value={filters.from}
              aria-invalid={invalid('from') ?? invalid('range')}
              aria-describedby={describedBy('from') ?? describedBy('range')}
              onChange={(event) => set('from', event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.to}>{t('data.exports.to')}</label>
            <input
              id={ids.to}
              type="month"
              value={filters.to}
              aria-invalid={invalid('to') ?? invalid('range')}
              aria-describedby={describedBy('to') ?? describedBy('range')}
              onChange={(event) => set('to', event.target.value)}
            />
          </div>
        </div>
        <div aria-live="polite">
          {link.ok ? (
            <p className="actions">
              <a className="button-link primary" href={link.href} download>
                {t(`data.exports.download.${filters.kind}`, {
                  format: t(`data.format.${formatFor(filters.kind, filters.format)}`),
                })}
              </a>
            </p>
          ) : (
            <ul id={ids.problems} className="error-text">
              {problems.map((problem) => (
                <li key={problem}>{t(`data.exports.problems.${problem}`)}</li>
              ))}
            </ul>
          )}
        </div>
      </form>
    </section>
  );
}
