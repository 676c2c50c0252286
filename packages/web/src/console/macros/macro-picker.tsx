import { macroName } from '@caredesk/core/service-desk';
import type { MacroActions, MacroFacts, RenderedMacro } from '@caredesk/core/service-desk';
import { useEffect, useId, useRef, useState } from 'react';
import { useLanguage, useT } from '../../i18n/i18n-provider';
import { firstClassLanguage } from '@caredesk/core/patients';
import { MacroActionsSummary } from './macro-actions-summary';
import { LANGUAGE_NAME, missingList } from './macro-labels';
import { RenderedText } from './macro-preview';
import { fetchActiveMacros, previewMacro, type Macro } from './macros-api';
import '../../styles/console-macros.css';

/** What the picker hands the composer: the filled text and what the macro does to the case. */
export interface InsertedMacro {
  subject: string | null;
  body: string;
  actions: MacroActions;
  /** The macro used, for the case timeline. */
  macroId: string;
}

export interface MacroPickerProps {
  /** The patient's language (BCP-47): the macro's text in it, else the organization's, else English. */
  language: string;
  /** The case's facts for the placeholders; missing ones get a neutral word. */
  facts: MacroFacts;
  /** The patient's IANA time zone for dates; default: the organization's. */
  timeZone?: string;
  onInsert: (rendered: InsertedMacro) => void;
}

/** Pause after a keystroke before searching, as the patient search does. */
const DEBOUNCE_MS = 120;

/**
 * Finds an active macro, shows it filled for this patient by the server (in their
 * language, dates in their zone) and inserts it into a reply. For the case reply
 * composer; needs case.work.
 */
export function MacroPicker({ language, facts, timeZone, onInsert }: MacroPickerProps) {
  const t = useT();
  const id = useId();
  const { language: screen } = useLanguage();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Macro[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [chosen, setChosen] = useState<Macro | null>(null);
  const [preview, setPreview] = useState<RenderedMacro | null>(null);
  const [previewFailed, setPreviewFailed] = useState(false);
  const ticket = useRef(0);
  const factsKey = JSON.stringify(facts);

  useEffect(() => {
    const mine = ++ticket.current;
    const timer = setTimeout(() => {
      fetchActiveMacros(q.trim()).then(
        (page) => {
          if (mine !== ticket.current) return;
          setItems(page.items);
          setFailed(false);
        },
        () => mine === ticket.current && setFailed(true),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q]);

  useEffect(() => {
    if (!chosen) return;
    let current = true;
    setPreview(null);
    setPreviewFailed(false);
    previewMacro(chosen.id, language, JSON.parse(factsKey) as MacroFacts, timeZone).then(
      (r) => current && setPreview(r),
      () => current && setPreviewFailed(true),
    );
    return () => {
      current = false;
    };
  }, [chosen, language, factsKey, timeZone]);

  const reader = firstClassLanguage(language);
  return (
    <div className="macro-picker">
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('web.macros.picker.search')}</label>
        <input
          id={`${id}-q`}
          type="search"
          autoComplete="off"
          maxLength={200}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      {failed && <p role="alert">{t('web.error.network')}</p>}
      <p className="search-status" role="status">
        {items !== null && t('web.macros.picker.count', { count: items.length })}
      </p>
      {items !== null && items.length > 0 && (
        <ul className="plain macro-results" aria-label={t('web.macros.picker.results')}>
          {items.map((m) => (
            <li key={m.id}>
              <button type="button" aria-pressed={chosen?.id === m.id} onClick={() => setChosen(m)}>
                {macroName(m, screen)}
              </button>
              <span className="secondary">
                {m.bodies.map((b) => t(LANGUAGE_NAME[b.language])).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
      {chosen && (
        <section className="macro-picked" aria-labelledby={`${id}-picked`}>
          <h3 id={`${id}-picked`}>{macroName(chosen, screen)}</h3>
          {previewFailed && <p role="alert">{t('web.error.network')}</p>}
          {!preview && !previewFailed && <p role="status">{t('web.loading')}</p>}
          {preview && (
            <>
              {preview.fallback && (
                <p className="notice">
                  {reader
                    ? t('web.macros.preview.fallback', {
                        wanted: t(LANGUAGE_NAME[reader]),
                        used: t(LANGUAGE_NAME[preview.language]),
                      })
                    : t('web.macros.picker.other-language', {
                        used: t(LANGUAGE_NAME[preview.language]),
                      })}
                </p>
              )}
              <RenderedText rendered={preview} />
              {preview.missing.length > 0 && (
                <p className="hint">
                  {t('web.macros.preview.missing', { list: missingList(t, preview.missing) })}
                </p>
              )}
              <MacroActionsSummary actions={preview.actions} />
              <button
                type="button"
                className="primary"
                onClick={() =>
                  onInsert({
                    subject: preview.subject,
                    body: preview.body,
                    actions: preview.actions,
                    macroId: chosen.id,
                  })
                }
              >
                {t('web.macros.picker.insert')}
              </button>
            </>
          )}
        </section>
      )}
    </div>
  );
}
