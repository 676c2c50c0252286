import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
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
            <Route path="*" element={<Navigate to="/portal" replace />} />
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}
