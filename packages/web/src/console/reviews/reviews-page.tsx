import { useState } from 'react';
import { useT } from '../../i18n/i18n-provider';
import { useResource } from '../../patient-record/use-resource';
import { ReviewItem } from './review-item';
import { fetchPendingReviews } from './reviews-api';

/**
 * The privacy officers' review queue (issue #3 point 5, issue #4 point 4): every
 * emergency access, oldest first, until someone has judged it.
 */
export function ReviewsPage() {
  const t = useT();
  const [round, setRound] = useState(0);
  const queue = useResource(() => fetchPendingReviews(), [round]);
  return (
    <>
      <h1>{t('web.reviews.title')}</h1>
      <p>{t('web.reviews.intro')}</p>
      {queue.kind === 'loading' && <p role="status">{t('web.loading')}</p>}
      {queue.kind === 'failed' && <p role="alert">{t('web.error.network')}</p>}
      {queue.kind === 'unavailable' && <p>{t('web.patient.section-hidden')}</p>}
      {queue.kind === 'ready' && queue.value.length === 0 && (
        <p role="status">{t('web.reviews.empty')}</p>
      )}
      {queue.kind === 'ready' && queue.value.length > 0 && (
        <ol className="plain reviews" data-testid="reviews">
          {queue.value.map((item) => (
            <ReviewItem key={item.id} item={item} onDone={() => setRound((r) => r + 1)} />
          ))}
        </ol>
      )}
    </>
  );
}
