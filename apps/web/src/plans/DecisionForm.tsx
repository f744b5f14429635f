import { findCountry, mayView, sensitivityLevels, type Sensitivity } from '@prevention/core';
import type { DecisionBody, DecisionKind } from '@prevention/planning';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useSession } from '../auth/session.js';
import { useAreaNames } from '../i18n/area-names.js';
import { errorMessage } from '../i18n/access-labels.js';
import { useTranslation } from '../i18n/i18n.js';
import { errorCode, useTRPC } from '../trpc/trpc.js';
import { usePlanStrings } from './plan-strings.js';
import { SaveMessage } from './SaveMessage.js';

const bodies: DecisionBody[] = ['country-team', 'regional-body', 'hq-executive-committee'];
const kinds: DecisionKind[] = ['decision', 'action', 'information'];
const demoCountries = ['SDN', 'SSD', 'MLI'];

/**
 * Logs what a meeting decided. A decision or an action has an owner and a due date; the
 * recorder owns it here (the owner follows it up), or logs information that nobody owns.
 */
export function DecisionForm({ defaultCountry }: { defaultCountry: string | null }) {
  const { t } = useTranslation();
  const p = usePlanStrings();
  const trpc = useTRPC();
  const names = useAreaNames();
  const queryClient = useQueryClient();
  const { session } = useSession();
  const id = useId();
  const actor = session?.actor;
  const global = actor?.scope.kind === 'global';
  const countries = actor?.scope.kind === 'countries' ? actor.scope.countries : demoCountries;
  const [country, setCountry] = useState<string>(defaultCountry ?? countries[0] ?? '');
  const [sensitivity, setSensitivity] = useState<Sensitivity>('restricted');
  const [body, setBody] = useState<DecisionBody>('country-team');
  const [bodyName, setBodyName] = useState('');
  const [meeting, setMeeting] = useState('');
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [text, setText] = useState('');
  const [kind, setKind] = useState<DecisionKind>('decision');
  const [dueDate, setDueDate] = useState('');
  const [message, setMessage] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);
  const create = useMutation(
    trpc.decisions.create.mutationOptions({
      onSuccess: async () => {
        setText('');
        setDueDate('');
        setMessage({ kind: 'done', text: p('decisions.logged') });
        await queryClient.invalidateQueries({ queryKey: [['decisions']] });
        await queryClient.invalidateQueries({ queryKey: [['plans', 'dueFromMe']] });
      },
      onError: (failure) =>
        setMessage({ kind: 'error', text: errorMessage(t, errorCode(failure)) }),
    }),
  );
  if (!actor) return null;
  const owned = kind !== 'information';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!bodyName.trim() || !meeting.trim() || !text.trim() || (owned && !dueDate)) {
      setMessage({ kind: 'error', text: p('decisions.incomplete') });
      return;
    }
    create.mutate({
      countryCode: country === '' ? null : country,
      sensitivity,
      meeting: { body, bodyName: bodyName.trim(), title: meeting.trim(), date },
      text: text.trim(),
      kind,
      ownerId: owned ? actor.userId : null,
      dueDate: owned ? dueDate : null,
    });
  };

  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{p('decisions.logTitle')}</h2>
      <form onSubmit={submit} noValidate className="plan-form">
        <div className="field">
          <label htmlFor={`${id}-country`}>{p('decisions.country')}</label>
          <select id={`${id}-country`} value={country} onChange={(e) => setCountry(e.target.value)}>
            {global ? <option value="">{p('decisions.acrossCountries')}</option> : null}
            {countries.map((code) => (
              <option key={code} value={code}>
                {names.country(code, findCountry(code)?.name ?? code)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sensitivity`}>{p('decisions.sensitivity')}</label>
          <select
            id={`${id}-sensitivity`}
            value={sensitivity}
            onChange={(e) => setSensitivity(e.target.value as Sensitivity)}
          >
            {sensitivityLevels
              .filter((level) => mayView(actor, level))
              .map((level) => (
                <option key={level} value={level}>
                  {t(`sensitivity.${level}`)}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-body`}>{p('decisions.body')}</label>
          <select
            id={`${id}-body`}
            value={body}
            onChange={(e) => setBody(e.target.value as DecisionBody)}
          >
            {bodies.map((value) => (
              <option key={value} value={value}>
                {p(`decisionBody.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-body-name`}>{p('decisions.bodyName')}</label>
          <input
            id={`${id}-body-name`}
            maxLength={200}
            value={bodyName}
            onChange={(e) => setBodyName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-meeting`}>{p('decisions.meeting')}</label>
          <input
            id={`${id}-meeting`}
            maxLength={300}
            value={meeting}
            onChange={(e) => setMeeting(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>{p('decisions.meetingDate')}</label>
          <input
            id={`${id}-date`}
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <div className="field wide">
          <label htmlFor={`${id}-text`}>{p('decisions.text')}</label>
          <textarea
            id={`${id}-text`}
            rows={3}
            maxLength={8000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{p('decisions.kind')}</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(e) => setKind(e.target.value as DecisionKind)}
          >
            {kinds.map((value) => (
              <option key={value} value={value}>
                {p(`decisionKind.${value}`)}
              </option>
            ))}
          </select>
        </div>
        {owned ? (
          <div className="field">
            <label htmlFor={`${id}-due`}>{p('decisions.dueDate')}</label>
            <input
              id={`${id}-due`}
              type="date"
              value={dueDate}
              aria-describedby={`${id}-owner-hint`}
              onChange={(e) => setDueDate(e.target.value)}
            />
            <p id={`${id}-owner-hint`} className="hint">
              {p('decisions.ownerHint')}
            </p>
          </div>
        ) : null}
        <div className="actions">
          <button type="submit" disabled={create.isPending}>
            {p('decisions.log')}
          </button>
        </div>
        <SaveMessage outcome={message} />
      </form>
    </section>
  );
}
