import {
  jsonEqual,
  mergeBySection,
  type AssessmentContent,
  type AssessmentDetail,
  type AssessmentForm,
  type MergeChoice,
  type SyncAnswer,
} from '@prevention/assessment';
import { localise } from '@prevention/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { QueryState } from '../app/QueryState.js';
import type { RouteProps } from '../app/routes.js';
import { formatDateTime } from '../assessments/labels.js';
import { useAssessmentForm } from '../assessments/use-assessment-form.js';
import { useSession } from '../auth/session.js';
import { SectionBody } from '../form/ContentView.js';
import { errorMessage } from '../i18n/access-labels.js';
import { useTranslation } from '../i18n/i18n.js';
import { announce } from '../offline/change-feed.js';
import { findDraft, settleConflict } from '../offline/draft-store.js';
import { localDatabase } from '../offline/local-database.js';
import { Link, useNavigate } from '../router/Link.js';
import { errorCode, useTRPC } from '../trpc/trpc.js';

export function ConflictRoute({ params }: RouteProps<'/assessments/$id/conflicts/$conflictId'>) {
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
      {(data) => (
        <ConflictResolver
          detail={data as AssessmentDetail}
          conflictId={params.conflictId}
          form={formState.form}
        />
      )}
    </QueryState>
  );
}

/** The newest version this device holds of the losing side, when it holds this conflict. */
function useMineOnDevice(userId: string | undefined, assessmentId: string, conflictId: string) {
  const [mine, setMine] = useState<AssessmentContent | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    if (!userId) return;
    void (async () => {
      try {
        const db = await localDatabase();
        const draft = await findDraft(db, userId, assessmentId);
        const holds =
          draft?.problem?.kind === 'conflict' && draft.problem.conflictId === conflictId;
        if (current) setMine(holds ? draft.content : null);
      } catch {
        if (current) setMine(null);
      }
    })();
    return () => {
      current = false;
    };
  }, [userId, assessmentId, conflictId]);
  return mine;
}

type Part = { key: string; title: string };

/**
 * A conflict, both versions side by side, part by part (the header, then each section): the
 * author keeps theirs or the server's for each, and saves the result as a new revision on the
 * server's — or gives their version up. Nothing is overwritten without a choice.
 */
