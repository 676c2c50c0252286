import { Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { I18nProvider } from '../i18n/i18n-provider';
import { AreaLoading } from './area-loading';
import { ConsoleRoutes, ForgotPasswordPage, PortalRoutes, SetPasswordPage } from './areas';
import { SessionProvider } from './session';

/**
 * Two route trees (issue #4): /portal for patients and caregivers, /console for staff,
 * each loaded on demand (./areas). Moving between them later is a router transition,
 * so the page on screen stays until the other area has arrived.
 */
export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <Suspense fallback={<AreaLoading />}>
            <Routes>
              <Route path="/portal/*" element={<PortalRoutes />} />
              <Route path="/console/*" element={<ConsoleRoutes />} />
              {/* The paths of the links in reset and invitation e-mails (identity/password-service). */}
              <Route path="/forgot-password" element={<ForgotPasswordPage />} />
              <Route path="/reset-password" element={<SetPasswordPage purpose="reset" />} />
              <Route path="/accept-invitation" element={<SetPasswordPage purpose="invitation" />} />
              <Route path="*" element={<Navigate to="/portal" replace />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}
