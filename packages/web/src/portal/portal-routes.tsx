import { Route, Routes } from 'react-router';
import { AppShell } from '../shell/app-shell';
import { RequireSignIn } from '../shell/require-sign-in';
import { SignInPage } from '../sign-in/sign-in-page';
import { PortalHome } from './portal-home';

export function PortalRoutes() {
  return (
    <Routes>
      <Route path="sign-in" element={<SignInPage area="portal" />} />
      <Route
        path="*"
        element={
          <RequireSignIn area="portal">
            <AppShell area="portal">
              <PortalHome />
            </AppShell>
          </RequireSignIn>
        }
      />
    </Routes>
  );
}
