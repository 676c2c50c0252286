import { macroName } from '@caredesk/core/service-desk';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useSession } from '../../app/session';
import { useLanguage, useT } from '../../i18n/i18n-provider';
import type { Said } from '../admin/said';
import '../../styles/console-admin.css';
import '../../styles/console-macros.css';
import { MacroEditor } from './macro-editor';
import { AUDIENCE_LABEL, LANGUAGE_NAME } from './macro-labels';
import { MacroTryOut } from './macro-try-out';
import { fetchLibrary, type Macro } from './macros-api';

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; macro: Macro };

/**
 * Macros (issue #5 point 6, permission desk.configure): the organization's reusable
 * replies and notes in en/es/lv/nb. Search, write, change, retire, and try one as an
 * agent would in the reply composer.
 */
export function MacrosPage() {
  const t = useT();
  const id = useId();
  const { language } = useLanguage();
  const { permissions } = useSession();
  const [q, setQ] = useState('');
  const [macros, setMacros] = useState<Macro[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [said, setSaid] = useState<Said | null>(null);
  // Bumped on every save, so the try-out picker lists what was just written.
  const [changes, setChanges] = useState(0);
  const opener = useRef<HTMLElement | null>(null);

  const load = useCallback(async (query: string) => {
    try {
      const page = await fetchLibrary(query);
      setMacros(page.items);
      setNext(page.nextCursor);
      setState('ready');
    } catch {
      setState('failed');
    }
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => void load(q.trim()), 120);
    return () => clearTimeout(timer);
  }, [q, load]);

  const more = async () => {
    if (!next) return;
    try {
      const page = await fetchLibrary(q.trim(), next);
      setMacros((list) => [...list, ...page.items]);
      setNext(page.nextCursor);
    } catch {
      setState('failed');
    }
  };

  const open = (what: Editing) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setSaid(null);
    setEditing(what);
  };

  const close = () => {
    setEditing({ kind: 'none' });
    requestAnimationFrame(() => opener.current?.focus());
  };

  const saved = (macro: Macro, how: 'created' | 'saved' | 'retired') => {
    setMacros((list) =>
      [...list.filter((m) => m.id !== macro.id), macro].sort((a, b) =>
        a.name.localeCompare(b.name),
      ),
    );
    setEditing({ kind: 'edit', macro });
    setChanges((n) => n + 1);
    const key =
      how === 'created'
        ? 'web.macros.said.created'
        : how === 'retired'
          ? 'web.macros.said.retired'
          : 'web.macros.said.saved';
    setSaid({ key, values: { name: macro.name } });
  };

  return (
    <>
      <h1>{t('web.macros.title')}</h1>
      <p>{t('web.macros.intro')}</p>
      <div className="macro-toolbar">
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('web.macros.search')}</label>
          <input
            id={`${id}-q`}
            type="search"
            autoComplete="off"
            maxLength={200}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        <button type="button" className="primary" onClick={() => open({ kind: 'new' })}>
          {t('web.macros.new')}
        </button>
      </div>
      <div role="status" className={said ? 'notice announcement' : undefined}>
        {said && t(said.key, said.values)}
      </div>
      {editing.kind !== 'none' && (
        <MacroEditor
          key={editing.kind === 'edit' ? `${editing.macro.id}:${editing.macro.version}` : 'new'}
          macro={editing.kind === 'edit' ? editing.macro : null}
          onSaved={saved}
          onClose={close}
        />
      )}
      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('web.macros.list.title')}</h2>
        {state === 'loading' && <p role="status">{t('web.loading')}</p>}
        {state === 'failed' && <p role="alert">{t('web.error.network')}</p>}
        {state === 'ready' && macros.length === 0 && <p>{t('web.macros.list.empty')}</p>}
        {macros.length > 0 && (
          <ul className="plain macro-list" data-testid="macro-list">
            {macros.map((m) => (
              <li key={m.id} className="macro-item">
                <div>
                  <h3>{macroName(m, language)}</h3>
                  <p className="secondary">
                    {t(AUDIENCE_LABEL[m.audience])}
                    {' · '}
                    {m.bodies.map((b) => t(LANGUAGE_NAME[b.language])).join(', ')}
                    {!m.active && ` · ${t('web.macros.list.retired')}`}
                  </p>
                </div>
                <button
                  type="button"
                  aria-label={t('web.macros.list.edit-named', { name: macroName(m, language) })}
                  onClick={() => open({ kind: 'edit', macro: m })}
                >
                  {t('web.macros.list.edit')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {next && (
          <button type="button" onClick={() => void more()}>
            {t('web.macros.list.more')}
          </button>
        )}
      </section>
      {permissions.has('case.work') && <MacroTryOut key={changes} />}
    </>
  );
}
