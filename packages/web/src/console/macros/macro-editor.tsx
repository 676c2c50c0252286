import type { Macro, MacroLanguage } from '@caredesk/core/service-desk';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n/i18n-provider';
import { ConfirmDialog } from '../../shell/confirm-dialog';
import { FormError } from '../../sign-in/form-error';
import { TextInput } from '../admin/text-input';
import { MacroActionFields } from './macro-action-fields';
import {
  draftOf,
  emptyDraft,
  fieldOfIssue,
  inputOf,
  type DraftField,
  type MacroDraft,
} from './macro-draft';
import { AUDIENCE_LABEL } from './macro-labels';
import { MacroPreview } from './macro-preview';
import { MacroTexts } from './macro-texts';
import { createMacro, retireMacro, updateMacro } from './macros-api';

/**
 * Writes or changes one macro: its name, who it is for, a text per language, what it
 * does to the case, with a live preview beside it. A refusal from the server is shown
 * beside the field (and on the tab of the language) it is about.
 */
export function MacroEditor({
  macro,
  onSaved,
  onClose,
}: {
  /** Null for a new macro. */
  macro: Macro | null;
  onSaved: (saved: Macro, how: 'created' | 'saved' | 'retired') => void;
  onClose: () => void;
}) {
  const t = useT();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<MacroDraft>(() => (macro ? draftOf(macro) : emptyDraft()));
  const [tab, setTab] = useState<MacroLanguage>('en');
  const [previewIn, setPreviewIn] = useState<MacroLanguage>('en');
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => heading.current?.focus(), []);

  const chooseTab = (lang: MacroLanguage) => {
    setTab(lang);
    // The preview follows the language being written; the reader select can still differ.
    setPreviewIn(lang);
  };

  const fail = (e: unknown, sent: readonly MacroLanguage[]) => {
    if (!(e instanceof ApiError) || e.status === 0) {
      setErrors({ form: t('web.error.network') });
      return;
    }
    const next: Partial<Record<DraftField, string>> = {};
    for (const issue of e.issues) {
      const field = fieldOfIssue(issue.path, sent);
      next[field] ??= issue.message;
    }
    if (Object.keys(next).length === 0) next.form = e.message;
    setErrors(next);
    // Show the first language with a problem, so the message is on screen.
    const lang = sent.find((l) => next[`${l}.body`] ?? next[`${l}.subject`]);
    if (lang) setTab(lang);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!draft.name.trim()) return setErrors({ name: t('web.macros.editor.name-required') });
    const input = inputOf(draft);
    if (input.bodies.length === 0)
      return setErrors({ [`${tab}.body`]: t('web.macros.editor.text-required') });
    const sent = input.bodies.map((b) => b.language);
    setBusy(true);
    setErrors({});
    try {
      const saved = macro
        ? await updateMacro(macro.id, { ...input, active: draft.active }, macro.version)
        : await createMacro(input);
      onSaved(saved, macro ? 'saved' : 'created');
    } catch (err) {
      fail(err, sent);
    } finally {
      setBusy(false);
    }
  };

  const retire = async () => {
    if (!macro || busy) return;
    setBusy(true);
    try {
      const saved = await retireMacro(macro.id);
      setConfirming(false);
      onSaved(saved, 'retired');
    } catch (err) {
      setErrors({
        form: err instanceof ApiError && err.status !== 0 ? err.message : t('web.error.network'),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="macro-editor admin-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {macro
          ? t('web.macros.editor.edit-title', { name: macro.name })
          : t('web.macros.editor.new-title')}
      </h2>
      <div className="macro-editor-columns">
        <form onSubmit={(e) => void save(e)} noValidate className="macro-form">
          <TextInput
            label={t('web.macros.editor.name')}
            error={errors.name}
            autoComplete="off"
            maxLength={480}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
          <fieldset>
            <legend>{t('web.macros.editor.audience')}</legend>
            {(['public-reply', 'internal-note'] as const).map((a) => (
              <div className="choice" key={a}>
                <input
                  type="radio"
                  id={`${id}-${a}`}
                  name={`${id}-audience`}
                  checked={draft.audience === a}
                  onChange={() => setDraft({ ...draft, audience: a })}
                />
                <label htmlFor={`${id}-${a}`}>{t(AUDIENCE_LABEL[a])}</label>
              </div>
            ))}
          </fieldset>
          <MacroTexts
            texts={draft.texts}
            withSubject={draft.audience === 'public-reply'}
            active={tab}
            onActive={chooseTab}
            onChange={(lang, text) =>
              setDraft({ ...draft, texts: { ...draft.texts, [lang]: text } })
            }
            errors={errors}
          />
          <MacroActionFields
            value={draft}
            onChange={(actions) => setDraft({ ...draft, ...actions })}
            errors={errors}
          />
          {macro && (
            <div className="choice">
              <input
                id={`${id}-active`}
                type="checkbox"
                checked={draft.active}
                onChange={(e) => setDraft({ ...draft, active: e.target.checked })}
              />
              <label htmlFor={`${id}-active`}>{t('web.macros.editor.active')}</label>
            </div>
          )}
          <FormError message={errors.form ?? null} />
          <div className="macro-buttons">
            <button type="submit" className="primary" disabled={busy}>
              {macro ? t('web.macros.editor.save') : t('web.macros.editor.create')}
            </button>
            <button type="button" onClick={onClose}>
              {t('web.macros.editor.close')}
            </button>
            {macro?.active && (
              <button type="button" className="danger-outline" onClick={() => setConfirming(true)}>
                {t('web.macros.editor.retire')}
              </button>
            )}
          </div>
        </form>
        <MacroPreview draft={draft} language={previewIn} onLanguage={setPreviewIn} />
      </div>
      {confirming && macro && (
        <ConfirmDialog
          title={t('web.macros.retire.title', { name: macro.name })}
          confirm={t('web.macros.retire.confirm')}
          cancel={t('web.macros.retire.cancel')}
          busy={busy}
          error={errors.form ?? null}
          onConfirm={() => void retire()}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('web.macros.retire.body')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
