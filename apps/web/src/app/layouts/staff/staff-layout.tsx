import { hasPermission, type StaffProfile } from "@psu/domain";
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef } from "react";
import { Navigate, Outlet, useLocation, useNavigate } from "react-router";
import { LoadError } from "../../../components/load-error";
import { LoadingStatus } from "../../../components/loading-status";
import { NotificationBanner } from "../../../components/notification-banner";
import { readSignInState, type SignInState, signInState } from "../../../lib/router-state";
import { useCurrentStaff } from "../../../lib/staff-api/get-current-staff";
import { useSignOut } from "../../../lib/staff-api/sign-out";
import { isUnauthenticated, STAFF_QUERY_KEY } from "../../../lib/staff-api/staff-query-key";
import { StaffSessionProvider } from "../../../lib/staff-session";
import { IdleTimeout } from "./idle-timeout-dialog";
import { StaffHeader } from "./staff-header";
import { useSessionEnd } from "./use-session-end";
import "./staff.css";
import { Footer } from "../../../components/footer";

// The id app/staff-routes.tsx's skip link and focus handling look for (the same as trainee pages').
const STAFF_MAIN_ID = "maincontent";

type StaffShellProps = {
  staff?: StaffProfile | undefined;
  isChecking?: boolean;
  onSignOut?: () => void;
  isSigningOut?: boolean;
  /** Shown at the top of <main>, above the page. */
  notice?: ReactNode;
  children: ReactNode;
};

/** The staff pages' frame: header, a wide main area for tables, footer. */
function StaffShell({ children, notice, ...header }: StaffShellProps) {
  return (
    <>
      <StaffHeader {...header} />
      <div className="nhsuk-width-container nhsuk-width-container-fluid">
        <main className="nhsuk-main-wrapper" id={STAFF_MAIN_ID}>
          {notice}
          {children}
        </main>
      </div>
      <Footer fluid />
    </>
  );
}

/**
 * Every signed-in staff page. Asks who is signed in (GET /api/auth/me) and sends anyone who is
 * not to the sign-in page; if a session ends while a page is open (any staff request answers
 * 401), drops what was on screen and says they have been signed out.
 */
export function StaffLayout() {
  const current = useCurrentStaff();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const returnTo = `${location.pathname}${location.search}`;
  // Requests still in flight when someone signs out answer 401 too; that is not a session ending.
  const isSigningOut = useRef(false);

  useSessionEnd(() => {
    // Only a session that had started can end; a first visit without one is redirected below.
    if (current.data === undefined || isSigningOut.current) return;
    // Replacing the page whose session ended, so Back does not lead to it; several 401s at once do no harm.
    navigate("/staff/sign-in", { replace: true, state: signInState({ reason: "session-ended", returnTo }) });
  });

  function handleSignOut() {
    isSigningOut.current = true;
    signOut.mutate(undefined, {
      onSuccess: () => navigate("/staff/sign-in", { state: signInState({ reason: "signed-out" }) }),
      onError: (error) => {
        // Already ended on the server: signed out all the same.
        if (isUnauthenticated(error))
          return navigate("/staff/sign-in", { state: signInState({ reason: "signed-out" }) });
        // Never say "signed out" when the server may still hold the session.
        isSigningOut.current = false;
      },
    });
  }

  // The idle timeout. Whatever the server answers, the page and everything fetched go (the
  // server ends an idle session on its own within a minute).
  function handleIdleTimeout() {
    if (isSigningOut.current) return;
    isSigningOut.current = true;
    const state: SignInState = { reason: "inactive", returnTo };
    signOut.mutate(undefined, {
      onSettled: async () => {
        await navigate("/staff/sign-in", { replace: true, state });
        // Every query and mutation, staff or not: nothing from the session stays in memory.
        queryClient.clear();
      },
    });
  }

  const signOutFailed = signOut.isError && !isUnauthenticated(signOut.error) && (
    <div className="nhsuk-error-summary" role="alert">
      <h2 className="nhsuk-error-summary__heading">You have not been signed out</h2>
      <div className="nhsuk-error-summary__body">
        <p>The service could not be reached. Try again, or close every window of this browser.</p>
      </div>
    </div>
  );

  if (current.isPending) {
    return (
      <StaffShell isChecking>
        <LoadingStatus>Checking you are signed in</LoadingStatus>
      </StaffShell>
    );
  }
  if (current.isError && current.data === undefined) {
    if (isUnauthenticated(current.error)) {
      return <Navigate to="/staff/sign-in" replace state={signInState({ returnTo })} />;
    }
    return (
      <StaffShell>
        <LoadError onRetry={() => void current.refetch()}>
          <p>Sorry, we could not check who is signed in. Try again in a moment.</p>
        </LoadError>
      </StaffShell>
    );
  }
  if (current.data === undefined) return null;
  // The start page is the queue, which is case content: admins start on the staff list
  // (decision record 017). Redirected here, before the header shows, not in the lazily loaded
  // queue page, so a click on the header cannot race the redirect.
  if (location.pathname.replace(/\/$/, "") === "/staff" && !hasPermission(current.data.role, "readQueue")) {
    return <Navigate to="/staff/leads" replace />;
  }
  return (
    <StaffShell staff={current.data} onSignOut={handleSignOut} isSigningOut={signOut.isPending} notice={signOutFailed}>
      <StaffSessionProvider staff={current.data}>
        <Outlet />
      </StaffSessionProvider>
      <IdleTimeout
        onTimeout={handleIdleTimeout}
        // GET /api/auth/me: a staff request, so the server's clock and ours start again.
        onStaySignedIn={() => void current.refetch()}
        onSignOut={handleSignOut}
        isStaying={current.isFetching}
      />
    </StaffShell>
  );
}

/**
 * The sign-in page's frame. Whoever arrives here is not (or no longer) signed in, so every staff
 * query is dropped: nothing fetched for one member of staff stays in memory for the next.
 */
export function SignedOutLayout() {
  const queryClient = useQueryClient();
  const { reason } = readSignInState(useLocation().state);
  useEffect(() => {
    queryClient.removeQueries({ queryKey: STAFF_QUERY_KEY });
    // Mutations keep what they returned (a break-glass read returns a whole case).
    queryClient.getMutationCache().clear();
  }, [queryClient]);
  return (
    <StaffShell
      notice={
        reason === "inactive" && (
          <NotificationBanner heading="You've been signed out because you were inactive for 30 minutes">
            <p>We do this to keep trainees' information safe. Sign in again to continue.</p>
          </NotificationBanner>
        )
      }
    >
      <Outlet />
    </StaffShell>
  );
}
