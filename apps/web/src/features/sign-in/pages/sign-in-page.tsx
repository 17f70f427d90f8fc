import { SignInRequestSchema } from "@psu/domain";
import { Link, useLocation, useNavigate } from "react-router";
import { FormPage } from "../../../components/form-page";
import { NotificationBanner } from "../../../components/notification-banner";
import { TextInput } from "../../../components/text-input";
import { useForm } from "../../../components/use-form";
import { type FormError, toApiFormErrors, toFormErrors } from "../../../lib/form-errors";
import { readSignInState, signInState } from "../../../lib/router-state";
import { useSignIn } from "../api/sign-in";
import { SingleSignOn, SingleSignOnOnly, usePasswordSignIn } from "../components/single-sign-on";

const FIELDS = ["email", "password"];

/**
 * Staff sign-in, first step: email and password. Then a code from the authenticator app (or
 * setting one up at the first sign-in), and then the queue (or the page the session ended on).
 */
export function SignInPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const { reason, returnTo } = readSignInState(location.state);
  const signIn = useSignIn();
  const { values, set, field, errors, failures, fail } = useForm({ email: "", password: "" });
  const passwordSignIn = usePasswordSignIn();

  function submit() {
    const parsed = SignInRequestSchema.safeParse(values);
    if (!parsed.success) return fail(toFormErrors(parsed.error.issues, FIELDS));
    signIn.mutate(parsed.data, {
      // The second step keeps where to return to afterwards.
      onSuccess: ({ next }) =>
        navigate(next === "enrol" ? "/staff/sign-in/set-up-authenticator" : "/staff/sign-in/code", {
          state: signInState({ returnTo }),
        }),
      onError: (error) => {
        // The password is cleared after a failure, as sign-in forms usually do.
        set("password", "");
        fail(describeSignInError(error));
      },
    });
  }

  if (!passwordSignIn) return <SingleSignOnOnly />;
  return (
    <FormPage
      title="Sign in"
      errors={errors}
      failures={failures}
      onSubmit={submit}
      submitLabel="Sign in"
      isSubmitting={signIn.isPending}
      after={
        <p>
          <Link to="/staff/password-reset">Forgotten your password?</Link>
        </p>
      }
      intro={
        <>
          {reason === "session-ended" && errors.length === 0 && (
            <NotificationBanner heading="You have been signed out">
              <p>
                Sessions end after 30 minutes without activity, or 12 hours after signing in. Sign in again to continue.
              </p>
            </NotificationBanner>
          )}
          {reason === "signed-out" && errors.length === 0 && <NotificationBanner heading="You have signed out" />}
          <h1>Sign in to PSU case management</h1>
          <p>For Professional Support Unit coordinators, leads and admins.</p>
          <SingleSignOn />
        </>
      }
    >
      <TextInput {...field("email")} label="Email address" type="email" autoComplete="username" spellCheck={false} />
      <TextInput
        {...field("password")}
        label="Password"
        type="password"
        width="two-thirds"
        spellCheck={false}
        autoComplete="current-password"
      />
    </FormPage>
  );
}

function describeSignInError(error: unknown): FormError[] {
  return toApiFormErrors(error, {
    // A wrong email or password is about what was typed; a lock-out or an outage is not.
    fieldFor: { UNAUTHENTICATED: "email" },
    messages: { UNAUTHENTICATED: "The email address or password is not right" },
  });
}
