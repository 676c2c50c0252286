import { useLanguage, useT } from '../../i18n/i18n-provider';
import type { Team } from '../admin/admin-api';
import type { Queue } from './routing-api';
import {
  categoryName,
  channelName,
  languageName,
  listOr,
  priorityName,
  strategyName,
} from './routing-labels';

/** One queue as a supervisor reads it: where it sits, what it takes, who may work it. */
export function QueueCard({
  queue,
  teams,
  busy,
  onEdit,
  onDelete,
}: {
  queue: Queue;
  teams: Team[] | null;
  busy: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const t = useT();
  const { language } = useLanguage();
  const any = t('web.routing.any');
  const team = queue.teamId ? (teams?.find((x) => x.id === queue.teamId)?.name ?? null) : null;
  return (
    <li className="queue" data-testid="queue">
      <div className="queue-head">
        <h2>{queue.name}</h2>
        <p className={queue.active ? 'badge' : 'badge off'}>
          {queue.active ? t('web.routing.queue.active') : t('web.routing.queue.inactive')}
        </p>
      </div>
      <dl className="queue-facts">
        <div>
          <dt>{t('web.routing.queue.order')}</dt>
          <dd>{queue.order}</dd>
        </div>
        <div>
          <dt>{t('web.routing.queue.strategy')}</dt>
          <dd>{strategyName(t, queue.strategy)}</dd>
        </div>
        <div>
          <dt>{t('web.routing.queue.team')}</dt>
          <dd>{team ?? t('web.routing.queue.team-anyone')}</dd>
        </div>
        <div>
          <dt>{t('web.routing.queue.takes-categories')}</dt>
          <dd>
            {listOr(
              queue.matches.categories.map((c) => categoryName(t, c)),
              any,
            )}
          </dd>
        </div>
        <div>
          <dt>{t('web.routing.queue.takes-priorities')}</dt>
          <dd>
            {listOr(
              queue.matches.priorities.map((p) => priorityName(t, p)),
              any,
            )}
          </dd>
        </div>
        <div>
          <dt>{t('web.routing.queue.takes-channels')}</dt>
          <dd>
            {listOr(
              queue.matches.channels.map((c) => channelName(t, c)),
              any,
            )}
          </dd>
        </div>
        <div>
          <dt>{t('web.routing.queue.needs-languages')}</dt>
          <dd>
            {listOr(
              queue.requiredSkills.languages.map((l) => languageName(language, l)),
              t('web.routing.none'),
            )}
          </dd>
        </div>
        <div>
          <dt>{t('web.routing.queue.needs-skills')}</dt>
          <dd>
            {listOr(
              queue.requiredSkills.categories.map((c) => categoryName(t, c)),
              t('web.routing.none'),
            )}
          </dd>
        </div>
      </dl>
      <div className="queue-actions">
        <button
          type="button"
          disabled={busy}
          aria-label={t('web.routing.edit-named', { name: queue.name })}
          onClick={onEdit}
        >
          {t('web.routing.edit')}
        </button>
        <button
          type="button"
          className="danger-outline"
          disabled={busy}
          aria-label={t('web.routing.queues.delete-named', { queue: queue.name })}
          onClick={onDelete}
        >
          {t('web.routing.queues.delete')}
        </button>
      </div>
    </li>
  );
}
