import type { RouterOutputs } from '@prevention/api';
import { informRiskClasses } from '@prevention/risk';
import { useMemo } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import { Link } from '../router/Link.js';
import { judgementGap } from './judgement-gap.js';
import { fillOf, legendOf, noDataClass, type LegendEntry } from './risk-classes.js';
import type { RiskFormat } from './risk-format.js';
import { ClassSwatch } from './RiskLegend.js';
import { useRiskStrings } from './risk-strings.js';

type FieldJudgement = RouterOutputs['risk']['area']['fieldJudgements'][number];

/** The highest likelihood × impact of the five-by-five matrix. */
const matrixTop = 25;

/**
 * The endorsed and published joint assessments' judgements of a country, as the API orders
 * them (newest first), each beside the computed class of its month and, where the two are a
 * class or more apart, a sentence saying which way.
 */
export function FieldJudgements({
  judgements,
  legend,
  format,
}: {
  judgements: readonly FieldJudgement[];
  /** The model's classes, which the computed class is one of. */
  legend: readonly LegendEntry[];
  format: RiskFormat;
}) {
  const { t, i18n } = useTranslation();
  const r = useRiskStrings();
  // A judgement is read on the five INFORM classes (see `judgementClass`), whatever the model.
  const judgementLegend = useMemo(
    () => legendOf(informRiskClasses, i18n.language),
    [i18n.language],
  );

  return (
    <section aria-labelledby="risk-judgement-title" className="region">
      <h2 id="risk-judgement-title">{r('risk.judgementTitle')}</h2>
      <p className="hint">{r('risk.judgementIntro')}</p>
      {judgements.length === 0 ? (
        <p className="notice">{r('risk.judgementNone')}</p>
      ) : (
        <ul className="field-judgements">
          {judgements.map((judgement) => {
            const gap = judgement.disagrees
              ? judgementGap(judgement.class, judgement.computedClass, informRiskClasses)
              : null;
            return (
              <li key={judgement.assessmentId} data-assessment={judgement.assessmentId}>
                <h3>
                  <Link to="/assessments/$id" params={{ id: judgement.assessmentId }}>
                    {judgement.title}
                  </Link>
                </h3>
                <p className="muted">
                  {format.month(judgement.period)} · {t(`status.${judgement.status}`)}
                </p>
                <p>
                  {r('risk.highestRisk', {
                    score: format.whole(judgement.highestRisk),
                    most: format.whole(matrixTop),
                  })}
                </p>
                <dl className="judgement-classes">
                  <div>
                    <dt>{r('risk.judgedClass')}</dt>
                    <dd>
                      <ClassOf classId={judgement.class} legend={judgementLegend} />
                    </dd>
                  </div>
                  <div>
                    <dt>{r('risk.computedClass', { month: format.month(judgement.period) })}</dt>
                    <dd>
                      <ClassOf classId={judgement.computedClass ?? noDataClass} legend={legend} />
                    </dd>
                  </div>
                </dl>
                {gap ? (
                  <p role="note" className="judgement-gap">
                    {r(gap.direction === 'higher' ? 'risk.judgedHigher' : 'risk.judgedLower', {
                      count: gap.classes,
                    })}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** A class's swatch and its name: "no data" for no class, the id itself for an unknown one. */
function ClassOf({ classId, legend }: { classId: string; legend: readonly LegendEntry[] }) {
  const r = useRiskStrings();
  const label =
    classId === noDataClass
      ? r('risk.noData')
      : (legend.find((entry) => entry.id === classId)?.label ?? classId);
  return (
    <>
      <ClassSwatch classId={classId} fill={fillOf(classId, legend)} /> {label}
    </>
  );
}
