import { isWithheld } from '@prevention/core';
import { useTranslation } from '../i18n/i18n.js';

interface Risk {
  number: number;
  title: string;
  likelihood: number;
  impact: number;
}

const scale = [1, 2, 3, 4, 5] as const;

/** The level of a likelihood × impact score, worded as well as coloured. */
export function riskLevel(score: number): 'low' | 'medium' | 'high' | 'very-high' {
  return score <= 4 ? 'low' : score <= 9 ? 'medium' : score <= 16 ? 'high' : 'very-high';
}

/**
 * The identified risks of an assessment — the cross-cutting `risks` section the assessment
 * package composes — that carry a likelihood and an impact.
 */
export function risksOf(content: unknown): Risk[] | 'withheld' {
  const section = (content as { sections?: Record<string, unknown> } | null)?.sections?.risks;
  if (isWithheld(section)) return 'withheld';
  const list = (section as { risks?: unknown } | undefined)?.risks;
  if (isWithheld(list)) return 'withheld';
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown, index) => {
    const risk = item as Record<string, unknown> | null;
    return risk &&
      typeof risk.likelihood === 'number' &&
      typeof risk.impact === 'number' &&
      !isWithheld(risk)
      ? [
          {
            number: index + 1,
            title: typeof risk.title === 'string' ? risk.title : `#${index + 1}`,
            likelihood: risk.likelihood,
            impact: risk.impact,
          },
        ]
      : [];
  });
}

/**
 * The risks on a 5 × 5 likelihood × impact matrix. It is a table — impact down, likelihood
 * across — each cell naming its risks and its level in words, so neither a screen reader nor a
 * reader who does not see the colours misses anything.
 */
export function RiskMatrix({ content }: { content: unknown }) {
  const { t } = useTranslation();
  const risks = risksOf(content);
  if (risks === 'withheld') return <p className="muted">{t('matrix.withheld')}</p>;
  if (risks.length === 0) return <p className="muted">{t('matrix.none')}</p>;
  return (
    <>
      <div className="table-scroll">
        <table className="risk-matrix">
          <caption>{t('matrix.caption')}</caption>
          <thead>
            <tr>
              <td />
              {scale.map((likelihood) => (
                <th key={likelihood} scope="col">
                  {t('matrix.likelihood', { value: likelihood })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...scale].reverse().map((impact) => (
              <tr key={impact}>
                <th scope="row">{t('matrix.impact', { value: impact })}</th>
                {scale.map((likelihood) => {
                  const level = riskLevel(likelihood * impact);
                  const here = risks.filter(
                    (risk) => risk.likelihood === likelihood && risk.impact === impact,
                  );
                  return (
                    <td key={likelihood} className={`risk-cell risk-${level}`}>
                      <span className="risk-level">{t(`matrix.level.${level}`)}</span>
                      {here.length > 0 ? (
                        <ul>
                          {here.map((risk) => (
                            <li key={risk.number}>
                              {t('matrix.riskLabel', { number: risk.number })}
                              <span className="visually-hidden">: {risk.title}</span>
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ol className="risk-legend">
        {risks.map((risk) => (
          <li key={risk.number} value={risk.number}>
            <strong>{t('matrix.riskLabel', { number: risk.number })}</strong> {risk.title} —{' '}
            {t('matrix.score', {
              likelihood: risk.likelihood,
              impact: risk.impact,
              score: risk.likelihood * risk.impact,
              level: t(`matrix.level.${riskLevel(risk.likelihood * risk.impact)}`),
            })}
          </li>
        ))}
      </ol>
    </>
  );
}
