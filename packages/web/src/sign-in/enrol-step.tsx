import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { enableMfa, setupMfa, type MfaSetup } from '../api/auth';
import { useT } from '../i18n/i18n-provider';
import { FormError } from './form-error';
import { FormField } from './form-field';
import { useSubmit } from './use-submit';

/** Groups of four, as authenticator apps show keys: easier to copy by hand. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * First sign-in of a staff member: MFA is required for staff (issue #3), so the
 * sign-in continues only once an authenticator app holds the key and a code from it
 * has been accepted.
 */
export function EnrolStep({ onDone }: { onDone: (recoveryCodes: string[]) => void }) {
  const t = useT();
  const [setup, setSetup] = useState<MfaSetup | null>(null);
  const [code, setCode] = useState('');
  const loading = useSubmit();
  const confirming = useSubmit();

  useEffect(() => {
    void loading.run(async () => setSetup(await setupMfa()));
    // Once per enrolment: a second setup would replace the key the person just scanned.
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void confirming.run(async () => onDone(await enableMfa(code.replace(/\s/g, ''))));
  };
  return (
    <form onSubmit={submit} noValidate>
      <h2>{t('web.enrol.title')}</h2>
      <p>{t('web.enrol.intro')}</p>
      <FormError message={loading.error ?? confirming.error} />
      {setup && (
        <>
          <p className="secret-label">{t('web.enrol.secret')}</p>
          <p className="secret" data-testid="mfa-secret">
            {grouped(setup.secret)}
          </p>
          <p>
            <a href={setup.otpauthUri}>{t('web.enrol.open-app')}</a>
          </p>
          <FormField
            label={t('web.mfa.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <button type="submit" className="primary" disabled={confirming.busy}>
            {t('web.enrol.submit')}
          </button>
        </>
      )}
    </form>
  );
}
