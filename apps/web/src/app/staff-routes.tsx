import { Suspense } from "react";
import { Outlet, Route, useLocation } from "react-router";
import { SkipLink } from "../components/skip-link";
import { lazyComponent, useIsNavigationPending } from "./app-router";
import { PageLoading } from "./layouts/page-loading";
import { PageErrorBoundary } from "./layouts/route-error";
import { useFocusOnNavigation } from "./layouts/use-focus-on-navigation";

// The staff side under /staff. The router imports this file, so it is part of the start page's
// bundle: it holds the routes and a thin frame only. The staff layouts, pages, react-query and
// the staff styles all load on demand, so trainees never download staff code.

const MAIN_ID = "maincontent";

const loadStaffLayout = () => import("./layouts/staff/staff-layout");
const QueryLayout = lazyComponent(
  () => import("./layouts/query-layout"),
  (module) => module.QueryLayout,
);
const StaffLayout = lazyComponent(loadStaffLayout, (module) => module.StaffLayout);
const SignedOutLayout = lazyComponent(loadStaffLayout, (module) => module.SignedOutLayout);
const SignInPage = lazyComponent(
  () => import("../features/sign-in/pages/sign-in-page"),
  (module) => module.SignInPage,
);
const AuthenticatorCodePage = lazyComponent(
  () => import("../features/sign-in/pages/second-factor-page"),
  (module) => module.AuthenticatorCodePage,
);
const RecoveryCodePage = lazyComponent(
  () => import("../features/sign-in/pages/second-factor-page"),
  (module) => module.RecoveryCodePage,
);
const SetUpAuthenticatorPage = lazyComponent(
  () => import("../features/sign-in/pages/set-up-authenticator-page"),
  (module) => module.SetUpAuthenticatorPage,
);
const AcceptInvitationPage = lazyComponent(
  () => import("../features/account/pages/accept-invitation-page"),
  (module) => module.AcceptInvitationPage,
);
const ForgottenPasswordPage = lazyComponent(
  () => import("../features/account/pages/forgotten-password-page"),
  (module) => module.ForgottenPasswordPage,
);
const ResetPasswordPage = lazyComponent(
  () => import("../features/account/pages/reset-password-page"),
  (module) => module.ResetPasswordPage,
);
const ChangePasswordPage = lazyComponent(
  () => import("../features/account/pages/change-password-page"),
  (module) => module.ChangePasswordPage,
);
const QueuePage = lazyComponent(
  () => import("../features/queue/pages/queue-page"),
  (module) => module.QueuePage,
);
const CasePage = lazyComponent(
  () => import("../features/cases/pages/case-page"),
  (module) => module.CasePage,
);
const LeadsPage = lazyComponent(
  () => import("../features/staff-admin/pages/leads-page"),
  (module) => module.LeadsPage,
);
const AddStaffMemberPage = lazyComponent(
  () => import("../features/staff-admin/pages/add-staff-member-page"),
  (module) => module.AddStaffMemberPage,
);
const ManageStaffMemberPage = lazyComponent(
  () => import("../features/staff-admin/pages/manage-staff-member-page"),
  (module) => module.ManageStaffMemberPage,
);
const AuditPage = lazyComponent(
  () => import("../features/audit/pages/audit-page"),
  (module) => module.AuditPage,
);
const ReportsRoutes = lazyComponent(
  () => import("../features/reports/reports-routes"),
  (module) => module.ReportsRoutes,
);
const DataProtectionPage = lazyComponent(
  () => import("../features/data-protection/pages/data-protection-page"),
  (module) => module.DataProtectionPage,
);
const PublishedLinksRoutes = lazyComponent(
  () => import("../features/published-links/published-links-routes"),
  (module) => module.PublishedLinksRoutes,
);
const RecordReferralPage = lazyComponent(
  () => import("../features/record-referral/pages/record-referral-page"),
  (module) => module.RecordReferralPage,
);
const StaffNotFoundPage = lazyComponent(
  () => import("../components/staff-not-found-page"),
  (module) => module.StaffNotFoundPage,
);

/**
 * What staff pages share with the trainee pages' layout: the skip link first, focus moved to
 * the new page's h1 after each navigation, and "Loading page" announced while code downloads.
 * The header (with who is signed in) comes with the lazily loaded staff layout.
 */
function StaffFrame() {
  useFocusOnNavigation(MAIN_ID);
  const isPending = useIsNavigationPending();
  return (
    <>
      <SkipLink targetId={MAIN_ID} />
      {/* Only the first staff page shows this: later ones load while the current one stays on screen. */}
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
      <div className="nhsuk-u-visually-hidden" role="status">
        {isPending ? "Loading page" : ""}
      </div>
    </>
  );
}

/** Inside the staff layout's <main>: a page that fails to render or load leaves the header in place. */
function StaffPages() {
  const { pathname } = useLocation();
  return (
    <PageErrorBoundary resetKey={pathname}>
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </PageErrorBoundary>
  );
}

/** The staff routes, for the app's <Routes>. */
export const staffRoutes = (
  <Route path="staff" element={<StaffFrame />}>
    <Route element={<QueryLayout />}>
      <Route element={<SignedOutLayout />}>
        <Route element={<StaffPages />}>
          <Route path="sign-in" element={<SignInPage />} />
          <Route path="invitation" element={<AcceptInvitationPage />} />
          <Route path="password-reset" element={<ForgottenPasswordPage />} />
          <Route path="password-reset/new" element={<ResetPasswordPage />} />
          <Route path="sign-in/code" element={<AuthenticatorCodePage />} />
          <Route path="sign-in/recovery-code" element={<RecoveryCodePage />} />
          <Route path="sign-in/set-up-authenticator" element={<SetUpAuthenticatorPage />} />
        </Route>
      </Route>
      <Route element={<StaffLayout />}>
        <Route element={<StaffPages />}>
          <Route index element={<QueuePage />} />
          <Route path="cases/:caseId" element={<CasePage />} />
          <Route path="referrals/new" element={<RecordReferralPage />} />
          <Route path="leads" element={<LeadsPage />} />
          <Route path="leads/new" element={<AddStaffMemberPage />} />
          <Route path="leads/:staffId" element={<ManageStaffMemberPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="account/password" element={<ChangePasswordPage />} />
          <Route path="reports/*" element={<ReportsRoutes />} />
          <Route path="data-protection" element={<DataProtectionPage />} />
          <Route path="links/*" element={<PublishedLinksRoutes />} />
          <Route path="*" element={<StaffNotFoundPage />} />
        </Route>
      </Route>
    </Route>
  </Route>
);