function ConflictResolver({
  detail,
  conflictId,
  form,
}: {
  detail: AssessmentDetail;
  conflictId: string;
  form: AssessmentForm;
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { session } = useSession();
  const userId = session?.user.id;
  const conflict = detail.conflicts.find((c) => c.id === conflictId);
  const onDevice = useMineOnDevice(userId, detail.id, conflictId);
  const [choices, setChoices] = useState<Record<string, MergeChoice>>({});
  const [error, setError] = useState<string | null>(null);

  const done = async (settled: {
    content: AssessmentContent;
    revision: number;
    savedAt: string;
  }) => {
    if (userId) {
      const db = await localDatabase();
      if (await findDraft(db, userId, detail.id)) {
        await settleConflict(db, userId, detail.id, settled);
        announce({ type: 'changed', userId });
      }
    }
    await queryClient.invalidateQueries({ queryKey: [['assessments']] });
    navigate({ to: '/assessments/$id', params: { id: detail.id } });
  };

  const theirs = detail.content as AssessmentContent;
  const mine = (onDevice ?? conflict?.content) as AssessmentContent | undefined;

  const resolve = useMutation(
    trpc.assessments.resolveConflict.mutationOptions({
      onSuccess: async (raw, input) => {
        const answer = raw as SyncAnswer;
        if (answer.outcome === 'acknowledged') {
          await done({
            content: input.content,
            revision: answer.revision,
            savedAt: answer.savedAt,
          });
        } else if (answer.outcome === 'conflict') {
          setError(t('conflicts.movedOn'));
          await queryClient.invalidateQueries({ queryKey: [['assessments']] });
        } else {
          setError(`${answer.message} ${answer.issues.map((i) => i.message).join('; ')}`);
        }
      },
      onError: (failure) => setError(errorMessage(t, errorCode(failure))),
    }),
  );
  const discard = useMutation(
    trpc.assessments.discardConflict.mutationOptions({
      onSuccess: () =>
        done({ content: theirs, revision: detail.revision, savedAt: detail.updatedAt }),
      onError: (failure) => setError(errorMessage(t, errorCode(failure))),
    }),
  );

  if (!conflict || !mine || onDevice === undefined) {
    return (
      <section aria-labelledby="conflict-title">
        <h1 id="conflict-title">{t('conflicts.title')}</h1>
        {onDevice === undefined && conflict ? (
          <p role="status" className="muted">
            {t('common.loading')}
          </p>
        ) : (
          <p>{t('conflicts.notOpen')}</p>
        )}
        <p>
          <Link to="/assessments/$id" params={{ id: detail.id }}>
            {t('conflicts.backToAssessment')}
          </Link>
        </p>
      </section>
    );
  }

  const parts: Part[] = [
    { key: 'header', title: t('assessment.header') },
    ...form.metadata.sections.map((s) => ({
      key: s.key,
      title: localise(s.metadata.title, i18n.language),
    })),
  ];
  const differs = (key: string) =>
    key === 'header'
      ? mine.title !== theirs.title || mine.sensitivity !== theirs.sensitivity
      : !jsonEqual(mine.sections?.[key], theirs.sections?.[key]) ||
        mine.sectionSensitivity?.[key] !== theirs.sectionSensitivity?.[key];
  const choiceOf = (key: string): MergeChoice => choices[key] ?? 'mine';
  const merged = () =>
    mergeBySection(
      form,
      mine,
      theirs,
      Object.fromEntries(
        parts.map((part) => [part.key, differs(part.key) ? choiceOf(part.key) : 'theirs']),
      ),
    );
  const changedParts = parts.filter((part) => differs(part.key));

  return (
    <article aria-labelledby="conflict-title" className="conflict">
      <p>
        <Link to="/assessments/$id" params={{ id: detail.id }}>
          {t('conflicts.backToAssessment')}
        </Link>
      </p>
      <h1 id="conflict-title">{t('conflicts.titleOf', { title: detail.title })}</h1>
      <p>
        {t('conflicts.explain', {
          name: conflict.author.name,
          when: formatDateTime(conflict.createdAt, i18n.language),
          base: conflict.baseRevision ?? '—',
          revision: detail.revision,
        })}
      </p>
      <p className="hint">
        {t('conflicts.partsDiffer', { count: changedParts.length, total: parts.length })}
      </p>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {changedParts.map((part) => {
        const section = form.metadata.sections.find((s) => s.key === part.key);
        const name = `choice-${part.key}`;
        return (
          <section key={part.key} aria-labelledby={`${name}-title`} className="conflict-part">
            <h2 id={`${name}-title`}>{part.title}</h2>
            <fieldset className="choices inline">
              <legend>{t('conflicts.keepWhich', { part: part.title })}</legend>
              {(['mine', 'theirs'] as const).map((choice) => (
                <label key={choice} className="choice">
                  <input
                    type="radio"
                    name={name}
                    value={choice}
                    checked={choiceOf(part.key) === choice}
                    onChange={() => setChoices((current) => ({ ...current, [part.key]: choice }))}
                  />
                  {t(`conflicts.${choice}`)}
                </label>
              ))}
            </fieldset>
            <div className="side-by-side">
              {(['mine', 'theirs'] as const).map((side) => {
                const version = side === 'mine' ? mine : theirs;
                return (
                  <div
                    key={side}
                    className={choiceOf(part.key) === side ? 'version chosen' : 'version'}
                  >
                    <h3>
                      {side === 'mine'
                        ? t('conflicts.mineHeading')
                        : t('conflicts.theirsHeading', { revision: detail.revision })}
                    </h3>
                    {section ? (
                      <SectionBody section={section} value={version.sections?.[part.key]} />
                    ) : (
                      <dl className="facts">
                        <dt>{t('assessment.titleField')}</dt>
                        <dd>{version.title}</dd>
                        <dt>{t('assessment.sensitivityField')}</dt>
                        <dd>{t(`sensitivity.${version.sensitivity}`)}</dd>
                      </dl>
                    )}
                  </div>
                );
              })}
            </div>
          </section>
        );
      })}
      <div className="form-actions">
        <button
          type="button"
          disabled={resolve.isPending}
          onClick={() =>
            resolve.mutate({ conflictId, baseRevision: detail.revision, content: merged() })
          }
        >
          {t('conflicts.save')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={discard.isPending}
          onClick={() => discard.mutate({ conflictId })}
        >
          {t('conflicts.discard')}
        </button>
      </div>
    </article>
  );
}
