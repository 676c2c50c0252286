import { FIRST_CLASS_LANGUAGES, type PreferredChannel } from '@caredesk/core/patients';
import { useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/languages';
import { channelKey } from '../../patient-record/patient-labels';
import { describedBy, FieldError } from './field-error';
import { controlId, type FieldErrors } from './profile-draft';

const CHANNELS: readonly PreferredChannel[] = ['portal', 'sms', 'phone', 'email', 'letter'];

const OWN_NAME: Record<(typeof FIRST_CLASS_LANGUAGES)[number], MessageKey> = {
  en: 'web.language.en',
  es: 'web.language.es',
  lv: 'web.language.lv',
  nb: 'web.language.nb',
};

/** A language the clinic has on file but the portal does not ship, named in itself. */
function ownName(tag: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * The language the clinic uses with the patient (letters, messages, calls). Separate
 * from the language of these screens, and the hint says so: one is how the clinic
 * reaches them, the other how this device shows the portal.
 */
export function ContactLanguage({
  value,
  errors,
  onChange,
}: {
  value: string;
  errors: FieldErrors;
  onChange: (language: string) => void;
}) {
  const t = useT();
  const id = controlId('language');
  const firstClass = (FIRST_CLASS_LANGUAGES as readonly string[]).includes(value);
  return (
    <div className="field">
      <label htmlFor={id}>{t('web.profile.language.label')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('web.profile.language.hint')}
      </p>
      <FieldError errors={errors} field="language" />
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...describedBy(errors, 'language', `${id}-hint`)}
      >
        {FIRST_CLASS_LANGUAGES.map((lang) => (
          // Each language is named in itself, so a reader finds theirs whatever is shown.
          <option key={lang} value={lang} lang={lang}>
            {t(OWN_NAME[lang])}
          </option>
        ))}
        {!firstClass && (
          <option value={value} lang={value}>
            {ownName(value)}
          </option>
        )}
      </select>
    </div>
  );
}

/** The radio button of one channel (an error link lands on the one chosen). */
export const channelId = (channel: PreferredChannel) => `${controlId('channel')}-${channel}`;

/** How the clinic contacts the patient first: big radio buttons, all in view on a phone. */
export function ContactChannel({
  value,
  errors,
  onChange,
}: {
  value: PreferredChannel;
  errors: FieldErrors;
  onChange: (channel: PreferredChannel) => void;
}) {
  const t = useT();
  return (
    <fieldset
      className="choices"
      aria-describedby={describedBy(errors, 'channel')['aria-describedby']}
    >
      <legend>{t('web.profile.channel.legend')}</legend>
      <FieldError errors={errors} field="channel" />
      {CHANNELS.map((channel) => (
        <div className="choice" key={channel}>
          <input
            type="radio"
            id={channelId(channel)}
            name="preferred-channel"
            value={channel}
            checked={value === channel}
            onChange={() => onChange(channel)}
          />
          <label htmlFor={channelId(channel)}>{t(channelKey(channel))}</label>
        </div>
      ))}
    </fieldset>
  );
}
