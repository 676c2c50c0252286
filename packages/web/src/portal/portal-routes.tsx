import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { AppShell } from '../shell/app-shell';
import { RequireSignIn } from '../shell/require-sign-in';
import { SignInPage } from '../sign-in/sign-in-page';
import { AccessLogPage } from './access-log/access-log-page';
import { CaregiversPage } from './caregivers/caregivers-page';
import { InviteCaregiverPage } from './caregivers/invite-caregiver-page';
import { HelpingPage } from './helping/helping-page';
import { PortalHome } from './portal-home';
import { PortalNav } from './portal-nav';
import { ProfilePage } from './profile/profile-page';

function Signed({ children }: { children: ReactNode }) {
  return (
    <RequireSignIn area="portal">
      <AppShell area="portal" nav={<PortalNav />}>
        {children}
      </AppShell>
    </RequireSignIn>
  );
}

export function PortalRoutes() {
  return (
    <Routes>
      <Route path="sign-in" element={<SignInPage area="portal" />} />
      <Route
        path="caregivers"
        element={
          <Signed>
            <CaregiversPage />
          </Signed>
        }
      />
      <Route
        path="caregivers/invite"
        element={
          <Signed>
            <InviteCaregiverPage />
          </Signed>
        }
      />
      <Route
        path="helping/:patientId?"
        element={
          <Signed>
            <HelpingPage />
          </Signed>
        }
      />
      <Route
        path="access-log"
        element={
          <Signed>
            <AccessLogPage />
          </Signed>
        }
      />
      <Route
        path="profile"
        element={
          <Signed>
            <ProfilePage />
          </Signed>
        }
      />
      <Route
        path="*"
        element={
          <Signed>
            <PortalHome />
          </Signed>
        }
      />
    </Routes>
  );
}
