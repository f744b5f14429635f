import type { AssessmentContent, AssessmentForm } from '@prevention/assessment';
import { isCleared, isWithheld, sensitivityLevels, type Sensitivity } from '@prevention/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { CurrentSession } from '../auth/session.js';
import { ContentView } from '../form/ContentView.js';
import { describePath } from '../form/describe-path.js';
import { ErrorSummary } from '../form/ErrorSummary.js';
import { valueAt, withValueAt, type FieldPath } from '../form/field-path.js';
import { FormEditingContext, type FormEditing } from '../form/form-context.js';
import { SectionEditor } from '../form/SectionEditor.js';
import {
  mergeErrors,
  noErrors,
  serverErrors,
  validate,
  type FieldErrors,
} from '../form/validation.js';
import { errorMessage } from '../i18n/access-labels.js';
import { useTranslation } from '../i18n/i18n.js';
import { announce } from '../offline/change-feed.js';
import { useOnline } from '../offline/connectivity.js';
import { DraftChangedElsewhere, recordServerState, saveDraft } from '../offline/draft-store.js';
import { localDatabase, type LocalDraft } from '../offline/local-database.js';
import type { DraftOnDevice } from '../offline/local-drafts.js';
import { useOutboxStatus } from '../offline/outbox-status.js';
import { Link } from '../router/Link.js';
import { guardLeaving } from '../router/location.js';
import { errorCode, useTRPC } from '../trpc/trpc.js';
import { useAreaChoices } from './area-choices.js';
import { DraftStatusLine, ProblemAlert, SavedElsewhereAlert } from './DraftAlerts.js';
import { isEditableStatus } from './draft-state.js';
import { EditorHeader, headerErrors } from './EditorHeader.js';

export interface EditorProps {
  session: CurrentSession;
  form: AssessmentForm;
  assessmentId: string;
  /** The draft as this device holds it; null for a new assessment. */
  device: DraftOnDevice | null;
}

function emptyContent(): AssessmentContent {
  return { title: '', sensitivity: 'restricted', sectionSensitivity: {}, sections: {} };
}

function currentMonth(): string {
  return new Date().toISOString().slice(0, 7);
}

/** A problem under a value the reader cannot see is not theirs to fix: the server restores it. */
function withoutWithheld(errors: FieldErrors, content: unknown): FieldErrors {
  if (errors.size === 0) return errors;
  const kept = new Map<string, string>();
  for (const [key, message] of errors) {
    const parts = key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const hidden = parts.some((_, index) =>
      isWithheld(valueAt(content, parts.slice(0, index + 1))),
    );
    if (!hidden) kept.set(key, message);
  }
  return kept;
}

/**
 * Captures an assessment on this device. Every save goes to the device first and the server
 * after, through the outbox; the form validates as it is filled in with the same rules as the
 * server, and with the stricter ones for submission when the team submits it for review.
 */
