import { useEffect, useId, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n/i18n-provider';
import { displayName, fetchPatient, type Patient } from '../../patient-record/patient-api';
import { useResource } from '../../patient-record/use-resource';
import { ConfirmDialog } from '../../shell/confirm-dialog';
import { FormError } from '../../sign-in/form-error';
import { useSubmit } from '../../sign-in/use-submit';
import { LETTERS, reasonKey, type Letter } from './duplicate-labels';
import { dismissPair, mergeRecords, type DuplicatePair } from './duplicates-api';
import { RecordComparison } from './record-comparison';

export interface MergeOutcome {
  kept: Patient;
  gone: Patient;
}

/**
 * One flagged pair: why it was flagged, both records side by side, and the decision.
 * The records are read afresh (each read is audited) and their versions travel with a
 * merge, so a record someone changed meanwhile is shown again instead of merged unseen.
 */
export function DuplicatePairItem({
  pair,
  headingId,
  onMerged,
  onDismissed,
}: {
  pair: DuplicatePair;
  headingId: string;
  onMerged: (outcome: MergeOutcome) => void;
  onDismissed: (names: [string, string]) => void;
}) {
  const t = useT();
  const intl = useIntl();
  const id = useId();
  const [round, setRound] = useState(0);
  const [conflict, setConflict] = useState(false);
  const [choice, setChoice] = useState<Letter | null>(null);
  const [confirming, setConfirming] = useState(false);
  // The comparison is read again after a conflict, taking the merge button with it: the
  // explanation takes the focus instead.
  const conflictNote = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (conflict) conflictNote.current?.focus();
  }, [conflict]);
  const merge = useSubmit();
  const dismiss = useSubmit();
  const records = useResource(
    () => Promise.all([fetchPatient(pair.patientId), fetchPatient(pair.candidateId)]),
    [pair.patientId, pair.candidateId, round],
  );

  const ready = records.kind === 'ready' ? records.value : null;
  // A read of a merged-away record lands on its survivor (the API redirects).
  const mergedMeanwhile =
    ready !== null && (ready[0].id !== pair.patientId || ready[1].id !== pair.candidateId);
  const names = ready
    ? ([displayName(ready[0].names), displayName(ready[1].names)] as const)
    : null;
  // The record on file longest stays unless the reviewer says otherwise.
  const keep: Letter = choice ?? (ready && ready[1].createdAt < ready[0].createdAt ? 'B' : 'A');
  const goner: Letter = keep === 'A' ? 'B' : 'A';
  const [keptIndex, goneIndex] = keep === 'A' ? ([0, 1] as const) : ([1, 0] as const);

  const confirmMerge = () =>
    void merge.run(async () => {
      if (!ready) return;
      const [kept, gone] = [ready[keptIndex], ready[goneIndex]];
      try {
        await mergeRecords(gone, kept);
      } catch (e) {
        if (!(e instanceof ApiError) || e.status !== 409) throw e;
        // Changed or merged by someone else: show the pair as it is now, and say so.
        setConfirming(false);
        setConflict(true);
        setRound((r) => r + 1);
        return;
      }
      setConfirming(false);
      onMerged({ kept, gone });
    });

  const notTheSame = () =>
    void dismiss.run(async () => {
      await dismissPair(pair);
      onDismissed(names ? [names[0], names[1]] : ['', '']);
    });

  const letterName = (i: number) => ({
    letter: LETTERS[i]!,
    name: names?.[i] ?? '',
  });

  return (
    <li className="duplicate-pair">
      <h2 id={headingId} tabIndex={-1}>
        {names
          ? t('web.duplicates.pair', { first: names[0], second: names[1] })
          : t('web.duplicates.pair-unnamed')}
      </h2>
      <p>
        <span className="label">{t('web.duplicates.reasons')}</span>{' '}
        {intl.formatList(
          pair.reasons.map((r) => t(reasonKey(r))),
          { type: 'conjunction' },
        )}
      </p>
      {conflict && (
        <p className="form-error" role="alert" ref={conflictNote} tabIndex={-1}>
          {t('web.duplicates.conflict')}
        </p>
      )}
      {records.kind === 'loading' && <p role="status">{t('web.loading')}</p>}
      {records.kind === 'failed' && <p role="alert">{t('web.error.network')}</p>}
      {records.kind === 'unavailable' && <p>{t('web.duplicates.unavailable')}</p>}
      {mergedMeanwhile && <p className="notice">{t('web.duplicates.merged-meanwhile')}</p>}
      {ready && !mergedMeanwhile && (
        <>
          <RecordComparison records={ready} />
          <fieldset className="keep-choice">
            <legend>{t('web.duplicates.keep')}</legend>
            {LETTERS.map((letter, i) => (
              <div className="choice" key={letter}>
                <input
                  type="radio"
                  id={`${id}-keep-${letter}`}
                  name={`${id}-keep`}
                  checked={keep === letter}
                  onChange={() => setChoice(letter)}
                />
                <label htmlFor={`${id}-keep-${letter}`}>
                  {t('web.duplicates.keep-record', letterName(i))}
                </label>
              </div>
            ))}
          </fieldset>
          <div className="review-actions">
            <button
              type="button"
              className="danger-outline"
              onClick={() => {
                setConflict(false);
                setConfirming(true);
              }}
            >
              {t('web.duplicates.merge')}
            </button>
            <button type="button" disabled={dismiss.busy} onClick={notTheSame}>
              {t('web.duplicates.dismiss')}
            </button>
          </div>
          <FormError message={dismiss.error} />
        </>
      )}
      {confirming && ready && names && (
        <ConfirmDialog
          title={t('web.duplicates.merge.title', {
            gone: goner,
            kept: keep,
          })}
          confirm={t('web.duplicates.merge.confirm')}
          cancel={t('web.duplicates.cancel')}
          busy={merge.busy}
          error={merge.error}
          onConfirm={confirmMerge}
          onCancel={() => setConfirming(false)}
        >
          <p>
            {t('web.duplicates.merge.body', {
              kept: keep,
              keptName: names[keptIndex],
              gone: goner,
              goneName: names[goneIndex],
            })}
          </p>
          <p>
            <strong>{t('web.duplicates.merge.final')}</strong>
          </p>
        </ConfirmDialog>
      )}
    </li>
  );
}
