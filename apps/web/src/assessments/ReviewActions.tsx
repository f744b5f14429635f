import type { AssessmentDetail, AssessmentForm, LifecycleAction } from '@prevention/assessment';
import { localise } from '@prevention/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../i18n/access-labels.js';
import { useTranslation } from '../i18n/i18n.js';
import { errorCode, useTRPC } from '../trpc/trpc.js';

/** Actions that carry the reviewer's comments, one per section. */
const withComments: readonly LifecycleAction[] = ['return', 'endorse'];

/**
 * The lifecycle steps the reader may take now, as the server lists them. Returning needs a
 * comment on at least one section, so the team knows what to change; endorsing may have some.
 */
export function ReviewActions({
  detail,
  form,
}: {
  detail: AssessmentDetail;
  form: AssessmentForm;
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [comments, setComments] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);
  const [chosen, setChosen] = useState<LifecycleAction | null>(null);
  const baseId = useId();

  const transition = useMutation(
    trpc.assessments.transition.mutationOptions({
      onSuccess: async (next) => {
        setMessage({
          kind: 'done',
          text: t('review.done', { status: t(`status.${next.status}`) }),
        });
        setComments({});
        setChosen(null);
        await queryClient.invalidateQueries({ queryKey: [['assessments']] });
      },
      onError: (failure) =>
        setMessage({ kind: 'error', text: errorMessage(t, errorCode(failure)) }),
    }),
  );

  if (detail.availableActions.length === 0) return null;

  const take = (action: LifecycleAction) => {
    const given = Object.fromEntries(
      Object.entries(comments).filter(([, text]) => text.trim() !== ''),
    );
    if (action === 'return' && Object.keys(given).length === 0) {
      setChosen('return');
      setMessage({ kind: 'error', text: t('review.returnNeedsComments') });
      return;
    }
    transition.mutate({
      id: detail.id,
      action,
      revision: detail.revision,
      ...(withComments.includes(action) && Object.keys(given).length > 0
        ? { comments: given }
        : {}),
    });
  };

  const needsComments = detail.availableActions.some((a) => withComments.includes(a));
  return (
    <section aria-labelledby={`${baseId}-title`} className="panel review">
      <h2 id={`${baseId}-title`}>{t('review.title')}</h2>
      <form
        onSubmit={(event: FormEvent) => event.preventDefault()}
        noValidate
        aria-describedby={needsComments ? `${baseId}-intro` : undefined}
      >
        {needsComments ? (
          <>
            <p id={`${baseId}-intro`}>{t('review.commentsIntro')}</p>
            {form.metadata.sections.map((section) => {
              const id = `${baseId}-${section.key}`;
              return (
                <div className="field wide" key={section.key}>
                  <label htmlFor={id}>
                    {t('review.commentOn', {
                      section: localise(section.metadata.title, i18n.language),
                    })}
                  </label>
                  <textarea
                    id={id}
                    rows={2}
                    maxLength={4000}
                    aria-invalid={
                      chosen === 'return' && message?.kind === 'error' ? true : undefined
                    }
                    value={comments[section.key] ?? ''}
                    onChange={(event) =>
                      setComments((current) => ({ ...current, [section.key]: event.target.value }))
                    }
                  />
                </div>
              );
            })}
          </>
        ) : null}
        <div className="actions">
          {detail.availableActions.map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'return' ? 'secondary' : undefined}
              disabled={transition.isPending}
              onClick={() => take(action)}
            >
              {t(`review.actions.${action}`)}
            </button>
          ))}
        </div>
        <p role="status">{message?.kind === 'done' ? message.text : ''}</p>
        <p role="alert" className="error-text">
          {message?.kind === 'error' ? message.text : ''}
        </p>
      </form>
    </section>
  );
}
