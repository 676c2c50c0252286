import { useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { currentAccount, type Account, type LoginResult } from '../api/auth';
import { useSession } from '../app/session';
import { useT } from '../i18n/i18n-provider';
import { LanguagePicker } from '../i18n/language-picker';
import { EnrolStep } from './enrol-step';
import { MfaStep } from './mfa-step';
import { PasswordStep } from './password-step';
import { RecoveryCodesStep } from './recovery-codes-step';

type Step =
  | { kind: 'password' }
  | { kind: 'mfa' }
  | { kind: 'enrol' }
  | { kind: 'recovery-codes'; codes: string[] };

/**
 * Sign-in for one side of the app. Both sides use the same accounts API; the console
 * asks staff for their second step (or sets it up at first sign-in), the portal asks
 * patients and caregivers for it only when they turned it on.
 */
export function SignInPage({ area }: { area: 'portal' | 'console' }) {
  const t = useT();
  const { account, signedIn } = useSession();
  const location = useLocation();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const home = `/${area}`;
  const from = (location.state as { from?: string } | null)?.from;

  if (account) return <Navigate to={from?.startsWith(home) ? from : home} replace />;

  const afterPassword = (r: LoginResult) => {
    if (r.account) signedIn(r.account);
    else setStep({ kind: r.mfaEnrolmentRequired ? 'enrol' : 'mfa' });
  };
  const finish = async () => {
    const a: Account | null = await currentAccount();
    if (a) signedIn(a);
  };

  return (
    <div className={`sign-in sign-in-${area}`}>
      <header className="sign-in-header">
        <p className="brand">{t('web.app.name')}</p>
        <LanguagePicker />
      </header>
      <main id="main" className="sign-in-card">
        <h1>{area === 'portal' ? t('web.signin.title.portal') : t('web.signin.title.console')}</h1>
        {step.kind === 'password' && <PasswordStep onDone={afterPassword} />}
        {step.kind === 'mfa' && <MfaStep onDone={signedIn} />}
        {step.kind === 'enrol' && (
          <EnrolStep onDone={(codes) => setStep({ kind: 'recovery-codes', codes })} />
        )}
        {step.kind === 'recovery-codes' && (
          <RecoveryCodesStep codes={step.codes} onDone={() => void finish()} />
        )}
        {step.kind === 'password' && (
          <p className="other-side">
            {area === 'portal' ? (
              <Link to="/console/sign-in">{t('web.signin.to-console')}</Link>
            ) : (
              <Link to="/portal/sign-in">{t('web.signin.to-portal')}</Link>
            )}
          </p>
        )}
      </main>
    </div>
  );
}
