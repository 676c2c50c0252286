import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { DATA_CATEGORIES, type DataCategory } from '@caredesk/core/consent';
import { useT } from '../../i18n/i18n-provider';
import { categoryKey } from '../../patient-record/patient-labels';
import { FormError } from '../../sign-in/form-error';

/**
 * The last look before the invitation leaves: who gets it, what they will and will not
 * see, that they can only look, and for how long — the facts of the consent the patient
 * is about to give, in plain words.
 */
export function InviteReview({
  name,
  email,
  permit,
  lastDay,
  busy,
  error,
  onSend,
  onBack,
}: {
  name: string;
  email: string;
  permit: ReadonlySet<DataCategory>;
  /** YYYY-MM-DD, or '' for "until I stop it". */
  lastDay: string;
  busy: boolean;
  error: string | null;
  onSend: () => void;
  onBack: () => void;
}) {
  const t = useT();
  const intl = useIntl();
  const heading = useRef<HTMLHeadingElement>(null);
  // The step replaces the form: move focus to it so it is read out from the top.
  useEffect(() => heading.current?.focus(), []);
  const list = (codes: readonly DataCategory[]) =>
    intl.formatList(
      codes.map((c) => t(categoryKey(c))),
      { type: 'conjunction' },
    );
  const seen = DATA_CATEGORIES.filter((c) => permit.has(c));
  const unseen = DATA_CATEGORIES.filter((c) => !permit.has(c));
  return (
    <section className="invite-review" aria-labelledby="invite-review-title">
      <h2 id="invite-review-title" tabIndex={-1} ref={heading}>
        {t('web.caregiver-invite.review.title')}
      </h2>
      <ul className="review-facts" data-testid="invite-review">
        <li>{t('web.caregiver-invite.review.email', { name, email })}</li>
        <li className="will-see">
          {t('web.caregiver-invite.review.will-see', { name, categories: list(seen) })}
        </li>
        {unseen.length > 0 && (
          <li className="will-not-see">
            {t('web.caregiver-invite.review.will-not-see', { name, categories: list(unseen) })}
          </li>
        )}
        <li>{t('web.caregiver-invite.review.read-only', { name })}</li>
        <li>
          {lastDay
            ? t('web.caregiver-invite.review.until', {
                date: intl.formatDate(`${lastDay}T00:00:00Z`, {
                  dateStyle: 'long',
                  timeZone: 'UTC',
                }),
              })
            : t('web.caregiver-invite.review.no-end')}
        </li>
      </ul>
      <FormError message={error} />
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={onSend}>
          {t('web.caregiver-invite.send')}
        </button>
        <button type="button" onClick={onBack}>
          {t('web.caregiver-invite.back')}
        </button>
      </div>
    </section>
  );
}
