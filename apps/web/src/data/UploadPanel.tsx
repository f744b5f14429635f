import { sensitivityLevels, type Sensitivity } from '@prevention/core';
import type { HxlMapping } from '@prevention/exchange';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../i18n/access-labels.js';
import { useTranslation } from '../i18n/i18n.js';
import { useNavigate } from '../router/Link.js';
import { errorCode, useTRPC } from '../trpc/trpc.js';
import { InspectionSummary } from './InspectionSummary.js';
import { MappingEditor } from './MappingEditor.js';
import { uploadErrorMessage } from './upload-errors.js';
import { uploadFile, type UploadAnswer, type UploadProgress } from './upload-file.js';
import { formatBytes } from './format-bytes.js';

type ImportMode = 'all-or-nothing' | 'valid-rows';

type Phase =
  | { kind: 'choosing'; error: string | null }
  | { kind: 'uploading'; progress: UploadProgress }
  | { kind: 'inspected'; answer: UploadAnswer; importAnyway: boolean };

/**
 * Upload a file with its sensitivity and import mode, see what was found in it, confirm the
 * mapping of an HXL file, and start the import; the batch's page follows it from there.
 */
export function UploadPanel() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const ids = { file: useId(), fileHint: useId(), progress: useId() };
  const fileInput = useRef<HTMLInputElement>(null);
  const errorBox = useRef<HTMLDivElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const [sensitivity, setSensitivity] = useState<Sensitivity>('public');
  /** GeoJSON: the property holding the P-codes, when the user picks another than the one found. */
  const [codeProperty, setCodeProperty] = useState('');
  const codePropertyId = useId();
  const [mode, setMode] = useState<ImportMode>('all-or-nothing');
  const [phase, setPhase] = useState<Phase>({ kind: 'choosing', error: null });
  const [lastSent, setLastSent] = useState<UploadProgress | null>(null);

  const start = useMutation(
    trpc.imports.start.mutationOptions({
      onSuccess: async ({ batch }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.imports.list.pathKey() });
        navigate({ to: '/data/imports/$id', params: { id: batch.id } });
      },
    }),
  );

  // Focus follows the work: to the findings after an upload, to the message after a failure.
  useEffect(() => {
    if (phase.kind === 'inspected') resultHeading.current?.focus();
    if (phase.kind === 'choosing' && phase.error) errorBox.current?.focus();
  }, [phase]);

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setPhase({ kind: 'choosing', error: t('data.upload.chooseFile') });
      return;
    }
    start.reset();
    const first = { sent: 0, total: file.size };
    setPhase({ kind: 'uploading', progress: first });
    setLastSent(first);
    const result = await uploadFile(file, (progress) => {
      setPhase({ kind: 'uploading', progress });
      setLastSent(progress);
    });
    if (result.ok) {
      setLastSent({ sent: file.size, total: file.size });
      setCodeProperty(result.answer.boundaries?.codeProperty ?? '');
      setPhase({ kind: 'inspected', answer: result.answer, importAnyway: false });
    } else {
      setPhase({ kind: 'choosing', error: uploadErrorMessage(t, result.code) });
      if (result.code === 'UNAUTHORIZED')
        await queryClient.invalidateQueries({ queryKey: trpc.auth.session.pathKey() });
    }
  };

  const startOver = () => {
    if (fileInput.current) fileInput.current.value = '';
    setLastSent(null);
    start.reset();
    setPhase({ kind: 'choosing', error: null });
    fileInput.current?.focus();
  };

  const startImport = (answer: UploadAnswer, hxl?: { mapping: HxlMapping; save: boolean }) =>
    start.mutate({
      uploadId: answer.upload.id,
      mode,
      sensitivity,
      ...(answer.boundaries && codeProperty ? { codeProperty } : {}),
      ...(hxl ? { mapping: hxl.mapping, saveMapping: hxl.save } : {}),
    });

  const busy = phase.kind === 'uploading';
  return (
    <section aria-labelledby="upload-title" className="region">
      <h2 id="upload-title">{t('data.upload.title')}</h2>
      <form onSubmit={(event) => void upload(event)} noValidate>
        <div className="field">
          <label htmlFor={ids.file}>{t('data.upload.file')}</label>
          <input
            ref={fileInput}
            id={ids.file}
            type="file"
            accept=".csv,.txt,.tsv,.geojson,.json"
            aria-describedby={ids.fileHint}
            disabled={busy}
            onChange={() => {
              if (phase.kind !== 'uploading') setPhase({ kind: 'choosing', error: null });
              setLastSent(null);
            }}
          />
          <span id={ids.fileHint} className="hint">
            {t('data.upload.fileHint')}
          </span>
        </div>
        <fieldset disabled={busy}>
          <legend>{t('data.upload.sensitivity')}</legend>
          <p className="hint">{t('data.upload.sensitivityHint')}</p>
          {sensitivityLevels.map((level) => (
            <label key={level} className="choice">
              <input
                type="radio"
                name="sensitivity"
                value={level}
                checked={sensitivity === level}
                onChange={() => setSensitivity(level)}
              />
              {t(`sensitivity.${level}`)}
            </label>
          ))}
        </fieldset>
        <fieldset disabled={busy}>
          <legend>{t('data.upload.mode')}</legend>
          <label className="choice">
            <input
              type="radio"
              name="mode"
              value="all-or-nothing"
              checked={mode === 'all-or-nothing'}
              onChange={() => setMode('all-or-nothing')}
            />
            {t('data.mode.all-or-nothing')}
          </label>
          <label className="choice">
            <input
              type="radio"
              name="mode"
              value="valid-rows"
              checked={mode === 'valid-rows'}
              onChange={() => setMode('valid-rows')}
            />
            {t('data.mode.valid-rows')}
          </label>
        </fieldset>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('data.upload.submit')}
          </button>
        </div>
      </form>

      {lastSent ? (
        <div className="field">
          <label htmlFor={ids.progress}>{t('data.upload.progressLabel')}</label>
          <progress id={ids.progress} max={Math.max(1, lastSent.total)} value={lastSent.sent} />
          <UploadAnnouncement progress={lastSent} language={i18n.language} />
        </div>
      ) : null}

      {phase.kind === 'choosing' && phase.error ? (
        <div ref={errorBox} tabIndex={-1} role="alert" className="error">
          <p>{phase.error}</p>
        </div>
      ) : null}

      {phase.kind === 'inspected' ? (
        <section aria-labelledby="found-title">
          <h3 id="found-title" ref={resultHeading} tabIndex={-1}>
            {t('data.found.title', { file: phase.answer.upload.fileName })}
          </h3>
          <InspectionSummary answer={phase.answer} />
          {phase.answer.boundaries && phase.answer.boundaries.properties.length > 0 ? (
            <div className="field">
              <label htmlFor={codePropertyId}>{t('data.found.codeProperty')}</label>
              <select
                id={codePropertyId}
                value={codeProperty}
                onChange={(event) => setCodeProperty(event.target.value)}
              >
                {codeProperty === '' ? <option value="">—</option> : null}
                {phase.answer.boundaries.properties.map((property) => (
                  <option key={property} value={property}>
                    {property}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {phase.answer.inspection === null && phase.answer.boundaries === null ? (
            <div className="actions">
              <button type="button" className="secondary" onClick={startOver}>
                {t('data.upload.chooseAnother')}
              </button>
            </div>
          ) : phase.answer.sameContentAs && !phase.importAnyway ? (
            <div className="notice" role="status">
              <p>
                {t('data.found.sameContent', {
                  date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(
                    new Date(phase.answer.sameContentAs.createdAt),
                  ),
                  file: phase.answer.sameContentAs.fileName,
                })}
              </p>
              <div className="actions">
                <button type="button" onClick={() => setPhase({ ...phase, importAnyway: true })}>
                  {t('data.found.importAnyway')}
                </button>
                <button type="button" className="secondary" onClick={startOver}>
                  {t('data.found.stop')}
                </button>
              </div>
            </div>
          ) : phase.answer.inspection?.format === 'hxl' ? (
            <MappingEditor
              answer={phase.answer}
              busy={start.isPending}
              onConfirm={(mapping, save) => startImport(phase.answer, { mapping, save })}
              onCancel={startOver}
            />
          ) : (
            <div className="actions">
              <button
                type="button"
                disabled={start.isPending}
                onClick={() => startImport(phase.answer)}
              >
                {t('data.found.import')}
              </button>
              <button type="button" className="secondary" onClick={startOver}>
                {t('data.found.stop')}
              </button>
            </div>
          )}
          {start.isError ? (
            <p role="alert" className="error">
              {errorMessage(t, errorCode(start.error))}
            </p>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}

/**
 * The bytes sent, for screen readers, in steps of a tenth: an announcement at every progress
 * event would drown everything else.
 */
function UploadAnnouncement({
  progress,
  language,
}: {
  progress: UploadProgress;
  language: string;
}) {
  const { t } = useTranslation();
  const percent = progress.total > 0 ? Math.floor((progress.sent / progress.total) * 100) : 100;
  const step = percent === 100 ? 100 : Math.floor(percent / 10) * 10;
  return (
    <>
      <span className="hint" aria-hidden="true">
        {t('data.upload.sent', {
          sent: formatBytes(progress.sent, language),
          total: formatBytes(progress.total, language),
          percent,
        })}
      </span>
      <span className="visually-hidden" aria-live="polite">
        {step === 100 ? t('data.upload.done') : t('data.upload.sentShare', { percent: step })}
      </span>
    </>
  );
}
