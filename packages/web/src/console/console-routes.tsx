import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { AppShell } from '../shell/app-shell';
import { RequirePermission } from '../shell/require-permission';
import { RequireSignIn } from '../shell/require-sign-in';
import { SignInPage } from '../sign-in/sign-in-page';
import { TeamsPage } from './admin/teams-page';
import { UsersPage } from './admin/users-page';
import { AuditPage } from './audit/audit-page';
import { ConsoleHome } from './console-home';
import { ConsoleNav } from './console-nav';
import { DuplicatesPage } from './duplicates/duplicates-page';
import { PatientPage } from './patient/patient-page';
import { ReviewsPage } from './reviews/reviews-page';

function Signed({ children }: { children: ReactNode }) {
  return (
    <RequireSignIn area="console">
      <AppShell area="console" nav={<ConsoleNav />}>
        {children}
      </AppShell>
    </RequireSignIn>
  );
}

export function ConsoleRoutes() {
  return (
    <Routes>
      <Route path="sign-in" element={<SignInPage area="console" />} />
      <Route
        path="patients/:id"
        element={
          <Signed>
            <PatientPage />
          </Signed>
        }
      />
      <Route
        path="audit"
        element={
          <Signed>
            <RequirePermission permission="audit.read">
              <AuditPage />
            </RequirePermission>
          </Signed>
        }
      />
      <Route
        path="reviews"
        element={
          <Signed>
            <RequirePermission permission="breakglass.review">
              <ReviewsPage />
            </RequirePermission>
          </Signed>
        }
      />
      <Route
        path="duplicates"
        element={
          <Signed>
            <RequirePermission permission="patient.merge">
              <DuplicatesPage />
            </RequirePermission>
          </Signed>
        }
      />
      <Route
        path="admin/users"
        element={
          <Signed>
            <RequirePermission permission="admin.users">
              <UsersPage />
            </RequirePermission>
          </Signed>
        }
      />
      <Route
        path="admin/teams"
        element={
          <Signed>
            <RequirePermission permission="admin.teams">
              <TeamsPage />
            </RequirePermission>
          </Signed>
        }
      />
      <Route
        path="*"
        element={
          <Signed>
            <ConsoleHome />
          </Signed>
        }
      />
    </Routes>
  );
}
