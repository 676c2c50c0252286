import { Route, Routes } from 'react-router';
import { AppShell } from '../shell/app-shell';
import { RequireSignIn } from '../shell/require-sign-in';
import { SignInPage } from '../sign-in/sign-in-page';
import { ConsoleHome } from './console-home';

export function ConsoleRoutes() {
  return (
    <Routes>
      <Route path="sign-in" element={<SignInPage area="console" />} />
      <Route
        path="*"
        element={
          <RequireSignIn area="console">
            <AppShell area="console">
              <ConsoleHome />
            </AppShell>
          </RequireSignIn>
        }
      />
    </Routes>
  );
}
