import {
  editorRoles,
  type AssessmentContent,
  type AssessmentDetail,
  type AssessmentForm,
} from '@prevention/assessment';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryState } from '../app/QueryState.js';
import type { RouteProps } from '../app/routes.js';
import { holdsRole, useSession } from '../auth/session.js';
import { ContentView } from '../form/ContentView.js';
import { SensitivityBadge } from '../form/FieldFrame.js';
import { useTranslation } from '../i18n/i18n.js';
import { adoptServerVersion } from '../offline/draft-store.js';
import { localDatabase } from '../offline/local-database.js';
import { Link, useNavigate } from '../router/Link.js';
import { useTRPC } from '../trpc/trpc.js';
import { HistoryPanel } from './HistoryPanel.js';
import { formatDateTime, sectionTitle } from './labels.js';
import { ReviewActions } from './ReviewActions.js';
import { RiskMatrix } from './RiskMatrix.js';
import { useAssessmentForm } from './use-assessment-form.js';

export function AssessmentRoute({ params }: RouteProps<'/assessments/$id'>) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const formState = useAssessmentForm();
  const detail = useQuery(trpc.assessments.byId.queryOptions({ id: params.id }));
  if (formState.status !== 'ready') {
    return (
      <p role="status" className="muted">
        {formState.status === 'loading' ? t('common.loading') : t('common.loadFailed')}
      </p>
    );
  }
  return (
    <QueryState query={detail}>
      {(data) => <AssessmentPage detail={data as AssessmentDetail} form={formState.form} />}
    </QueryState>
  );
}

/** One assessment for a reader at HQ: every section, its risks, its history, what they may do. */
export function AssessmentPage({
  detail,
  form,
}: {
  detail: AssessmentDetail;
  form: AssessmentForm;
}) {
  const { t, i18n } = useTranslation();
  return (
    <article aria-labelledby="assessment-title" className="assessment">
      <p>
        <Link to="/assessments">{t('assessment.backToList')}</Link>
      </p>
      <h1 id="assessment-title">{detail.title}</h1>
      <dl className="facts">
        <dt>{t('assessments.status')}</dt>
        <dd>
          <span className={`status-badge status-${detail.status}`} data-testid="assessment-status">
            {t(`status.${detail.status}`)}
          </span>
        </dd>
        <dt>{t('assessments.area')}</dt>
        <dd>{detail.areaCode}</dd>
        <dt>{t('assessments.period')}</dt>
        <dd>{detail.period}</dd>
        <dt>{t('assessment.revision')}</dt>
        <dd data-testid="assessment-revision">{detail.revision}</dd>
        <dt>{t('assessment.sensitivity')}</dt>
        <dd>
          <SensitivityBadge level={detail.sensitivity} />
        </dd>
        <dt>{t('assessments.updated')}</dt>
        <dd>
          {formatDateTime(detail.updatedAt, i18n.language)}
          {detail.updatedBy ? ` · ${detail.updatedBy.name}` : ''}
        </dd>
      </dl>
      <EditHere detail={detail} />
      {detail.conflicts.length > 0 ? <OpenConflicts detail={detail} /> : null}
      {detail.review ? <ReviewComments detail={detail} form={form} /> : null}
      <ReviewActions detail={detail} form={form} />
      <section aria-labelledby="matrix-title" className="panel">
        <h2 id="matrix-title">{t('matrix.title')}</h2>
        <RiskMatrix content={detail.content} />
      </section>
      <ContentView
        form={form}
        content={detail.content}
        sectionSensitivity={detail.sectionSensitivity}
      />
      <HistoryPanel id={detail.id} form={form} latest={detail.revision} />
    </article>
  );
}

/** For the team: take the assessment onto this device to edit it, online or not. */
function EditHere({ detail }: { detail: AssessmentDetail }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  if (!session || !detail.editable || !holdsRole(session, [...editorRoles])) return null;
  const edit = async () => {
    try {
      const db = await localDatabase();
      await adoptServerVersion(db, {
        userId: session.user.id,
        assessmentId: detail.id,
        areaCode: detail.areaCode,
        period: detail.period,
        content: detail.content as AssessmentContent,
        baseRevision: detail.revision,
        serverStatus: detail.status,
        savedAt: detail.updatedAt,
      });
      navigate({ to: '/capture/$id', params: { id: detail.id } });
    } catch {
      setFailed(true);
    }
  };
  return (
    <p>
      <button type="button" onClick={() => void edit()}>
        {t('assessment.editOnDevice')}
      </button>
      {failed ? <span role="alert"> {t('capture.saveFailed')}</span> : null}
    </p>
  );
}

function OpenConflicts({ detail }: { detail: AssessmentDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="conflicts-title" className="panel alert">
      <h2 id="conflicts-title">{t('conflicts.openTitle', { count: detail.conflicts.length })}</h2>
      <ul>
        {detail.conflicts.map((conflict) => (
          <li key={conflict.id}>
            {t('conflicts.kept', {
              name: conflict.author.name,
              when: formatDateTime(conflict.createdAt, i18n.language),
              revision: conflict.baseRevision ?? '—',
            })}{' '}
            <Link
              to="/assessments/$id/conflicts/$conflictId"
              params={{ id: detail.id, conflictId: conflict.id }}
            >
              {t('conflicts.resolve')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ReviewComments({ detail, form }: { detail: AssessmentDetail; form: AssessmentForm }) {
  const { t, i18n } = useTranslation();
  const review = detail.review;
  if (!review) return null;
  const entries = Object.entries(review.comments);
  return (
    <section aria-labelledby="comments-title" className="panel">
      <h2 id="comments-title">
        {t('review.commentsTitle', {
          action: t(`review.past.${review.action}`),
          name: review.by.name,
          revision: review.revision,
        })}
      </h2>
      {entries.length === 0 ? (
        <p className="muted">{t('review.noComments')}</p>
      ) : (
        <dl className="comments">
          {entries.map(([key, text]) => (
            <div key={key} className="comment">
              <dt>{sectionTitle(form, key, i18n.language, t)}</dt>
              <dd className="prewrap">{text}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
