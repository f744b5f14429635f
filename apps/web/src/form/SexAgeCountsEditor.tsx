import {
  ageGroupLabels,
  ageGroups,
  emptySexAgeCounts,
  localise,
  sexLabels,
  sexes,
  totalOf,
  type FieldSpec,
  type SexAgeCounts,
} from '@prevention/core';
import { useTranslation } from '../i18n/i18n.js';
import { pathKey, type FieldPath } from './field-path.js';
import { FieldSet, describedBy } from './FieldFrame.js';
import { useFieldIds, useFormEditing } from './form-context.js';
import { errorOf } from './validation.js';

function asCounts(value: unknown): SexAgeCounts | null {
  return value !== null && typeof value === 'object' ? (value as SexAgeCounts) : null;
}

/**
 * A count broken down by sex and age, as a table of number inputs; each input is named by its
 * row and column headers. The first figure entered fills the other cells with zero, since a
 * disaggregated count has every cell.
 */
export function SexAgeCountsEditor({
  spec,
  path,
  value,
}: {
  spec: Extract<FieldSpec, { kind: 'count-by-sex-and-age' }>;
  path: FieldPath;
  value: unknown;
}) {
  const { t } = useTranslation();
  const { errors, change, touch, language } = useFormEditing();
  const ids = useFieldIds(path);
  const error = errorOf(errors, pathKey(path), true);
  const counts = asCounts(value);
  const header = (part: string) => `${ids.control}-${part}`;

  const setCell = (sex: (typeof sexes)[number], age: (typeof ageGroups)[number], raw: string) => {
    const next = structuredClone(counts ?? emptySexAgeCounts());
    const number = raw === '' ? 0 : Number(raw);
    next[sex][age] = Number.isNaN(number) ? 0 : number;
    change(path, totalOf(next) === 0 && raw === '' ? undefined : next);
  };

  return (
    <FieldSet spec={spec} ids={ids} error={error} className="counts">
      <div className="table-scroll">
        <table className="counts-table">
          <thead>
            <tr>
              <td />
              {ageGroups.map((age) => (
                <th key={age} scope="col" id={header(age)}>
                  {localise(ageGroupLabels[age], language)}
                </th>
              ))}
              <th scope="col">{t('form.total')}</th>
            </tr>
          </thead>
          <tbody>
            {sexes.map((sex) => (
              <tr key={sex}>
                <th scope="row" id={header(sex)}>
                  {localise(sexLabels[sex], language)}
                </th>
                {ageGroups.map((age, column) => {
                  const cell = counts?.[sex]?.[age];
                  return (
                    <td key={age}>
                      <input
                        type="number"
                        inputMode="numeric"
                        min={0}
                        step={1}
                        id={sex === 'female' && column === 0 ? ids.control : undefined}
                        aria-labelledby={`${header(sex)} ${header(age)}`}
                        aria-describedby={describedBy(ids, false, error !== undefined)}
                        aria-invalid={error ? true : undefined}
                        value={typeof cell === 'number' ? cell : ''}
                        onChange={(event) => setCell(sex, age, event.target.value)}
                        onBlur={() => touch(path)}
                      />
                    </td>
                  );
                })}
                <td className="total">{counts ? totalOf(counts, { sex }) : '—'}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('form.total')}</th>
              {ageGroups.map((age) => (
                <td key={age} className="total">
                  {counts ? totalOf(counts, { age }) : '—'}
                </td>
              ))}
              <td className="total">{counts ? totalOf(counts) : '—'}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </FieldSet>
  );
}
