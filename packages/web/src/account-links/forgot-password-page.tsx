import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { requestPasswordReset } from '../api/auth';
import { useT } from '../i18n/i18n-provider';
import { FormError } from '../sign-in/form-error';
import { FormField } from '../sign-in/form-field';
import { useSubmit } from '../sign-in/use-submit';
import { PublicPage } from './public-page';

/** "Forgot your password?": asks for the address and says what happens next. */
export function ForgotPasswordPage() {
  const t = useT();
  const [params] = useSearchParams();
  const area = params.get('from') === 'console' ? 'console' : 'portal';
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const { busy, error, run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await requestPasswordReset(email.trim());
      setSent(true);
    });
  };
  return (
    <PublicPage title={t('web.reset.request.title')}>
      {sent ? (
        <p role="status">{t('web.reset.request.sent')}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>{t('web.reset.request.intro')}</p>
          <FormError message={error} />
          <FormField
            label={t('web.signin.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <button type="submit" className="primary" disabled={busy}>
            {t('web.reset.request.submit')}
          </button>
        </form>
      )}
      <p className="other-side">
        <Link to={`/${area}/sign-in`}>{t('web.reset.back-to-sign-in')}</Link>
      </p>
    </PublicPage>
  );
}
