import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useSession } from '../app/session';
import { AppShell } from '../shell/app-shell';
import { RequireSignIn } from '../shell/require-sign-in';
import { SignInPage } from '../sign-in/sign-in-page';
import { AccessLogPage } from './access-log/access-log-page';
import { CaregiversPage } from './caregivers/caregivers-page';
import { InviteCaregiverPage } from './caregivers/invite-caregiver-page';
import { GetHelpPage } from './help/get-help-page';
import { MyRequestsPage } from './help/my-requests-page';
import { RequestPage } from './help/request-page';
import { HelpingPage } from './helping/helping-page';
import { HelpArticlePage } from './help-articles/help-article-page';
import { HelpArticlesPage } from './help-articles/help-articles-page';
import { PortalHome } from './portal-home';
import { PortalNav } from './portal-nav';
import { ProfilePage } from './profile/profile-page';

/**
 * A patient's pages are about their own record; a caregiver's are about the people they
 * help. Each is sent to their own side rather than shown a page that cannot load.
 */
function ForKind({ kind, children }: { kind: 'patient' | 'caregiver'; children: ReactNode }) {
  const { account } = useSession();
  const isCaregiver = account?.kind === 'caregiver';
  if (kind === 'patient' && isCaregiver) return <Navigate to="/portal/helping" replace />;
  if (kind === 'caregiver' && account && !isCaregiver) return <Navigate to="/portal" replace />;
  return children;
}

function Signed({ children, kind }: { children: ReactNode; kind?: 'patient' | 'caregiver' }) {
  return (
    <RequireSignIn area="portal">
      <AppShell area="portal" nav={<PortalNav />}>
        {kind ? <ForKind kind={kind}>{children}</ForKind> : children}
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
          <Signed kind="patient">
            <CaregiversPage />
          </Signed>
        }
      />
      <Route
        path="caregivers/invite"
        element={
          <Signed kind="patient">
            <InviteCaregiverPage />
          </Signed>
        }
      />
      <Route
        path="helping/:patientId?"
        element={
          <Signed kind="caregiver">
            <HelpingPage />
          </Signed>
        }
      />
      <Route
        path="access-log"
        element={
          <Signed kind="patient">
            <AccessLogPage />
          </Signed>
        }
      />
      <Route
        path="profile"
        element={
          <Signed kind="patient">
            <ProfilePage />
          </Signed>
        }
      />
      <Route
        path="help"
        element={
          <Signed kind="patient">
            <GetHelpPage />
          </Signed>
        }
      />
      <Route
        path="help-articles"
        element={
          <Signed>
            <HelpArticlesPage />
          </Signed>
        }
      />
      <Route
        path="requests"
        element={
          <Signed kind="patient">
            <MyRequestsPage />
          </Signed>
        }
      />
      <Route
        path="requests/:caseId"
        element={
          <Signed kind="patient">
            <RequestPage />
          </Signed>
        }
      />
      <Route
        path="help-articles/:id"
        element={
          <Signed>
            <HelpArticlePage />
          </Signed>
        }
      />
      <Route
        path="*"
        element={
          <Signed kind="patient">
            <PortalHome />
          </Signed>
        }
      />
    </Routes>
  );
}
