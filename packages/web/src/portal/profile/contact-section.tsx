import type { ContactUse } from '@caredesk/core/patients';
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/languages';
import { describedBy, FieldError } from './field-error';
import {
  controlId,
  isPhone,
  newRowKey,
  type ContactRow,
  type FieldErrors,
  type FieldId,
} from './profile-draft';

const USES: ReadonlyArray<[ContactUse, MessageKey]> = [
  ['mobile', 'web.profile.phone.use.mobile'],
  ['home', 'web.profile.phone.use.home'],
  ['work', 'web.profile.phone.use.work'],
  ['temp', 'web.profile.phone.use.temp'],
  ['old', 'web.profile.phone.use.old'],
];

const TEXT = {
  phone: {
    title: 'web.profile.phones.title',
    hint: 'web.profile.phones.hint',
    none: 'web.profile.phones.none',
    label: 'web.profile.phone.label',
    numbered: 'web.profile.phone.label-numbered',
    add: 'web.profile.phone.add',
    remove: 'web.profile.phone.remove',
    removeOnly: 'web.profile.phone.remove-only',
  },
  email: {
    title: 'web.profile.emails.title',
    hint: 'web.profile.emails.hint',
    none: 'web.profile.emails.none',
    label: 'web.profile.email.label',
    numbered: 'web.profile.email.label-numbered',
    add: 'web.profile.email.add',
    remove: 'web.profile.email.remove',
    removeOnly: 'web.profile.email.remove-only',
  },
} as const satisfies Record<string, Record<string, MessageKey>>;

/**
 * The patient's phone numbers, or their e-mail addresses: one field each, added and
 * removed one at a time. Every row stays in the one `telecom` list the server keeps, so
 * the server's `telecom/<n>` errors come back to the row they are about.
 */
export function ContactSection({
  kind,
  rows,
  errors,
  onChange,
}: {
  kind: 'phone' | 'email';
  rows: ContactRow[];
  errors: FieldErrors;
  onChange: (rows: ContactRow[]) => void;
}) {
  const t = useT();
  const text = TEXT[kind];
  const mine = rows.filter((r) => (kind === 'phone' ? isPhone(r) : !isPhone(r)));
  const hintId = `profile-${kind}-hint`;
  const addId = `profile-${kind}-add`;
  const focusNext = useRef<string | null>(null);

  // A row just added gets the focus, so typing can start at once; after a removal the
  // focus goes to the add button, not back to the top of the page.
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const update = (key: string, change: Partial<ContactRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const add = () => {
    const row: ContactRow =
      kind === 'phone'
        ? { key: newRowKey(), system: 'phone', value: '', use: 'mobile' }
        : { key: newRowKey(), system: 'email', value: '' };
    focusNext.current = controlId(`contact:${row.key}`);
    onChange([...rows, row]);
  };

  return (
    <section className="patient-section" aria-labelledby={`profile-${kind}-title`}>
      <h2 id={`profile-${kind}-title`}>{t(text.title)}</h2>
      <p className="hint" id={hintId}>
        {t(text.hint)}
      </p>
      {mine.length === 0 && <p>{t(text.none)}</p>}
      {mine.map((row, i) => {
        const field: FieldId = `contact:${row.key}`;
        const id = controlId(field);
        const index = i + 1;
        return (
          <div className="contact-row" key={row.key}>
            <div className="field">
              <label htmlFor={id}>
                {mine.length > 1 ? t(text.numbered, { index }) : t(text.label)}
              </label>
              <FieldError errors={errors} field={field} />
              <input
                id={id}
                type={kind === 'phone' ? 'tel' : 'email'}
                inputMode={kind === 'phone' ? 'tel' : 'email'}
                autoComplete={kind === 'phone' ? 'tel' : 'email'}
                spellCheck={false}
                value={row.value}
                onChange={(e) => update(row.key, { value: e.target.value })}
                {...describedBy(errors, field, hintId)}
              />
            </div>
            {kind === 'phone' && (
              <div className="field">
                <label htmlFor={`${id}-use`}>{t('web.profile.phone.use')}</label>
                <select
                  id={`${id}-use`}
                  value={row.use ?? ''}
                  onChange={(e) =>
                    update(row.key, { use: USES.find(([u]) => u === e.target.value)?.[0] })
                  }
                >
                  {/* A number the clinic recorded without saying which kind it is. */}
                  {row.use === undefined && (
                    <option value="">{t('web.profile.phone.use.none')}</option>
                  )}
                  {USES.map(([use, key]) => (
                    <option key={use} value={use}>
                      {t(key)}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <button
              type="button"
              className="danger-outline"
              onClick={() => {
                focusNext.current = addId;
                onChange(rows.filter((r) => r.key !== row.key));
              }}
            >
              {mine.length > 1 ? t(text.remove, { index }) : t(text.removeOnly)}
            </button>
          </div>
        );
      })}
      <button type="button" id={addId} onClick={add}>
        {t(text.add)}
      </button>
    </section>
  );
}
