import type { Reliability } from '@prevention/core';
import type { HxlMapping } from '@prevention/exchange';
import { useId, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import {
  areaCandidates,
  initialDraft,
  mappingOfDraft,
  mappingReducer,
  type MappingDraft,
  type MappingProblem,
} from './mapping-draft.js';
import { usePillarIndicators } from './pillar-labels.js';
import type { UploadAnswer } from './upload-file.js';

const reliabilities: Reliability[] = ['high', 'medium', 'low'];

/** The reasons `suggestHxlMapping` gives for a column it leaves out, by their English text. */
const unmappedReasons: Record<string, string> = {
  'its indicator is not in the catalogue': 'notInCatalogue',
  'no indicator is known for this hashtag': 'noIndicator',
};

interface MappingEditorProps {
  answer: UploadAnswer;
  busy: boolean;
  onConfirm: (mapping: HxlMapping, remember: boolean) => void;
  onCancel: () => void;
}

/**
 * How an HXL file's columns become observations, for the user to confirm: the suggestion, or
 * the mapping saved for files with the same hashtags, as the starting point.
 */
export function MappingEditor(props: MappingEditorProps) {
  const { answer } = props;
  const start = useMemo(
    () => initialDraft(answer.savedMapping, answer.suggestion),
    [answer.savedMapping, answer.suggestion],
  );
  const { t } = useTranslation();
  if (!start)
    return (
      <p role="alert" className="error">
        {t('data.mapping.none')}
      </p>
    );
  return <MappingForm {...props} start={start} />;
}

function MappingForm({
  answer,
  busy,
  onConfirm,
  onCancel,
  start,
}: MappingEditorProps & { start: MappingDraft }) {
  const { t } = useTranslation();
  const ids = { period: useId(), source: useId(), reliability: useId(), problems: useId() };
  const [draft, dispatch] = useReducer(mappingReducer, start);
  const [remember, setRemember] = useState(false);
  const [problems, setProblems] = useState<MappingProblem[]>([]);
  const problemBox = useRef<HTMLDivElement>(null);
  const pillars = usePillarIndicators();
  const columns = answer.inspection?.columns ?? [];
  const candidates = areaCandidates(columns);
  const tagged = columns.flatMap((column) => (column.hashtag ? [column] : []));
  const headerOf = (pattern: string) =>
    tagged.find((column) => column.hashtag === pattern)?.header ?? '';

  const confirm = () => {
    const result = mappingOfDraft(draft);
    if (result.ok) {
      setProblems([]);
      onConfirm(result.mapping, remember);
    } else {
      setProblems(result.problems);
      requestAnimationFrame(() => problemBox.current?.focus());
    }
  };

  return (
    <section aria-labelledby="mapping-title" className="mapping">
      <h4 id="mapping-title">{t('data.mapping.title')}</h4>
      <p className="hint">
        {answer.savedMapping
          ? t('data.mapping.fromSaved')
          : answer.suggestion?.complete
            ? t('data.mapping.fromSuggestion')
            : t('data.mapping.incomplete')}
      </p>
      {problems.length > 0 ? (
        <div
          ref={problemBox}
          id={ids.problems}
          tabIndex={-1}
          role="alert"
          className="error-summary"
        >
          <p>{t('data.mapping.problemsTitle')}</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{t(`data.mapping.problems.${problem}`)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <fieldset>
        <legend>{t('data.mapping.area')}</legend>
        <p className="hint">{t('data.mapping.areaHint')}</p>
        {candidates.length === 0 ? (
          <p className="muted">{t('data.mapping.noAreaColumns')}</p>
        ) : (
          candidates.map((pattern) => (
            <label key={pattern} className="choice">
              <input
                type="checkbox"
                checked={draft.area.includes(pattern)}
                onChange={() => dispatch({ type: 'toggle-area', pattern, candidates })}
              />
              <span className="code">{pattern}</span> {headerOf(pattern)}
            </label>
          ))
        )}
      </fieldset>

      <div className="field">
        <label htmlFor={ids.period}>{t('data.mapping.period')}</label>
        <select
          id={ids.period}
          value={draft.period ?? ''}
          aria-invalid={problems.includes('period') || undefined}
          onChange={(event) => dispatch({ type: 'set-period', period: event.target.value || null })}
        >
          <option value="">{t('data.mapping.choose')}</option>
          {tagged.map((column) => (
            <option key={column.index} value={column.hashtag}>
              {column.hashtag} {column.header ? `(${column.header})` : ''}
            </option>
          ))}
        </select>
      </div>

      <h5>{t('data.mapping.values')}</h5>
      {draft.values.layout === 'long' ? (
        <dl className="facts">
          <dt>{t('data.mapping.indicatorColumn')}</dt>
          <dd className="code">{draft.values.indicator}</dd>
          <dt>{t('data.mapping.valueColumn')}</dt>
          <dd className="code">{draft.values.value}</dd>
          {draft.values.sex ? (
            <>
              <dt>{t('data.mapping.sexColumn')}</dt>
              <dd className="code">{draft.values.sex}</dd>
            </>
          ) : null}
          {draft.values.age ? (
            <>
              <dt>{t('data.mapping.ageColumn')}</dt>
              <dd className="code">{draft.values.age}</dd>
            </>
          ) : null}
        </dl>
      ) : draft.values.columns.length === 0 ? (
        <p className="muted">{t('data.mapping.noValueColumns')}</p>
      ) : (
        <div className="table-scroll">
          <table className="mapping-table">
            <caption className="visually-hidden">{t('data.mapping.valuesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('data.mapping.column')}</th>
                <th scope="col">{t('data.mapping.indicator')}</th>
                <th scope="col">{t('data.mapping.imported')}</th>
              </tr>
            </thead>
            <tbody>
              {draft.values.columns.map((column) => (
                <tr key={column.pattern}>
                  <th scope="row">
                    <span className="code">{column.pattern}</span>
                    {headerOf(column.pattern) ? (
                      <span className="hint"> {headerOf(column.pattern)}</span>
                    ) : null}
                  </th>
                  <td>
                    <select
                      aria-label={t('data.mapping.indicatorFor', { column: column.pattern })}
                      value={column.indicator}
                      disabled={!column.included}
                      onChange={(event) =>
                        dispatch({
                          type: 'set-indicator',
                          pattern: column.pattern,
                          indicator: event.target.value,
                        })
                      }
                    >
                      {pillars.map((group) => (
                        <optgroup key={group.pillar} label={group.label}>
                          {group.indicators.map((indicator) => (
                            <option key={indicator.code} value={indicator.code}>
                              {indicator.label}
                            </option>
                          ))}
                        </optgroup>
                      ))}
                    </select>
                  </td>
                  <td>
                    <label className="choice">
                      <input
                        type="checkbox"
                        checked={column.included}
                        onChange={(event) =>
                          dispatch({
                            type: 'include-value',
                            pattern: column.pattern,
                            included: event.target.checked,
                          })
                        }
                      />
                      {t('data.mapping.importColumn', { column: column.pattern })}
                    </label>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {answer.suggestion && answer.suggestion.unmapped.length > 0 ? (
        <>
          <h5>{t('data.mapping.unmapped')}</h5>
          <ul className="unmapped">
            {answer.suggestion.unmapped.map((column) => {
              const reason = unmappedReasons[column.reason];
              return (
                <li key={column.index}>
                  <span className="code">{column.hashtag}</span>{' '}
                  {headerOf(column.hashtag) ? `(${headerOf(column.hashtag)}) ` : ''}—{' '}
                  {reason ? t(`data.mapping.reasons.${reason}`) : column.reason}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}

      {'text' in draft.source ? (
        <div className="field">
          <label htmlFor={ids.source}>{t('data.mapping.source')}</label>
          <input
            id={ids.source}
            type="text"
            value={draft.source.text}
            maxLength={300}
            aria-invalid={problems.includes('source') || undefined}
            onChange={(event) => dispatch({ type: 'set-source-text', text: event.target.value })}
          />
        </div>
      ) : (
        <p>
          {t('data.mapping.sourceColumn')} <span className="code">{draft.source.column}</span>
        </p>
      )}

      <div className="field">
        <label htmlFor={ids.reliability}>{t('data.mapping.reliability')}</label>
        <select
          id={ids.reliability}
          value={draft.reliability}
          onChange={(event) => {
            const reliability = reliabilities.find((r) => r === event.target.value);
            if (reliability) dispatch({ type: 'set-reliability', reliability });
          }}
        >
          {reliabilities.map((reliability) => (
            <option key={reliability} value={reliability}>
              {t(`data.reliability.${reliability}`)}
            </option>
          ))}
        </select>
      </div>

      <label className="choice">
        <input
          type="checkbox"
          checked={remember}
          onChange={(event) => setRemember(event.target.checked)}
        />
        {t('data.mapping.remember')}
      </label>

      <div className="actions">
        <button type="button" disabled={busy} onClick={confirm}>
          {t('data.mapping.confirm')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('data.found.stop')}
        </button>
      </div>
    </section>
  );
}
