import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { setPasswordWithToken } from '../api/auth';
import { useT } from '../i18n/i18n-provider';
import { FormError } from '../sign-in/form-error';
import { FormField } from '../sign-in/form-field';
import { useSubmit } from '../sign-in/use-submit';
import { useLinkToken } from './link-token';
import { PublicPage } from './public-page';

/**
 * Where a password-reset or invitation e-mail leads: choose a password, once. The server
 * checks the link (single use, expiry) and the password policy and says what is wrong.
 */
export function SetPasswordPage({ purpose }: { purpose: 'reset' | 'invitation' }) {
  const t = useT();
  const token = useLinkToken();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const { busy, error, run } = useSubmit();
  const title = purpose === 'reset' ? t('web.reset.title') : t('web.invitation.title');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMismatch(password !== repeat);
    if (password !== repeat || !token) return;
    void run(async () => {
      await setPasswordWithToken(purpose, token, password);
      setDone(true);
    });
  };

  if (!token || done) {
    return (
      <PublicPage title={title}>
        <p role={done ? 'status' : 'alert'}>
          {done ? t('web.reset.done') : t('auth.token.invalid')}
        </p>
        <ul className="sign-in-links">
          <li>
            <Link to="/portal/sign-in">{t('web.signin.title.portal')}</Link>
          </li>
          <li>
            <Link to="/console/sign-in">{t('web.signin.title.console')}</Link>
          </li>
        </ul>
      </PublicPage>
    );
  }
  return (
    <PublicPage title={title}>
      <form onSubmit={submit} noValidate>
        <FormError message={mismatch ? t('web.reset.mismatch') : error} />
        <FormField
          label={t('web.reset.new-password')}
          hint={t('web.reset.password-hint')}
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <FormField
          label={t('web.reset.repeat-password')}
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
        <button type="submit" className="primary" disabled={busy}>
          {t('web.reset.submit')}
        </button>
      </form>
    </PublicPage>
  );
}