export function AssessmentEditor({ session, form, assessmentId, device }: EditorProps) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const online = useOnline();
  const { sending } = useOutboxStatus();
  const userId = session.user.id;
  const areas = useAreaChoices(session);
  const draft = device?.draft ?? null;
  const isNew = draft === null;

  const [content, setContent] = useState<AssessmentContent>(draft?.content ?? emptyContent());
  const [areaCode, setAreaCode] = useState(draft?.areaCode ?? '');
  const [period, setPeriod] = useState(draft?.period ?? currentMonth());
  const [loadedVersion, setLoadedVersion] = useState<number | null>(draft?.localVersion ?? null);
  const [dirty, setDirty] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempt, setAttempt] = useState<'none' | 'save' | 'submit'>('none');
  const [notice, setNotice] = useState<string>('');
  const [elsewhere, setElsewhere] = useState<LocalDraft | null>(null);
  const [spoken, setSpoken] = useState('');
  const summary = useRef<HTMLDivElement>(null);

  // Another tab saved this draft (or a conflict was settled): take it, unless edits here would
  // be lost — then say so and let the user choose.
  useEffect(() => {
    if (!draft || draft.localVersion === loadedVersion) return;
    if (dirty) {
      setElsewhere(draft);
    } else {
      setContent(draft.content);
      setAreaCode(draft.areaCode);
      setPeriod(draft.period);
      setLoadedVersion(draft.localVersion);
    }
  }, [draft, loadedVersion, dirty]);

  useEffect(() => {
    if (!areaCode && areas[0]) setAreaCode(areas[0].country.code);
  }, [areaCode, areas]);

  // Unsaved edits live only in this page: leaving it, or the app, asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    const unguard = guardLeaving(() => t('capture.leaveUnsaved'));
    return () => {
      window.removeEventListener('beforeunload', warn);
      unguard();
    };
  }, [dirty, t]);

  const draftErrors = useMemo(
    () => withoutWithheld(validate(form.draftSchema, content, t), content),
    [form, content, t],
  );
  const submissionErrors = useMemo(
    () =>
      attempt === 'submit'
        ? withoutWithheld(validate(form.submissionSchema, content, t), content)
        : noErrors,
    [attempt, form, content, t],
  );
  const header = headerErrors(t, areaCode, period);
  const problem = draft?.problem ?? null;
  const rejected = problem?.kind === 'rejected' ? serverErrors(problem.issues) : noErrors;
  const allErrors = mergeErrors(header, attempt === 'submit' ? submissionErrors : draftErrors);
  const visible = useMemo(() => {
    if (attempt !== 'none') return mergeErrors(allErrors, rejected);
    const shown = new Map<string, string>();
    for (const [key, message] of allErrors) {
      for (const field of touched) {
        if (key === field || key.startsWith(`${field}.`)) shown.set(key, message);
      }
    }
    return mergeErrors(shown, rejected);
  }, [allErrors, rejected, touched, attempt]);

  const idPrefix = 'edit';
  const editing: FormEditing = {
    language: i18n.language,
    idPrefix,
    errors: visible,
    maxSensitivity: session.actor.clearance,
    change: (path: FieldPath, value: unknown) => {
      setContent((current) => withValueAt(current, path, value));
      setDirty(true);
    },
    touch: (path: FieldPath) =>
      setTouched((current) => {
        const key = path.join('.');
        return current.has(key) ? current : new Set([...current, key]);
      }),
    announce: setSpoken,
  };

  const showSummary = () => requestAnimationFrame(() => summary.current?.focus());

  const save = async (over: boolean) => {
    setAttempt('save');
    if (mergeErrors(header, draftErrors).size > 0) {
      showSummary();
      return;
    }
    try {
      const db = await localDatabase();
      const saved = await saveDraft(db, {
        userId,
        assessmentId,
        areaCode,
        period,
        content,
        expectedVersion: over ? null : loadedVersion,
      });
      setLoadedVersion(saved.localVersion);
      setDirty(false);
      setElsewhere(null);
      setAttempt('none');
      setTouched(new Set());
      setNotice(online ? t('capture.savedSending') : t('capture.savedOffline'));
      announce({ type: 'saved', userId });
    } catch (error) {
      if (error instanceof DraftChangedElsewhere) setElsewhere(error.current);
      else setNotice(t('capture.saveFailed'));
    }
  };

  const transition = useMutation(
    trpc.assessments.transition.mutationOptions({
      onSuccess: async (detail) => {
        const db = await localDatabase();
        await recordServerState(db, userId, assessmentId, {
          revision: detail.revision,
          status: detail.status,
        });
        announce({ type: 'changed', userId });
        setAttempt('none');
        setNotice(t('capture.submitted'));
      },
      onError: (failure) => setNotice(errorMessage(t, errorCode(failure))),
    }),
  );

  const waiting = device?.waiting.length ?? 0;
  const submitBlocker = !online
    ? t('capture.submitNeedsConnection')
    : dirty || isNew
      ? t('capture.submitNeedsSave')
      : waiting > 0 || draft?.baseRevision === null
        ? t('capture.submitNeedsSync')
        : problem
          ? t('capture.submitNeedsProblemSolved')
          : null;

  const submit = () => {
    setAttempt('submit');
    const errors = withoutWithheld(validate(form.submissionSchema, content, t), content);
    if (errors.size > 0 || header.size > 0) {
      showSummary();
      return;
    }
    if (submitBlocker || !draft?.baseRevision) return;
    transition.mutate({ id: assessmentId, action: 'submit', revision: draft.baseRevision });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  const title = content.title.trim() || (isNew ? t('capture.newTitle') : t('capture.untitled'));
  const locked = draft !== null && !isEditableStatus(draft.serverStatus);

  return (
    <FormEditingContext.Provider value={editing}>
      <article aria-labelledby="editor-title" className="editor">
        <p>
          <Link to="/capture">{t('capture.backToList')}</Link>
        </p>
        <h1 id="editor-title">{title}</h1>
        {device ? <DraftStatusLine device={device} sending={sending} /> : null}
        {problem ? <ProblemAlert problem={problem} assessmentId={assessmentId} /> : null}
        {elsewhere ? (
          <SavedElsewhereAlert
            onLoad={() => {
              setContent(elsewhere.content);
              setAreaCode(elsewhere.areaCode);
              setPeriod(elsewhere.period);
              setLoadedVersion(elsewhere.localVersion);
              setDirty(false);
              setElsewhere(null);
            }}
            onKeepMine={() => void save(true)}
          />
        ) : null}
        {locked && draft ? (
          <>
            <p className="notice">
              {t('capture.locked', { status: t(`status.${draft.serverStatus ?? 'draft'}`) })}{' '}
              <Link to="/assessments/$id" params={{ id: assessmentId }}>
                {t('capture.openOnServer')}
              </Link>
            </p>
            <ContentView
              form={form}
              content={draft.content}
              sectionSensitivity={draft.content.sectionSensitivity}
            />
          </>
        ) : (
          <form onSubmit={onSubmit} noValidate className="assessment-form">
            {attempt !== 'none' && visible.size > 0 ? (
              <ErrorSummary ref={summary} form={form} errors={visible} idPrefix={idPrefix} />
            ) : null}
            <p className="hint">{t('form.requiredLegend')}</p>
            <EditorHeader
              idPrefix={idPrefix}
              content={content}
              areaCode={areaCode}
              period={period}
              areas={areas}
              locked={draft !== null && draft.baseRevision !== null}
              onTitle={(value) => {
                setContent((current) => ({ ...current, title: value }));
                setDirty(true);
              }}
              onSensitivity={(value: Sensitivity) => {
                setContent((current) => ({ ...current, sensitivity: value }));
                setDirty(true);
              }}
              onArea={(value) => {
                setAreaCode(value);
                setDirty(true);
              }}
              onPeriod={(value) => {
                setPeriod(value);
                setDirty(true);
              }}
              levels={sensitivityLevels.filter((level) =>
                isCleared(session.actor.clearance, level),
              )}
            />
            <nav aria-label={t('capture.sectionsNav')} className="section-nav">
              <ul>
                {form.metadata.sections.map((section) => (
                  <li key={section.key}>
                    <a href={`#${idPrefix}-${section.key}`}>
                      {describePath(form, ['sections', section.key], i18n.language)[0]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            {form.metadata.sections.map((section) => (
              <SectionEditor
                key={section.key}
                section={section}
                value={content.sections[section.key]}
                raisedTo={content.sectionSensitivity[section.key]}
              />
            ))}
            <div className="form-actions">
              <button type="submit">{t('capture.save')}</button>
              <button
                type="button"
                className="secondary"
                aria-describedby={submitBlocker ? 'submit-blocker' : undefined}
                aria-disabled={submitBlocker || transition.isPending ? true : undefined}
                onClick={submit}
              >
                {t('capture.submit')}
              </button>
              {submitBlocker ? (
                <span id="submit-blocker" className="hint">
                  {submitBlocker}
                </span>
              ) : null}
              <p role="status" className="save-notice">
                {notice}
              </p>
            </div>
          </form>
        )}
        <div aria-live="polite" className="visually-hidden">
          {spoken}
        </div>
      </article>
    </FormEditingContext.Provider>
  );
}
