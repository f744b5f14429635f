import { passwordRules } from '@prevention/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import { useSession } from '../auth/session.js';
import { clearanceLabel, errorMessage, roleLabel, scopeLabel } from '../i18n/access-labels.js';
import { errorCode, invalidFields, useTRPC } from '../trpc/trpc.js';
import { useNavigate } from '../router/Link.js';

/** The signed-in user's own account: what they may do, their password and second factor. */
export function AccountPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  if (!session) return null;
  const { user, actor } = session;
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">{t('account.title')}</h1>
      <dl className="facts">
        <dt>{t('users.name')}</dt>
        <dd>{user.displayName}</dd>
        <dt>{t('users.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('users.roles')}</dt>
        <dd>{user.roles.map((role) => roleLabel(t, role)).join(', ')}</dd>
        <dt>{t('users.scope')}</dt>
        <dd>{scopeLabel(t, user.scope)}</dd>
        <dt>{t('users.clearance')}</dt>
        <dd>
          {clearanceLabel(t, user.clearance)}
          {actor.clearance !== user.clearance ? (
            <span className="hint">
              {' '}
              {t('account.clearanceLimited', { level: clearanceLabel(t, actor.clearance) })}
            </span>
          ) : null}
        </dd>
        <dt>{t('users.secondFactor')}</dt>
        <dd>{user.secondFactor ? t('users.secondFactorOn') : t('users.secondFactorOff')}</dd>
      </dl>
      {user.secondFactor ? null : <SecondFactorSetup />}
      <ChangePassword />
    </section>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ids = { current: useId(), next: useId(), hint: useId() };
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: async () => {
        queryClient.clear();
        navigate({ to: '/sign-in', force: true });
      },
      onError: (failure) => {
        const fields = invalidFields(failure);
        setError(
          fields.includes('currentPassword')
            ? t('account.wrongCurrentPassword')
            : fields.includes('newPassword')
              ? t('account.passwordRefused', passwordRules)
              : errorMessage(t, errorCode(failure)),
        );
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ currentPassword: current, newPassword: next });
  };
  return (
    <form onSubmit={submit} className="panel" aria-labelledby="change-password-title" noValidate>
      <h2 id="change-password-title">{t('account.changePassword')}</h2>
      <p className="hint">{t('account.changePasswordIntro')}</p>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={ids.current}>{t('account.currentPassword')}</label>
        <input
          id={ids.current}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.next}>{t('account.newPassword')}</label>
        <input
          id={ids.next}
          type="password"
          autoComplete="new-password"
          aria-describedby={ids.hint}
          value={next}
          onChange={(event) => setNext(event.target.value)}
        />
        <span id={ids.hint} className="hint">
          {t('users.passwordHint', passwordRules)}
        </span>
      </div>
      <button type="submit" disabled={change.isPending}>
        {t('account.changePassword')}
      </button>
    </form>
  );
}

/** An optional second factor for users whose clearance does not require one. */
function SecondFactorSetup() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const codeId = useId();
  const begin = useMutation(trpc.account.beginTotpEnrolment.mutationOptions());
  const confirm = useMutation(
    trpc.account.confirmTotpEnrolment.mutationOptions({
      onSuccess: async () => {
        setMessage({ ok: true, text: t('account.secondFactorDone') });
        await queryClient.invalidateQueries();
      },
      onError: () => setMessage({ ok: false, text: t('signIn.wrongCode') }),
    }),
  );
  return (
    <div className="panel">
      <h2>{t('account.secondFactorTitle')}</h2>
      <p className="hint">{t('account.secondFactorIntro')}</p>
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? undefined : 'error'}>
          {message.text}
        </p>
      ) : null}
      {begin.data ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            confirm.mutate({ code });
          }}
          noValidate
        >
          <p>
            {t('signIn.enrolmentKey')} <code className="secret">{begin.data.secret}</code>
          </p>
          <p>
            <a href={begin.data.otpauthUri}>{t('signIn.enrolmentLink')}</a>
          </p>
          <div className="field">
            <label htmlFor={codeId}>{t('signIn.code')}</label>
            <input
              id={codeId}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
          </div>
          <button type="submit" disabled={confirm.isPending}>
            {t('signIn.verify')}
          </button>
        </form>
      ) : (
        <button type="button" disabled={begin.isPending} onClick={() => begin.mutate()}>
          {t('account.secondFactorStart')}
        </button>
      )}
    </div>
  );
}
