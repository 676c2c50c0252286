import { useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import type { LoginResult } from '../api/auth';
import { useSession } from '../app/session';
import { useT } from '../i18n/i18n-provider';
import { PublicPage } from '../account-links/public-page';
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
  const { account, refresh, endedForInactivity } = useSession();
  const location = useLocation();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const home = `/${area}`;
  const from = (location.state as { from?: string } | null)?.from;

  if (account) return <Navigate to={from?.startsWith(home) ? from : home} replace />;

  // Signed in: the session is asked for again, which also brings the idle limit.
  const afterPassword = (r: LoginResult) => {
    if (r.account) void refresh();
    else setStep({ kind: r.mfaEnrolmentRequired ? 'enrol' : 'mfa' });
  };

  const title = area === 'portal' ? t('web.signin.title.portal') : t('web.signin.title.console');
  return (
    <PublicPage title={title} area={area}>
      {endedForInactivity && step.kind === 'password' && (
        <p className="notice" role="status">
          {t('web.idle.signed-out')}
        </p>
      )}
      {step.kind === 'password' && <PasswordStep onDone={afterPassword} />}
      {step.kind === 'mfa' && <MfaStep onDone={() => void refresh()} />}
      {step.kind === 'enrol' && (
        <EnrolStep onDone={(codes) => setStep({ kind: 'recovery-codes', codes })} />
      )}
      {step.kind === 'recovery-codes' && (
        <RecoveryCodesStep codes={step.codes} onDone={() => void refresh()} />
      )}
      {step.kind === 'password' && (
        <ul className="sign-in-links">
          <li>
            <Link to={`/forgot-password?from=${area}`}>{t('web.signin.forgot')}</Link>
          </li>
          <li>
            {area === 'portal' ? (
              <Link to="/console/sign-in">{t('web.signin.to-console')}</Link>
            ) : (
              <Link to="/portal/sign-in">{t('web.signin.to-portal')}</Link>
            )}
          </li>
        </ul>
      )}
    </PublicPage>
  );
}
