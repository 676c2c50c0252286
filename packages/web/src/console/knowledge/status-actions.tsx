import type { KnowledgeArticle } from '@caredesk/core/service-desk';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/languages';
import { changeStatus } from '../../knowledge/kb-api';
import { ConfirmDialog } from '../../shell/confirm-dialog';
import { FormError } from '../../sign-in/form-error';

/**
 * Publish (readers see it at once) and archive (it leaves every list and search but is
 * kept, and may be published again). Both wait until the text is saved, so what is
 * published is what the editor sees; archiving asks first.
 */
export function StatusActions({
  article,
  unsaved,
  onChanged,
  onConflict,
}: {
  article: KnowledgeArticle;
  unsaved: boolean;
  onChanged: (next: KnowledgeArticle, said: MessageKey) => void;
  onConflict: () => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);

  const run = async (to: 'publish' | 'archive') => {
    setBusy(true);
    setError(null);
    try {
      const next = await changeStatus(article.id, to, article.version);
      setAsking(false);
      onChanged(next, to === 'publish' ? 'web.kb.editor.published' : 'web.kb.editor.archived');
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setAsking(false);
        onConflict();
      } else setError(e instanceof ApiError && e.status !== 0 ? e.message : t('web.error.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="kb-status-actions" aria-labelledby="kb-status-actions-title">
      <h2 id="kb-status-actions-title">{t('web.kb.editor.publishing')}</h2>
      {unsaved && <p className="hint">{t('web.kb.editor.save-first')}</p>}
      <div className="kb-actions">
        {article.status !== 'published' && (
          <button
            type="button"
            className="primary"
            disabled={busy || unsaved}
            onClick={() => void run('publish')}
          >
            {t('web.kb.editor.publish')}
          </button>
        )}
        {article.status !== 'archived' && (
          <button
            type="button"
            className="danger-outline"
            disabled={busy || unsaved}
            onClick={() => setAsking(true)}
          >
            {t('web.kb.editor.archive')}
          </button>
        )}
      </div>
      {!asking && <FormError message={error} />}
      {asking && (
        <ConfirmDialog
          title={t('web.kb.editor.archive-confirm.title')}
          confirm={t('web.kb.editor.archive')}
          cancel={t('web.kb.editor.cancel')}
          busy={busy}
          error={error}
          onConfirm={() => void run('archive')}
          onCancel={() => setAsking(false)}
        >
          <p>{t('web.kb.editor.archive-confirm.body')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
