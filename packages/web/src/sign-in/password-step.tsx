import { useState } from 'react';
import type { FormEvent } from 'react';
import { login, type LoginResult } from '../api/auth';
import { useT } from '../i18n/i18n-provider';
import { FormError } from './form-error';
import { FormField } from './form-field';
import { useSubmit } from './use-submit';

export function PasswordStep({ onDone }: { onDone: (r: LoginResult) => void }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => onDone(await login(email.trim(), password)));
  };
  return (
    <form onSubmit={submit} noValidate>
      <FormError message={error} />
      <FormField
        label={t('web.signin.email')}
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <FormField
        label={t('web.signin.password')}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('web.signin.busy') : t('web.signin.submit')}
      </button>
    </form>
  );
}
