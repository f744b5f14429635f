import { useTranslation } from '../i18n/i18n.js';
import { riskFormat } from './risk-format.js';
import { useRiskStrings } from './risk-strings.js';

/** The month a risk page shows, chosen among `months` (newest first), labelled. */
export function MonthSelect({
  id,
  months,
  month,
  onChange,
}: {
  id: string;
  months: readonly string[];
  month: string;
  onChange: (month: string) => void;
}) {
  const { i18n } = useTranslation();
  const r = useRiskStrings();
  const format = riskFormat(i18n.language);
  return (
    <div className="field">
      <label htmlFor={id}>{r('risk.month')}</label>
      <select id={id} value={month} onChange={(event) => onChange(event.target.value)}>
        {months.map((value) => (
          <option key={value} value={value}>
            {format.month(value)}
          </option>
        ))}
      </select>
    </div>
  );
}
