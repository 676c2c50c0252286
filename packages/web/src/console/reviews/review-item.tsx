import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n-provider';
import { FormError } from '../../sign-in/form-error';
import { useSubmit } from '../../sign-in/use-submit';
import { reviewAccess, type PendingReview } from './reviews-api';

/** One emergency access: who, whose record, when, why; judged with an optional note. */
export function ReviewItem({ item, onDone }: { item: PendingReview; onDone: () => void }) {
  const t = useT();
  const intl = useIntl();
  const id = useId();
  const [note, setNote] = useState('');
  const { busy, error, run } = useSubmit();
  const decide = (outcome: 'appropriate' | 'inappropriate') =>
    void run(async () => {
      await reviewAccess(item.id, outcome, note.trim() || null);
      onDone();
    });
  const when = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <li className="review">
      <h2>
        {t('web.reviews.heading', {
          staff: item.staffName ?? '—',
          patient: item.patientName ?? '—',
        })}
      </h2>
      <dl className="facts">
        <dt>{t('web.reviews.when')}</dt>
        <dd>
          <time dateTime={item.createdAt}>{when(item.createdAt)}</time>
        </dd>
        <dt>{t('web.reviews.reason')}</dt>
        <dd className="reason">{item.reason}</dd>
        <dt>{t('web.reviews.record')}</dt>
        <dd>
          <Link to={`/console/patients/${item.patientId}`}>
            {item.patientName ?? item.patientId}
          </Link>
        </dd>
      </dl>
      <FormError message={error} />
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('web.reviews.note')}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="review-actions">
        <button type="button" disabled={busy} onClick={() => decide('appropriate')}>
          {t('web.reviews.appropriate')}
        </button>
        <button
          type="button"
          className="danger-outline"
          disabled={busy}
          onClick={() => decide('inappropriate')}
        >
          {t('web.reviews.inappropriate')}
        </button>
      </div>
    </li>
  );
}
