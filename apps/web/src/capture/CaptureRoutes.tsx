import { editorRoles } from '@prevention/assessment';
import { newId } from '@prevention/core';
import { useState, type ReactNode } from 'react';
import type { RouteProps } from '../app/routes.js';
import { useAssessmentForm } from '../assessments/use-assessment-form.js';
import { holdsRole, useSession, type CurrentSession } from '../auth/session.js';
import { useTranslation } from '../i18n/i18n.js';
import { useDraftOnDevice } from '../offline/local-drafts.js';
import { Link, Redirect } from '../router/Link.js';
import { AssessmentEditor } from './AssessmentEditor.js';
import { CaptureHome } from './CaptureHome.js';

/**
 * The capture routes, one chunk: what a field officer on a slow link loads to capture. The
 * build reports its size with everything it needs (see vite-plugins/capture-budget.ts).
 */
export function CaptureHomeRoute() {
  return <ForEditors>{(session) => <CaptureHome userId={session.user.id} />}</ForEditors>;
}

/** A new assessment gets its id here, on the device; its address is its own from the start. */
export function NewAssessmentRoute() {
  const [assessmentId] = useState(() => newId());
  return <Redirect to="/capture/$id" params={{ id: assessmentId }} search={{ new: 1 }} replace />;
}

export function EditAssessmentRoute({ params, search }: RouteProps<'/capture/$id'>) {
  return (
    <ForEditors>
      {(session) => (
        <EditorLoader
          key={params.id}
          session={session}
          assessmentId={params.id}
          isNew={search.new !== undefined}
        />
      )}
    </ForEditors>
  );
}

function ForEditors({ children }: { children: (session: CurrentSession) => ReactNode }) {
  const { t } = useTranslation();
  const { session } = useSession();
  if (!session) return null;
  if (!holdsRole(session, [...editorRoles])) {
    return (
      <section aria-labelledby="capture-title">
        <h1 id="capture-title">{t('capture.title')}</h1>
        <p>{t('capture.notAnEditor')}</p>
      </section>
    );
  }
  return <>{children(session)}</>;
}

function EditorLoader({
  session,
  assessmentId,
  isNew,
}: {
  session: CurrentSession;
  assessmentId: string;
  isNew: boolean;
}) {
  const { t } = useTranslation();
  const formState = useAssessmentForm();
  const device = useDraftOnDevice(session.user.id, assessmentId);
  if (formState.status === 'loading' || device === undefined) {
    return (
      <p role="status" className="muted">
        {t('common.loading')}
      </p>
    );
  }
  if (formState.status === 'unavailable') {
    return (
      <section aria-labelledby="capture-title">
        <h1 id="capture-title">{t('capture.title')}</h1>
        <p role="alert">{t('capture.formUnavailable')}</p>
      </section>
    );
  }
  if (device === null && !isNew) {
    return (
      <section aria-labelledby="capture-title">
        <h1 id="capture-title">{t('capture.notOnDevice')}</h1>
        <p>
          <Link to="/assessments/$id" params={{ id: assessmentId }}>
            {t('capture.openOnServer')}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <AssessmentEditor
      session={session}
      form={formState.form}
      assessmentId={assessmentId}
      device={device}
    />
  );
}
