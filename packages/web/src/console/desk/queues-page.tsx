import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n-provider';
import { useResource } from '../../patient-record/use-resource';
import { ConfirmDialog } from '../../shell/confirm-dialog';
import { fetchTeams, type Team } from '../admin/admin-api';
import type { Said } from '../admin/said';
import { useProblemSubmit } from '../admin/use-problem-submit';
import '../../styles/console-admin.css';
import '../../styles/console-routing.css';
import { QueueCard } from './queue-card';
import { QueueForm } from './queue-form';
import { deleteQueue, fetchQueues, type Queue } from './routing-api';

const inOrder = (list: Queue[]) =>
  [...list].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));

/**
 * The desk's queues (issue #5 point 3, permission desk.configure): the order new cases
 * try them in, what each takes, what its agents need and how it hands cases out.
 */
export function QueuesPage() {
  const t = useT();
  const [queues, setQueues] = useState<Queue[]>([]);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [said, setSaid] = useState<Said | null>(null);
  const [editing, setEditing] = useState<Queue | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Queue | null>(null);
  const remove = useProblemSubmit([]);
  const heading = useRef<HTMLHeadingElement>(null);
  // Teams are listed with admin.teams, which supervisors and administrators hold; without
  // it the queue form simply offers no team.
  const teams = useResource(() => fetchTeams().catch((): Team[] | null => null), []);
  const teamList = teams.kind === 'ready' ? teams.value : null;

  const load = useCallback(async () => {
    try {
      setQueues(inOrder(await fetchQueues()));
      setState('ready');
    } catch {
      setState('failed');
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const saved = (queue: Queue, created: boolean) => {
    setQueues((list) => inOrder([...list.filter((q) => q.id !== queue.id), queue]));
    setSaid({
      key: created ? 'web.routing.queues.created' : 'web.routing.queues.saved',
      values: { queue: queue.name },
    });
    setEditing(null);
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    const gone = deleting;
    const done = await remove.run(() => deleteQueue(gone.id));
    if (!done) return;
    setQueues((list) => list.filter((q) => q.id !== gone.id));
    setSaid({ key: 'web.routing.queues.deleted', values: { queue: gone.name } });
    setDeleting(null);
    // The card is gone with its buttons: the page heading takes the focus.
    heading.current?.focus();
  };

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('web.routing.queues.title')}
      </h1>
      <p>{t('web.routing.queues.intro')}</p>
      <button type="button" className="primary new-queue" onClick={() => setEditing('new')}>
        {t('web.routing.queues.new')}
      </button>
      <div role="status" className={said ? 'notice announcement' : undefined}>
        {said && t(said.key, said.values)}
      </div>
      {state === 'loading' && <p role="status">{t('web.loading')}</p>}
      {state === 'failed' && <p role="alert">{t('web.error.network')}</p>}
      {state === 'ready' && queues.length === 0 && <p>{t('web.routing.queues.empty')}</p>}
      {state === 'ready' && queues.length > 0 && (
        <ol className="plain queues" aria-label={t('web.routing.queues.in-order')}>
          {queues.map((q) => (
            <QueueCard
              key={q.id}
              queue={q}
              teams={teamList}
              busy={remove.busy}
              onEdit={() => setEditing(q)}
              onDelete={() => setDeleting(q)}
            />
          ))}
        </ol>
      )}
      {editing && (
        <QueueForm
          queue={editing === 'new' ? null : editing}
          teams={teamList}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('web.routing.queues.delete-title', { queue: deleting.name })}
          confirm={t('web.routing.queues.delete-confirm')}
          cancel={t('web.routing.cancel')}
          busy={remove.busy}
          error={remove.error}
          onConfirm={() => void confirmDelete()}
          onCancel={() => setDeleting(null)}
        >
          <p>{t('web.routing.queues.delete-body')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
