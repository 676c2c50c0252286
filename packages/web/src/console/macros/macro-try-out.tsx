import { MACRO_LANGUAGES, type MacroLanguage } from '@caredesk/core/service-desk';
import { useId, useMemo, useState } from 'react';
import { useSession } from '../../app/session';
import { useT } from '../../i18n/i18n-provider';
import { LANGUAGE_NAME } from './macro-labels';
import { MacroPicker, type InsertedMacro } from './macro-picker';
import { sampleFacts } from './sample-facts';
import { useWords } from './use-words';

/**
 * The reply composer's macro picker on a sample case, so a supervisor sees what agents
 * will get: the saved macros, filled by the server for a patient who reads the chosen
 * language. Shown to those who also work cases (the picker needs case.work).
 */
export function MacroTryOut() {
  const t = useT();
  const id = useId();
  const { account } = useSession();
  const [reader, setReader] = useState<MacroLanguage>('en');
  const [reply, setReply] = useState('');
  const [inserted, setInserted] = useState<InsertedMacro | null>(null);
  const words = useWords(reader);
  const facts = useMemo(
    () => (words ? sampleFacts(words, account?.displayName ?? '', new Date()) : null),
    [words, account?.displayName],
  );
  return (
    <section className="admin-section macro-try-out" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('web.macros.try.title')}</h2>
      <p>{t('web.macros.try.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-reader`}>{t('web.macros.preview.reader')}</label>
        <select
          id={`${id}-reader`}
          value={reader}
          onChange={(e) => setReader(e.target.value as MacroLanguage)}
        >
          {MACRO_LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(LANGUAGE_NAME[l])}
            </option>
          ))}
        </select>
      </div>
      {facts && (
        <MacroPicker
          language={reader}
          facts={facts}
          // The sample's due date is 15:00 where the viewer is, as in the editor's preview.
          timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}
          onInsert={(r) => {
            setInserted(r);
            setReply((before) => (before.trim() ? `${before}\n\n${r.body}` : r.body));
          }}
        />
      )}
      <div className="field">
        <label htmlFor={`${id}-reply`}>{t('web.macros.try.reply')}</label>
        <textarea
          id={`${id}-reply`}
          rows={6}
          lang={reader}
          value={reply}
          onChange={(e) => setReply(e.target.value)}
        />
      </div>
      <p role="status">{inserted && t('web.macros.try.inserted')}</p>
    </section>
  );
}
