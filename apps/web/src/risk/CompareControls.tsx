import { countries } from '@prevention/core';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useAreaNames } from '../i18n/area-names.js';
import { useTranslation } from '../i18n/i18n.js';
import { maxCompared, type CompareSelection } from './compare-search.js';
import {
  defaultVersionPair,
  switchKind,
  versionsOfCountry,
  type ModelVersion,
} from './compare-selection.js';
import { versionTitleOf } from './model-definitions.js';
import { MonthSelect } from './MonthSelect.js';
import { useRiskStrings } from './risk-strings.js';

type CountriesSelection = Extract<CompareSelection, { kind: 'countries' }>;
type VersionsSelection = Extract<CompareSelection, { kind: 'versions' }>;

/** The member states by name in the reader's language, and a version's label with them. */
function useCountryChoices() {
  const { i18n } = useTranslation();
  const names = useAreaNames();
  return useMemo(() => {
    const choices = countries
      .map((country) => ({ code: country.code, name: names.country(country.code, country.name) }))
      .sort((a, b) => names.compare(a.name, b.name));
    const nameOf = (code: string) => choices.find((choice) => choice.code === code)?.name ?? code;
    const versionLabel = (model: ModelVersion) =>
      `${versionTitleOf(model, i18n.language)} (${model.version})${model.countryCode ? ` · ${nameOf(model.countryCode)}` : ''}`;
    return { choices, nameOf, versionLabel };
  }, [names, i18n.language]);
}

/**
 * What the page compares: countries side by side under one model version, or one country under
 * two versions; and the month. Every change goes into the address, so the view can be shared.
 */
export function CompareControls({
  selection,
  models,
  months,
  onChange,
}: {
  selection: CompareSelection;
  models: readonly ModelVersion[];
  /** The months the columns have profiles for, newest first; none while they load. */
  months: readonly string[];
  onChange: (selection: CompareSelection) => void;
}) {
  const r = useRiskStrings();
  const monthId = useId();
  const month = selection.month && months.includes(selection.month) ? selection.month : months[0];

  return (
    <form
      className="compare-controls"
      aria-label={r('risk.compare.controls')}
      onSubmit={(event) => event.preventDefault()}
    >
      <fieldset className="risk-figure-choice">
        <legend>{r('risk.compare.kind')}</legend>
        {(['countries', 'versions'] as const).map((kind) => (
          <label key={kind} className="choice">
            <input
              type="radio"
              name="compare-kind"
              value={kind}
              checked={selection.kind === kind}
              onChange={() => onChange(switchKind(selection, kind, models))}
            />
            {r(`risk.compare.${kind}`)}
          </label>
        ))}
      </fieldset>
      {selection.kind === 'countries' ? (
        <CountriesChoice selection={selection} models={models} onChange={onChange} />
      ) : (
        <VersionsChoice selection={selection} models={models} onChange={onChange} />
      )}
      {month ? (
        <MonthSelect
          id={monthId}
          months={months}
          month={month}
          onChange={(value) => onChange({ ...selection, month: value })}
        />
      ) : null}
    </form>
  );
}

