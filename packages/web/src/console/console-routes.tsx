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
import { caseKbSlot } from './cases/case-kb-slot';
import { caseMacroSlot } from './cases/case-macro-slot';
import { CasePage } from './cases/case-page';
import { DeskOverviewPage } from './cases/desk-overview-page';
import { InboxPage } from './cases/inbox-page';
import { AgentsPage } from './desk/agents-page';
import { AvailabilitySwitch } from './desk/availability-switch';
import { QueuesPage } from './desk/queues-page';
import { SlaPage } from './desk-sla/sla-page';
import { CsatPage } from './desk-csat/csat-page';
import { DuplicatesPage } from './duplicates/duplicates-page';
import { FollowUpWorklistPage } from './follow-up/follow-up-worklist-page';
import { FollowUpMetricsPage } from './follow-up-metrics/metrics-page';
import { ProgramEditorPage } from './follow-up/programs/program-editor-page';
import { ProgramsPage } from './follow-up/programs/programs-page';
import { Hl7MessagesPage } from './hl7/hl7-messages-page';
import { MacrosPage } from './macros/macros-page';
import { QuarantinePage } from './mail/quarantine-page';
import { ArticleEditorPage } from './knowledge/article-editor-page';
import { KnowledgePage } from './knowledge/knowledge-page';
import { PatientPage } from './patient/patient-page';
import { ReviewsPage } from './reviews/reviews-page';

function Signed({ children }: { children: ReactNode }) {
  return (
    <RequireSignIn area="console">
      <AppShell area="console" nav={<ConsoleNav />} status={<AvailabilitySwitch />}>
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
        path="desk/queues"
        element={
          <Signed>
            <RequirePermission permission="desk.configure">
              <QueuesPage />
            </RequirePermission>
          </Signed>
        }
      />
      <Route
        path="knowledge"
        element={
          <Signed>
            <RequirePermission permission="kb.read">
              <KnowledgePage />
            </RequirePermission>
          </Signed>
        }
      />
      <Route
        path="desk/agents"
        element={
          <Signed>
            <RequirePermission permission="desk.configure">
              <AgentsPage />
            </RequirePermission>
          </Signed>
        }
      />
      <Route
        path="desk/macros"
        element={
          <Signed>
            <RequirePermission permission="desk.configure">
              <MacrosPage />
            </RequirePermission>
          </Signed>
        }
      />
      <Route
        path="mail/quarantine"
        element={
          <Signed>
            <RequirePermission permission="mail.quarantine">
              <QuarantinePage />
            </RequirePermission>
          </Signed>
        }
      />
      <Route
        path="follow-up"
        element={
          <Signed>
            <RequirePermission permission="case.work">
              <FollowUpWorklistPage />
            </RequirePermission>
          </Signed>
        }
      />
      {/* Follow-up programs are edited by whoever configures the desk (issue #6 point 7). */}
      <Route
        path="follow-up/programs"
        element={
          <Signed>
            <RequirePermission permission="desk.configure">
              <ProgramsPage />
            </RequirePermission>
          </Signed>
        }
      />
      <Route
        path="follow-up/programs/:code"
        element={
          <Signed>
            <RequirePermission permission="desk.configure">
              <ProgramEditorPage />
            </RequirePermission>
          </Signed>
        }
      />
      <Route
        path="interfaces/hl7"
        element={
          <Signed>
            <RequirePermission permission="interfaces.hl7">
              <Hl7MessagesPage />
            </RequirePermission>
          </Signed>
        }
      />
      <Route
        path="knowledge/:id"
        element={
          <Signed>
            <RequirePermission permission="kb.read">
              <ArticleEditorPage />
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
      <Route
        path="desk/sla"
        element={
          <Signed>
            <RequirePermission permission="desk.configure">
              <SlaPage />
            </RequirePermission>
          </Signed>
        }
      />
      <Route
        path="cases"
        element={
          <Signed>
            <RequirePermission permission="case.read">
              <InboxPage />
            </RequirePermission>
          </Signed>
        }
      />
      <Route
        path="desk/overview"
        element={
          <Signed>
            <RequirePermission permission="case.supervise">
              <DeskOverviewPage />
            </RequirePermission>
          </Signed>
        }
      />
      <Route
        path="cases/:caseId"
        element={
          <Signed>
            <RequirePermission permission="case.read">
              <CasePage slots={{ macroPicker: caseMacroSlot, kbSuggestions: caseKbSlot }} />
            </RequirePermission>
          </Signed>
        }
      />
      <Route
        path="desk/csat"
        element={
          <Signed>
            <RequirePermission permission="case.supervise">
              <CsatPage />
            </RequirePermission>
          </Signed>
        }
      />
      <Route
        path="follow-up/metrics"
        element={
          <Signed>
            <RequirePermission permission="case.supervise">
              <FollowUpMetricsPage />
            </RequirePermission>
          </Signed>
        }
      />
    </Routes>
  );
}
