import { useState } from 'react';
import type { FormEvent } from 'react';
import { verifyMfa, type Account } from '../api/auth';
import { useT } from '../i18n/i18n-provider';
import { FormError } from './form-error';
import { FormField } from './form-field';
import { useSubmit } from './use-submit';

/** The second step: a code from the authenticator app, or one of the recovery codes. */
export function MfaStep({ onDone }: { onDone: (a: Account) => void }) {
  const t = useT();
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const { busy, error, run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const proof = useRecovery ? { recoveryCode: value.trim() } : { code: value.replace(/\s/g, '') };
    void run(async () => onDone(await verifyMfa(proof)));
  };
  return (
    <form onSubmit={submit} noValidate>
      <h2>{t('web.mfa.title')}</h2>
      <FormError message={error} />
      {useRecovery ? (
        <FormField
          key="recovery"
          label={t('web.mfa.recovery')}
          autoComplete="off"
          required
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      ) : (
        <FormField
          key="code"
          label={t('web.mfa.code')}
          hint={t('web.mfa.code-hint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
          required
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      )}
      <button type="submit" className="primary" disabled={busy}>
        {t('web.mfa.submit')}
      </button>
      <button
        type="button"
        className="link"
        onClick={() => {
          setUseRecovery(!useRecovery);
          setValue('');
        }}
      >
        {useRecovery ? t('web.mfa.use-code') : t('web.mfa.use-recovery')}
      </button>
    </form>
  );
}
