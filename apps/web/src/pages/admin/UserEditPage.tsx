import type { RouterOutputs } from '@prevention/api';
import {
  CountryCode,
  passwordRules,
  requiresSecondFactor,
  roles,
  sensitivityLevels,
  type CountryScope,
  type Role,
  type Sensitivity,
} from '@prevention/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/i18n.js';
import { clearanceLabel, errorMessage, roleLabel } from '../../i18n/access-labels.js';
import { Link, useNavigate } from '../../router/Link.js';
import { errorCode, invalidFields, useTRPC } from '../../trpc/trpc.js';
import type { RouteProps } from '../../app/routes.js';

type User = RouterOutputs['users']['byId'];

export function NewUserRoute() {
  return <UserEditPage userId={null} />;
}

export function UserRoute({ params }: RouteProps<'/admin/users/$id'>) {
  return <UserEditPage userId={params.id} />;
}

/** Creates a user (`userId` null) or changes one: roles, country scope, clearance, status. */
export function UserEditPage({ userId }: { userId: string | null }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const user = useQuery({
    ...trpc.users.byId.queryOptions({ id: userId ?? '' }),
    enabled: !!userId,
  });
  const title = userId ? t('users.editTitle') : t('users.addTitle');
  return (
    <section aria-labelledby="user-title">
      <p>
        <Link to="/admin/users">{t('users.backToList')}</Link>
      </p>
      <h1 id="user-title">{user.data ? `${title}: ${user.data.displayName}` : title}</h1>
      {userId === null ? (
        <UserForm user={null} />
      ) : user.isPending ? (
        <p role="status" className="muted">
          {t('common.loading')}
        </p>
      ) : user.isError ? (
        <p role="alert" className="error">
          {errorMessage(t, errorCode(user.error))}
        </p>
      ) : (
        <>
          <UserForm key={user.data.id} user={user.data} />
          <CredentialActions user={user.data} />
          <p>
            <Link to="/admin/audit" search={{ resource: user.data.id }}>
              {t('users.auditTrail')}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}

function UserForm({ user }: { user: User | null }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [chosenRoles, setChosenRoles] = useState<Role[]>(user?.roles ?? []);
  const [scopeKind, setScopeKind] = useState<CountryScope['kind']>(user?.scope.kind ?? 'countries');
  const [countries, setCountries] = useState(
    user?.scope.kind === 'countries' ? user.scope.countries.join(', ') : '',
  );
  const [clearance, setClearance] = useState<Sensitivity>(user?.clearance ?? 'restricted');
  const [password, setPassword] = useState('');
  const [disabled, setDisabled] = useState(user?.disabled ?? false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const ids = {
    email: useId(),
    name: useId(),
    countries: useId(),
    countriesHint: useId(),
    clearance: useId(),
    clearanceHint: useId(),
    password: useId(),
    passwordHint: useId(),
    disabled: useId(),
  };

  const onError = (failure: unknown) => {
    const fields = invalidFields(failure);
    setMessage({
      ok: false,
      text: fields.includes('password')
        ? t('account.passwordRefused', passwordRules)
        : fields.includes('email') && errorCode(failure) === 'CONFLICT'
          ? t('users.emailTaken')
          : errorMessage(t, errorCode(failure)),
    });
  };
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
        navigate({ to: '/admin/users/$id', params: { id: created.id } });
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: async () => {
        setMessage({ ok: true, text: t('users.saved') });
        await queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
      },
      onError,
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const codes = countries
      .split(/[\s,;]+/)
      .map((code) => code.trim().toUpperCase())
      .filter(Boolean);
    if (chosenRoles.length === 0) {
      setMessage({ ok: false, text: t('users.needRole') });
      return;
    }
    if (
      scopeKind === 'countries' &&
      (codes.length === 0 || !codes.every((c) => CountryCode.safeParse(c).success))
    ) {
      setMessage({ ok: false, text: t('users.badCountries') });
      return;
    }
    const scope: CountryScope =
      scopeKind === 'global'
        ? { kind: 'global' }
        : { kind: 'countries', countries: [...new Set(codes)] };
    const fields = { displayName: displayName.trim(), roles: chosenRoles, scope, clearance };
    if (user) update.mutate({ id: user.id, ...fields, disabled });
    else create.mutate({ ...fields, email: email.trim(), password });
  };

  return (
    <form onSubmit={submit} className="panel" noValidate>
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? undefined : 'error'}>
          {message.text}
        </p>
      ) : null}
      {user ? (
        <p>
          {t('users.email')}: <strong>{user.email}</strong>
        </p>
      ) : (
        <div className="field">
          <label htmlFor={ids.email}>{t('users.email')}</label>
          <input
            id={ids.email}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={ids.name}>{t('users.name')}</label>
        <input
          id={ids.name}
          autoComplete="off"
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
        />
      </div>
      <fieldset>
        <legend>{t('users.roles')}</legend>
        {roles.map((role) => (
          <label key={role} className="choice">
            <input
              type="checkbox"
              checked={chosenRoles.includes(role)}
              onChange={(event) =>
                setChosenRoles((current) =>
                  event.target.checked
                    ? roles.filter((r) => r === role || current.includes(r))
                    : current.filter((r) => r !== role),
                )
              }
            />
            {roleLabel(t, role)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('users.scope')}</legend>
        <label className="choice">
          <input
            type="radio"
            name="scope"
            checked={scopeKind === 'global'}
            onChange={() => setScopeKind('global')}
          />
          {t('scope.global')}
        </label>
        <label className="choice">
          <input
            type="radio"
            name="scope"
            checked={scopeKind === 'countries'}
            onChange={() => setScopeKind('countries')}
          />
          {t('scope.countries')}
        </label>
        <div className="field">
          <label htmlFor={ids.countries}>{t('users.countryCodes')}</label>
          <input
            id={ids.countries}
            aria-describedby={ids.countriesHint}
            disabled={scopeKind === 'global'}
            value={countries}
            onChange={(event) => setCountries(event.target.value)}
          />
          <span id={ids.countriesHint} className="hint">
            {t('users.countryCodesHint')}
          </span>
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={ids.clearance}>{t('users.clearance')}</label>
        <select
          id={ids.clearance}
          aria-describedby={ids.clearanceHint}
          value={clearance}
          onChange={(event) => setClearance(event.target.value as Sensitivity)}
        >
          {sensitivityLevels.map((level) => (
            <option key={level} value={level}>
              {clearanceLabel(t, level)}
            </option>
          ))}
        </select>
        <span id={ids.clearanceHint} className="hint">
          {requiresSecondFactor(clearance)
            ? t('users.clearanceNeedsSecondFactor')
            : t('users.clearanceHint')}
        </span>
      </div>
      {user ? (
        <label className="choice">
          <input
            id={ids.disabled}
            type="checkbox"
            checked={disabled}
            onChange={(event) => setDisabled(event.target.checked)}
          />
          {t('users.disableAccount')}
        </label>
      ) : (
        <div className="field">
          <label htmlFor={ids.password}>{t('users.initialPassword')}</label>
          <input
            id={ids.password}
            type="password"
            autoComplete="new-password"
            aria-describedby={ids.passwordHint}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <span id={ids.passwordHint} className="hint">
            {t('users.passwordHint', passwordRules)}
          </span>
        </div>
      )}
      <button type="submit" disabled={create.isPending || update.isPending}>
        {user ? t('users.save') : t('users.create')}
      </button>
    </form>
  );
}

/** A new password, or removing a lost second factor: both end the user's sessions. */
function CredentialActions({ user }: { user: User }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const passwordId = useId();
  const done = (text: string) => async () => {
    setMessage({ ok: true, text });
    setPassword('');
    await queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
  };
  const failed = (failure: unknown) =>
    setMessage({
      ok: false,
      text: invalidFields(failure).includes('password')
        ? t('account.passwordRefused', passwordRules)
        : errorMessage(t, errorCode(failure)),
    });
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: done(t('users.passwordReset')),
      onError: failed,
    }),
  );
  const resetSecondFactor = useMutation(
    trpc.users.resetSecondFactor.mutationOptions({
      onSuccess: done(t('users.secondFactorReset')),
      onError: failed,
    }),
  );
  return (
    <div className="panel" aria-labelledby="credentials-title" role="group">
      <h2 id="credentials-title">{t('users.credentialsTitle')}</h2>
      <p className="hint">{t('users.credentialsIntro')}</p>
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? undefined : 'error'}>
          {message.text}
        </p>
      ) : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          reset.mutate({ id: user.id, password });
        }}
        noValidate
      >
        <div className="field">
          <label htmlFor={passwordId}>{t('users.newPassword')}</label>
          <input
            id={passwordId}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <button type="submit" disabled={reset.isPending}>
          {t('users.setPassword')}
        </button>
      </form>
      {user.secondFactor ? (
        <p>
          <button
            type="button"
            className="secondary"
            disabled={resetSecondFactor.isPending}
            onClick={() => resetSecondFactor.mutate({ id: user.id })}
          >
            {t('users.resetSecondFactor')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
