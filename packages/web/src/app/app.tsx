import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ForgotPasswordPage } from '../account-links/forgot-password-page';
import { SetPasswordPage } from '../account-links/set-password-page';
import { ConsoleRoutes } from '../console/console-routes';
import { I18nProvider } from '../i18n/i18n-provider';
import { PortalRoutes } from '../portal/portal-routes';
import { SessionProvider } from './session';

/** Two route trees (issue #4): /portal for patients and caregivers, /console for staff. */
export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <Routes>
            <Route path="/portal/*" element={<PortalRoutes />} />
            <Route path="/console/*" element={<ConsoleRoutes />} />
            {/* The paths of the links in reset and invitation e-mails (identity/password-service). */}
            <Route path="/forgot-password" element={<ForgotPasswordPage />} />
            <Route path="/reset-password" element={<SetPasswordPage purpose="reset" />} />
            <Route path="/accept-invitation" element={<SetPasswordPage purpose="invitation" />} />
            <Route path="*" element={<Navigate to="/portal" replace />} />
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}
