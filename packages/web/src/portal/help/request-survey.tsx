import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { answerSurvey, fetchSurvey, type Survey } from '../../cases/case-desk-api';
import { useT } from '../../i18n/i18n-provider';
import { FormError } from '../../sign-in/form-error';
import { useSubmit } from '../../sign-in/use-submit';

const SCORES = [1, 2, 3, 4, 5] as const;
/** The server's limit on the comment (service-desk/csat/csat-service.ts). */
const MAX_COMMENT = 2000;

type State =
  | { kind: 'none' }
  | { kind: 'open' }
  /** Answered here and now, or earlier (`score` then says what they gave). */
  | { kind: 'answered'; now: boolean; score: number | null }
  | { kind: 'already' };

const stateOf = (s: Survey | null): State =>
  !s
    ? { kind: 'none' }
    : s.answeredAt
      ? { kind: 'answered', now: false, score: s.score }
      : { kind: 'open' };

/**
 * "How did we do?" on a resolved request (issue #5 §8): a score from 1 to 5 as a group of
 * radio buttons, each with its words (not stars alone: a screen reader and a tired eye
 * both need the meaning), and an optional comment. Shown only when the server offered a
 * survey for this request; one answer per request.
 */
export function RequestSurvey({ caseId, status }: { caseId: string; status: string }) {
  const t = useT();
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ kind: 'none' });
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const { busy, error, run } = useSubmit();

  // Asked again when the request's status changes: resolving it is what offers a survey.
  useEffect(() => {
    let current = true;
    fetchSurvey(caseId).then(
      (s) => current && setState(stateOf(s)),
      // No survey to show is the quiet outcome: the rest of the page still works.
      () => current && setState({ kind: 'none' }),
    );
    return () => {
      current = false;
    };
  }, [caseId, status]);

  if (state.kind === 'none') return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (score === null) {
      setMissing(true);
      first.current?.focus();
      return;
    }
    setMissing(false);
    void run(async () => {
      try {
        await answerSurvey(caseId, score, comment.trim() || undefined);
        setState({ kind: 'answered', now: true, score });
      } catch (problem) {
        if (problem instanceof ApiError && problem.status === 409) setState({ kind: 'already' });
        else throw problem;
      }
    });
  };

  return (
    <section className="help-survey" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('web.csat.title')}</h2>
      <div role="status">
        {state.kind === 'answered' && (
          <p className="notice">
            {state.now || state.score === null
              ? t('web.csat.thanks')
              : t('web.csat.answered', { score: state.score })}
          </p>
        )}
        {state.kind === 'already' && <p className="notice">{t('web.csat.already')}</p>}
      </div>
      {state.kind === 'open' && (
        <form onSubmit={submit} noValidate>
          <p>{t('web.csat.intro')}</p>
          <fieldset
            className="help-survey-scores"
            aria-invalid={missing ? true : undefined}
            aria-describedby={missing ? `${id}-missing` : undefined}
          >
            <legend>{t('web.csat.score')}</legend>
            {missing && (
              <p className="field-error" id={`${id}-missing`}>
                {t('web.csat.missing')}
              </p>
            )}
            <div className="help-survey-options">
              {SCORES.map((n) => (
                <div className="help-survey-option" key={n}>
                  <input
                    ref={n === 1 ? first : undefined}
                    type="radio"
                    id={`${id}-score-${n}`}
                    name={`${id}-score`}
                    value={n}
                    checked={score === n}
                    onChange={() => {
                      setScore(n);
                      setMissing(false);
                    }}
                  />
                  <label htmlFor={`${id}-score-${n}`}>
                    <span className="help-survey-number">{n}</span>
                    <span>{t(`web.csat.score.${n}`)}</span>
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-comment`}>{t('web.csat.comment')}</label>
            <textarea
              id={`${id}-comment`}
              rows={3}
              maxLength={MAX_COMMENT}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
          <FormError message={error} />
          <button type="submit" className="primary" disabled={busy}>
            {t('web.csat.send')}
          </button>
        </form>
      )}
    </section>
  );
}
