import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { useLanguage, useT } from '../../../i18n/i18n-provider';
import { ConfirmDialog } from '../../../shell/confirm-dialog';
import '../../../styles/console-follow-up-programs.css';
import { inLanguage } from '../follow-up-labels';
import { ProgramEditor } from './program-editor';
import {
  fetchProgram,
  fetchPrograms,
  retireProgram,
  type ProgramSummary,
  type StoredProgram,
} from './programs-api';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'failed' }
  | { kind: 'ready'; summary: ProgramSummary; shown: StoredProgram };

/**
 * One program (issue #6 point 7): its latest version in the editor, older versions to
 * read through the version picker, and retiring it (asked once: no new plans start).
 */
export function ProgramEditorPage() {
  const t = useT();
  const intl = useIntl();
  const { language } = useLanguage();
  const code = useParams().code ?? '';
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [status, setStatus] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [retireError, setRetireError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (version?: number) => {
      try {
        const summary = (await fetchPrograms()).find((p) => p.code === code);
        if (!summary) return setLoaded({ kind: 'missing' });
        const shown =
          version === undefined || version === summary.latest.version
            ? summary.latest
            : await fetchProgram(code, version);
        setLoaded({ kind: 'ready', summary, shown });
      } catch (e) {
        setLoaded({ kind: e instanceof ApiError && e.status === 404 ? 'missing' : 'failed' });
      }
    },
    [code],
  );
  useEffect(() => void load(), [load]);

  const retire = async () => {
    setBusy(true);
    try {
      await retireProgram(code);
      setConfirming(false);
      setStatus(t('web.followUp.programs.retire.done'));
      await load();
    } catch (e) {
      setRetireError(e instanceof ApiError && e.status !== 0 ? e.message : t('web.error.network'));
    } finally {
      setBusy(false);
    }
  };

  const back = (
    <p>
      <Link to="/console/follow-up/programs">{t('web.followUp.programs.back')}</Link>
    </p>
  );
  if (loaded.kind !== 'ready')
    return (
      <>
        {back}
        <h1>{t('web.followUp.programs.title')}</h1>
        {loaded.kind === 'loading' && <p role="status">{t('web.loading')}</p>}
        {loaded.kind === 'missing' && <p role="alert">{t('web.followUp.programs.not-found')}</p>}
        {loaded.kind === 'failed' && <p role="alert">{t('web.error.network')}</p>}
      </>
    );

  const { summary, shown } = loaded;
  const latest = summary.latest.version;
  const readOnly = shown.version !== latest;
  const name = inLanguage(summary.latest.definition.name, language);
  const versions = Array.from({ length: latest }, (_, i) => latest - i);
  return (
    <>
      {back}
      <h1 ref={heading} tabIndex={-1}>
        {name}
      </h1>
      <div className="fup-head">
        <p className="fup-state">
          {summary.activeVersion === null
            ? t('web.followUp.programs.is-retired')
            : t('web.followUp.programs.in-use', { version: summary.activeVersion })}
        </p>
        <div className="field">
          <label htmlFor={`${id}-version`}>{t('web.followUp.programs.version-picker')}</label>
          <select
            id={`${id}-version`}
            value={shown.version}
            onChange={(e) => {
              setStatus(null);
              void load(Number(e.target.value));
            }}
          >
            {versions.map((v) => (
              <option key={v} value={v}>
                {v === latest
                  ? t('web.followUp.programs.version-latest', { version: v })
                  : t('web.followUp.programs.version', { version: v })}
              </option>
            ))}
          </select>
        </div>
        {summary.activeVersion !== null && (
          <button
            type="button"
            className="danger-outline"
            onClick={() => {
              setRetireError(null);
              setConfirming(true);
            }}
          >
            {t('web.followUp.programs.retire')}
          </button>
        )}
      </div>
      <p role="status" className="fup-status">
        {status}
      </p>
      {readOnly && (
        <p className="notice">
          {t('web.followUp.programs.read-only', {
            version: shown.version,
            date: intl.formatDate(shown.createdAt, { dateStyle: 'long', timeStyle: 'short' }),
          })}
        </p>
      )}
      <ProgramEditor
        key={`${code}-${shown.version}`}
        stored={shown}
        readOnly={readOnly}
        onReload={() => {
          setStatus(null);
          void load();
        }}
        onPublished={(published) => {
          setStatus(t('web.followUp.programs.published', { version: published.version }));
          void load().then(() => heading.current?.focus());
        }}
      />
      {confirming && (
        <ConfirmDialog
          title={t('web.followUp.programs.retire.title', { name })}
          confirm={t('web.followUp.programs.retire.confirm')}
          cancel={t('web.followUp.programs.retire.cancel')}
          busy={busy}
          error={retireError}
          onConfirm={() => void retire()}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('web.followUp.programs.retire.body')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