function CountriesChoice({
  selection,
  models,
  onChange,
}: {
  selection: CountriesSelection;
  models: readonly ModelVersion[];
  onChange: (selection: CompareSelection) => void;
}) {
  const r = useRiskStrings();
  const { choices, nameOf, versionLabel } = useCountryChoices();
  const ids = { add: useId(), model: useId(), list: useId() };
  const [adding, setAdding] = useState('');
  const addSelect = useRef<HTMLSelectElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // Where focus goes once the list has changed: the control a keyboard user pressed is gone.
  const focusNext = useRef<'add' | 'last-remove' | null>(null);
  useEffect(() => {
    if (focusNext.current === 'add') addSelect.current?.focus();
    if (focusNext.current === 'last-remove')
      list.current?.querySelector<HTMLButtonElement>('li:last-child button')?.focus();
    focusNext.current = null;
  });
  const chosen = selection.areaCodes;
  const full = chosen.length >= maxCompared;
  const global = models.filter((model) => model.countryCode === null);

  const add = () => {
    if (!adding || chosen.includes(adding) || full) {
      addSelect.current?.focus();
      return;
    }
    focusNext.current = chosen.length + 1 >= maxCompared ? 'last-remove' : null;
    setAdding('');
    onChange({ ...selection, areaCodes: [...chosen, adding] });
  };
  const remove = (code: string) => {
    focusNext.current = 'add';
    onChange({ ...selection, areaCodes: chosen.filter((other) => other !== code) });
  };

  return (
    <>
      <fieldset>
        <legend id={ids.list}>{r('risk.compare.chosen')}</legend>
        {chosen.length ? (
          <ul ref={list} className="compare-chosen" aria-labelledby={ids.list}>
            {chosen.map((code) => (
              <li key={code}>
                <span>{nameOf(code)}</span>
                <button type="button" className="secondary" onClick={() => remove(code)}>
                  {r('risk.compare.remove', { country: nameOf(code) })}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {full ? (
          <p className="hint">{r('risk.compare.most')}</p>
        ) : (
          <div className="actions">
            <div className="field">
              <label htmlFor={ids.add}>{r('risk.compare.add')}</label>
              <select
                ref={addSelect}
                id={ids.add}
                value={adding}
                onChange={(event) => setAdding(event.target.value)}
              >
                <option value="">{r('risk.compare.choose')}</option>
                {choices
                  .filter((choice) => !chosen.includes(choice.code))
                  .map((choice) => (
                    <option key={choice.code} value={choice.code}>
                      {choice.name}
                    </option>
                  ))}
              </select>
            </div>
            <div className="field">
              <button type="button" onClick={add}>
                {r('risk.compare.addButton')}
              </button>
            </div>
          </div>
        )}
        {chosen.length < 2 ? <p className="hint">{r('risk.compare.fewer')}</p> : null}
      </fieldset>
      <div className="field">
        <label htmlFor={ids.model}>{r('risk.model')}</label>
        <select
          id={ids.model}
          value={selection.modelVersionId ?? ''}
          onChange={(event) => onChange({ ...selection, modelVersionId: event.target.value })}
        >
          {global.map((model) => (
            <option key={model.id} value={model.id}>
              {versionLabel(model)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

function VersionsChoice({
  selection,
  models,
  onChange,
}: {
  selection: VersionsSelection;
  models: readonly ModelVersion[];
  onChange: (selection: CompareSelection) => void;
}) {
  const r = useRiskStrings();
  const { choices, versionLabel } = useCountryChoices();
  const ids = { country: useId(), a: useId(), b: useId() };
  const options = versionsOfCountry(models, selection.areaCode ?? '');
  const [a, b] = selection.modelVersionIds;
  const choose = (position: 0 | 1, id: string) => {
    const next = [a ?? '', b ?? ''];
    next[position] = id;
    onChange({ ...selection, modelVersionIds: next });
  };
  const versionSelect = (id: string, label: string, value: string | undefined, position: 0 | 1) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => choose(position, event.target.value)}
      >
        {options.map((model) => (
          <option key={model.id} value={model.id}>
            {versionLabel(model)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="actions">
      <div className="field">
        <label htmlFor={ids.country}>{r('risk.country')}</label>
        <select
          id={ids.country}
          value={selection.areaCode ?? ''}
          onChange={(event) =>
            onChange({
              ...selection,
              areaCode: event.target.value,
              modelVersionIds: defaultVersionPair(models, event.target.value),
            })
          }
        >
          {selection.areaCode ? null : <option value="">{r('risk.compare.choose')}</option>}
          {choices.map((choice) => (
            <option key={choice.code} value={choice.code}>
              {choice.name}
            </option>
          ))}
        </select>
      </div>
      {versionSelect(ids.a, r('risk.compare.versionA'), a, 0)}
      {versionSelect(ids.b, r('risk.compare.versionB'), b, 1)}
    </div>
  );
}
