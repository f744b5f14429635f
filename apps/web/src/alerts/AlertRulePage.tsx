import { localise } from '@prevention/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useId, useMemo, useState, type FormEvent } from 'react';
import { QueryState } from '../app/QueryState.js';
import { holdsRole, useSession } from '../auth/session.js';
import { errorMessage } from '../i18n/access-labels.js';
import { useTranslation, type TFunction } from '../i18n/i18n.js';
import { SaveMessage, type FormOutcome } from '../plans/SaveMessage.js';
import { Link } from '../router/Link.js';
import { errorCode } from '../trpc/trpc.js';
import { useTRPC } from '../trpc/trpc.js';
import { alertFormat, type AlertFormat } from './alert-format.js';
import { ruleEditorRoles } from './alert-roles.js';
import { useAlertStrings } from './alert-strings.js';
import type { AlertRuleDetail, OnsetDefinition } from './alert-types.js';
import { problemsOf } from './use-alert-step.js';
import { useAlertAreaNames } from './area-label.js';
import { BacktestTable } from './BacktestTable.js';
import { conditionFacts } from './condition-facts.js';

/**
 * `/alert-rules/$id`: a rule — what it watches, why, and its guards — and how it would have done
 * over the stored history beside the naive baseline, shown before the form that enables it.
 */
export function AlertRulePage({ id }: { id: string }) {
  const { i18n } = useTranslation();
  const a = useAlertStrings();
  const trpc = useTRPC();
  const { session } = useSession();
  const rule = useQuery(trpc.alertRules.get.queryOptions({ id }));
  const format = useMemo(() => alertFormat(i18n.language), [i18n.language]);
  const mayEdit = holdsRole(session, ruleEditorRoles);
  return (
    <article aria-labelledby="rule-title" className="alerts-page">
      <ul className="page-links">
        <li>
          <Link to="/alert-rules">{a('rules.backToRules')}</Link>
        </li>
        <li>
          <Link to="/alerts">{a('links.inbox')}</Link>
        </li>
      </ul>
      <QueryState query={rule}>
        {(data) => (
          <>
            <h1 id="rule-title">{localise(data.title, i18n.language)}</h1>
            <RuleFacts rule={data} format={format} />
            <Backtest rule={data} format={format} />
            {mayEdit ? (
              <RuleSaveForm rule={data} />
            ) : (
              <p className="muted">{a('rule.editorsOnly')}</p>
            )}
          </>
        )}
      </QueryState>
    </article>
  );
}

function RuleFacts({ rule, format }: { rule: AlertRuleDetail; format: AlertFormat }) {
  const a = useAlertStrings();
  const names = useAlertAreaNames();
  return (
    <section aria-labelledby="rule-facts-title" className="region">
      <h2 id="rule-facts-title">{a('rule.facts')}</h2>
      <p>{rule.rationale}</p>
      <dl className="facts" data-testid="rule-facts">
        <dt>{a('rule.id')}</dt>
        <dd>
          <code>{rule.id}</code>
        </dd>
        <dt>{a('rules.version')}</dt>
        <dd>{rule.version}</dd>
        <dt>{a('rule.versions')}</dt>
        <dd>{rule.versions.join(', ')}</dd>
        <dt>{a('rules.scope')}</dt>
        <dd>{rule.countryCode === null ? a('rules.global') : names.country(rule.countryCode)}</dd>
        <dt>{a('rules.kind')}</dt>
        <dd>{a(`kind.${rule.condition.kind}`)}</dd>
        {conditionFacts(rule.condition).map((fact) => (
          <Fragment key={fact.param}>
            <dt>{a(`param.${fact.param}`)}</dt>
            <dd>{fact.param === 'test' ? a(`test.${fact.value}`) : fact.value}</dd>
          </Fragment>
        ))}
        <dt>{a('rules.level')}</dt>
        <dd>{a(`level.${rule.level}`)}</dd>
        <dt>{a('rule.cooldown')}</dt>
        <dd>{a('rule.cooldownDays', { count: rule.cooldownDays })}</dd>
        <dt>{a('rule.acknowledgeWithin')}</dt>
        <dd>{format.duration(rule.acknowledgeWithinHours)}</dd>
        <dt>{a('rule.enabledState')}</dt>
        <dd data-testid="rule-enabled">{a(rule.enabled ? 'rule.isEnabled' : 'rule.isDisabled')}</dd>
      </dl>
    </section>
  );
}

function onsetText(onset: OnsetDefinition, a: TFunction, format: AlertFormat) {
  return onset.kind === 'indicator-above'
    ? a('rule.onsetIndicator', {
        indicator: onset.indicatorId,
        threshold: format.number(onset.threshold),
      })
    : a('rule.onsetClass', { node: onset.node, class: onset.toClass });
}

function Backtest({ rule, format }: { rule: AlertRuleDetail; format: AlertFormat }) {
  const { i18n } = useTranslation();
  const a = useAlertStrings();
  const trpc = useTRPC();
  const report = useQuery({
    ...trpc.alertRules.backtest.queryOptions({ rule: { id: rule.id } }),
    // A back-test reads the whole stored history: worth keeping for the page's life.
    staleTime: Infinity,
  });
  return (
    <section aria-labelledby="backtest-title" className="region">
      <h2 id="backtest-title">{a('rule.backtest')}</h2>
      <QueryState query={report}>
        {(data) => {
          const figures = data.rules.find((entry) => entry.ruleId === rule.id) ?? data.rules[0];
          return (
            <>
              <p>
                {a('rule.backtestIntro', {
                  from: format.month(data.from),
                  to: format.month(data.to),
                  onset: onsetText(data.onset, a, format),
                  horizonFrom: data.horizon.from,
                  horizonTo: data.horizon.to,
                })}
              </p>
              {figures ? (
                <BacktestTable
                  caption={a('rule.backtestCaption', {
                    rule: localise(rule.title, i18n.language),
                  })}
                  rule={figures}
                  baseline={data.baseline}
                  format={format}
                />
              ) : null}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

/** Saves the rule as its next version, enabled or not (administrators and HQ planners). */
function RuleSaveForm({ rule }: { rule: AlertRuleDetail }) {
  const { t } = useTranslation();
  const a = useAlertStrings();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [enabled, setEnabled] = useState(rule.enabled);
  const [outcome, setOutcome] = useState<FormOutcome | null>(null);
  const save = useMutation(
    trpc.alertRules.save.mutationOptions({
      onSuccess: async (saved) => {
        setOutcome({ kind: 'done', text: a('rule.saved', { version: saved.version }) });
        await queryClient.invalidateQueries({ queryKey: [['alertRules']] });
      },
      onError: (failure) =>
        setOutcome({
          kind: 'error',
          text: errorMessage(t, errorCode(failure)),
          problems: problemsOf(failure),
        }),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The rule as the API sends it, less what the store assigns: its version and their list.
    const { version: _version, versions: _versions, ...draft } = rule;
    save.mutate({ ...draft, enabled });
  };
  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{a('rule.saveTitle')}</h2>
      <form onSubmit={submit} noValidate className="alert-form" aria-labelledby={`${id}-title`}>
        <label className="checkbox" htmlFor={`${id}-enabled`}>
          <input
            id={`${id}-enabled`}
            type="checkbox"
            checked={enabled}
            onChange={(event) => setEnabled(event.target.checked)}
          />{' '}
          {a('rule.enable')}
        </label>
        <div className="actions">
          <button type="submit" disabled={save.isPending}>
            {a('rule.save')}
          </button>
        </div>
        <SaveMessage outcome={outcome} />
      </form>
    </section>
  );
}
