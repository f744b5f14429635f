import type { RouterOutputs } from '@prevention/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import { useSession } from '../auth/session.js';
import { clearanceLabel, errorMessage, roleLabel } from '../i18n/access-labels.js';
import { errorCode, useTRPC } from '../trpc/trpc.js';
import { navigateTo } from '../router/location.js';
import type { RouteProps } from '../app/routes.js';

type Step =
  | { kind: 'password' }
  | { kind: 'second-factor' }
  | { kind: 'enrolment'; secret: string; otpauthUri: string };

type DemoAccount = RouterOutputs['auth']['demoAccounts'][number];

/** Only a path on this site may be returned to after signing in. */
function localPath(value: string | undefined): string {
  return value?.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function SignInRoute({ search }: RouteProps<'/sign-in'>) {
  return <SignInPage redirect={localPath(search.redirect)} />;
}

/** Sign-in: the password, then — when the account has or needs one — a TOTP code. */
export function SignInPage({ redirect }: { redirect: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { session } = useSession();
  const info = useQuery(trpc.system.info.queryOptions());
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = { email: useId(), password: useId(), code: useId(), codeHint: useId() };

  // Once signed in, the session query answers with the user, and the effect below moves on.
  const finish = () => queryClient.invalidateQueries();

  useEffect(() => {
    if (session) navigateTo(redirect, { replace: true });
  }, [session, redirect]);

  // When the form changes to the second step (or back), screen readers hear the new heading.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [step.kind]);

  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: async (result) => {
        setError(null);
        setCode('');
        if (result.status === 'signed-in') await finish();
        else if (result.status === 'second-factor-required') setStep({ kind: 'second-factor' });
        else setStep({ kind: 'enrolment', secret: result.secret, otpauthUri: result.otpauthUri });
      },
      onError: (failure) => {
        const code = errorCode(failure);
        setError(code === 'UNAUTHORIZED' ? t('signIn.wrongCredentials') : errorMessage(t, code));
      },
    }),
  );

  const verify = useMutation(
    trpc.auth.verifySecondFactor.mutationOptions({
      onSuccess: finish,
      onError: (failure) => {
        const code = errorCode(failure);
        setError(code === 'UNAUTHORIZED' ? t('signIn.wrongCode') : errorMessage(t, code));
      },
    }),
  );

  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password });
  };
  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate({ code: code.replace(/\s/g, '') });
  };
  const startAgain = () => {
    setStep({ kind: 'password' });
    setError(null);
    setCode('');
  };

  return (
    <div className="sign-in">
      <section aria-labelledby="sign-in-title" className="panel">
        <h1 id="sign-in-title" ref={heading} tabIndex={-1}>
          {step.kind === 'password' ? t('signIn.title') : t('signIn.secondFactorTitle')}
        </h1>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        {step.kind === 'password' ? (
          <form onSubmit={submitPassword} noValidate>
            <div className="field">
              <label htmlFor={ids.email}>{t('signIn.email')}</label>
              <input
                id={ids.email}
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.password}>{t('signIn.password')}</label>
              <input
                id={ids.password}
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </div>
            <button type="submit" disabled={signIn.isPending}>
              {t('signIn.submit')}
            </button>
          </form>
        ) : (
          <form onSubmit={submitCode} noValidate>
            {step.kind === 'enrolment' ? (
              <Enrolment secret={step.secret} otpauthUri={step.otpauthUri} />
            ) : (
              <p>{t('signIn.secondFactorIntro')}</p>
            )}
            <div className="field">
              <label htmlFor={ids.code}>{t('signIn.code')}</label>
              <input
                id={ids.code}
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]{6}"
                maxLength={6}
                required
                aria-describedby={ids.codeHint}
                value={code}
                onChange={(event) => setCode(event.target.value)}
              />
              <span id={ids.codeHint} className="hint">
                {t('signIn.codeHint')}
              </span>
            </div>
            <div className="actions">
              <button type="submit" disabled={verify.isPending}>
                {t('signIn.verify')}
              </button>
              <button type="button" className="secondary" onClick={startAgain}>
                {t('signIn.startAgain')}
              </button>
            </div>
          </form>
        )}
      </section>
      {info.data?.mode === 'demo' ? (
        <DemoAccounts
          onUse={(account) => {
            setEmail(account.email);
            setPassword(account.password);
            startAgain();
          }}
        />
      ) : null}
    </div>
  );
}

/** Setting up the second factor: the key to type or paste into an authenticator app. */
function Enrolment({ secret, otpauthUri }: { secret: string; otpauthUri: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('signIn.enrolmentIntro')}</p>
      <p>
        {t('signIn.enrolmentKey')}{' '}
        <code className="secret" data-testid="totp-secret">
          {secret.replace(/(.{4})/g, '$1 ').trim()}
        </code>
      </p>
      <p>
        <a href={otpauthUri}>{t('signIn.enrolmentLink')}</a>
      </p>
    </>
  );
}

/**
 * Demo mode only: the demo accounts, their shared password and, for those whose clearance needs a
 * second factor, the current code — so anyone can try every role without an authenticator app.
 */
function DemoAccounts({ onUse }: { onUse: (account: DemoAccount) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const accounts = useQuery({
    ...trpc.auth.demoAccounts.queryOptions(),
    refetchInterval: 5_000,
    staleTime: 0,
  });
  const password = accounts.data?.[0]?.password;
  return (
    <section aria-labelledby="demo-accounts-title" className="panel demo-accounts">
      <h2 id="demo-accounts-title">{t('signIn.demoTitle')}</h2>
      <p>{password ? t('signIn.demoIntro', { password }) : null}</p>
      <p className="hint">{t('signIn.demoCodes')}</p>
      {accounts.data ? (
        <table>
          <caption className="visually-hidden">{t('signIn.demoTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('signIn.demoAccount')}</th>
              <th scope="col">{t('users.roles')}</th>
              <th scope="col">{t('users.clearance')}</th>
              <th scope="col">{t('signIn.demoCode')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('signIn.demoUse')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.data.map((account) => (
              <tr key={account.email}>
                <td>
                  {account.displayName}
                  <br />
                  <span className="code">{account.email}</span>
                </td>
                <td>{account.roles.map((role) => roleLabel(t, role)).join(', ')}</td>
                <td>{clearanceLabel(t, account.clearance)}</td>
                <td>
                  {account.totpCode ? (
                    <span data-testid={`demo-code-${account.email}`} className="code">
                      {account.totpCode}
                    </span>
                  ) : (
                    <span className="muted">{t('signIn.demoNoCode')}</span>
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('signIn.demoUseAccount', { name: account.displayName })}
                    onClick={() => onUse(account)}
                  >
                    {t('signIn.demoUse')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
