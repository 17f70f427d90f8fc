import {
  SSO_ERROR_MESSAGES,
  SSO_ERROR_PARAMETER,
  type SsoErrorCode,
  SsoErrorCodeSchema,
  StaffReturnPathSchema,
} from "@psu/domain";
import { useEffect, useRef } from "react";
import { useLocation, useSearchParams } from "react-router";
import { readSignInState } from "../../../lib/router-state";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useSignInOptions } from "../api/get-sign-in-options";

/**
 * Whether the email and password form belongs on the sign-in page: yes unless the server says
 * password sign-in is switched off (it can be only when single sign-on is set up).
 */
export function usePasswordSignIn(): boolean {
  return useSignInOptions().data?.passwordSignIn ?? true;
}

/**
 * Single sign-on on the sign-in page: why the last attempt failed, if it did, and the button
 * (a link: the browser goes to the API, which sends it on to the organisation's sign-in).
 * Nothing when single sign-on is not set up.
 */
export function SingleSignOn() {
  const options = useSignInOptions().data;
  if (!options?.singleSignOn) return <SingleSignOnError />;
  return (
    <>
      <SingleSignOnError />
      <SingleSignOnButton label={options.singleSignOn.label} />
      {options.passwordSignIn && <h2 className="nhsuk-heading-m">Or sign in with your email address and password</h2>}
    </>
  );
}

/** The whole sign-in page when password sign-in is switched off. */
export function SingleSignOnOnly() {
  useDocumentTitle("Sign in", { hasError: useSsoErrorCode() !== null });
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Sign in to PSU case management</h1>
        <p>For Professional Support Unit coordinators, leads and admins.</p>
        <SingleSignOn />
      </div>
    </div>
  );
}

function SingleSignOnButton({ label }: { label: string }) {
  const { returnTo } = readSignInState(useLocation().state);
  const back = StaffReturnPathSchema.safeParse(returnTo);
  const href = `/api/auth/sso/start${back.success ? `?${new URLSearchParams({ returnTo: back.data })}` : ""}`;
  return (
    <p>
      {/* A full page load, not the router: the API redirects to the organisation's sign-in. */}
      <a className="nhsuk-button" href={href} draggable={false}>
        {label}
      </a>
    </p>
  );
}

function useSsoErrorCode(): SsoErrorCode | null {
  const [search] = useSearchParams();
  const parsed = SsoErrorCodeSchema.safeParse(search.get(SSO_ERROR_PARAMETER));
  return parsed.success ? parsed.data : null;
}

/** An NHS.UK error summary for a single sign-on that came back refused; it takes focus so it is read out. */
function SingleSignOnError() {
  const code = useSsoErrorCode();
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (code) summary.current?.focus();
  }, [code]);
  if (!code) return null;
  return (
    <div className="nhsuk-error-summary" ref={summary} tabIndex={-1}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading">You are not signed in</h2>
        <div className="nhsuk-error-summary__body">
          <p>{SSO_ERROR_MESSAGES[code]}</p>
        </div>
      </div>
    </div>
  );
}
