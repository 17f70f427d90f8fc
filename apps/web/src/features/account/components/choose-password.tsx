import { PASSWORD_HINT, SetPasswordRequestSchema } from "@psu/domain";
import { useState } from "react";
import { Link, useLocation } from "react-router";
import { FormPage } from "../../../components/form-page";
import { LoadError } from "../../../components/load-error";
import { LoadingStatus } from "../../../components/loading-status";
import { Panel } from "../../../components/panel";
import { useForm } from "../../../components/use-form";
import { hasErrorCode } from "../../../lib/api-client";
import { toApiFormErrors, toFormErrors } from "../../../lib/form-errors";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { type LinkPurpose, useLinkHolder, useSetPasswordWithLink } from "../api/one-time-links";
import { InvalidLink } from "./invalid-link";
import { PasswordInput } from "./password-input";

const PASSWORD_ID = "password";

const WORDS: Readonly<Record<LinkPurpose, { title: string; submit: string; done: string; doneText: string }>> = {
  invitation: {
    title: "Create your password",
    submit: "Create password",
    done: "Your password has been created",
    doneText: "Sign in with your email address and this password. You will then set up an authenticator app.",
  },
  "password-reset": {
    title: "Choose a new password",
    submit: "Reset password",
    done: "Your password has been reset",
    doneText:
      "You have been signed out everywhere. Sign in with your new password and a code from your authenticator app.",
  },
};

/**
 * The page an emailed link opens (an invitation, or a password reset). The token is the URL's
 * fragment, which browsers never send to a server; the page checks it first, so an expired link
 * says so before anyone chooses a password.
 */
export function ChoosePassword({ purpose }: { purpose: LinkPurpose }) {
  const token = useLocation().hash.replace(/^#/, "");
  const holder = useLinkHolder(purpose, token);
  const [done, setDone] = useState(false);

  if (token === "" || hasErrorCode(holder.error, "NOT_FOUND")) return <InvalidLink purpose={purpose} />;
  if (done) return <PasswordSet purpose={purpose} />;
  if (holder.isPending) return <LoadingStatus>Checking your link</LoadingStatus>;
  if (holder.isError) {
    return (
      <LoadError onRetry={() => void holder.refetch()}>
        <p>Sorry, we could not check your link. Try again in a moment.</p>
      </LoadError>
    );
  }
  return <PasswordForm purpose={purpose} token={token} email={holder.data.email} onDone={() => setDone(true)} />;
}

function PasswordForm({
  purpose,
  token,
  email,
  onDone,
}: {
  purpose: LinkPurpose;
  token: string;
  email: string;
  onDone: () => void;
}) {
  const words = WORDS[purpose];
  const setPassword = useSetPasswordWithLink(purpose);
  const { values, field, errors, failures, fail } = useForm({ password: "" });

  function submit() {
    const parsed = SetPasswordRequestSchema.safeParse({ token, ...values });
    if (!parsed.success) return fail(toFormErrors(parsed.error.issues, [PASSWORD_ID]));
    setPassword.mutate(parsed.data, {
      onSuccess: onDone,
      onError: (error) =>
        fail(toApiFormErrors(error, { fieldIds: { password: PASSWORD_ID }, fieldFor: { NOT_FOUND: "" } })),
    });
  }

  return (
    <FormPage
      title={words.title}
      errors={errors}
      failures={failures}
      onSubmit={submit}
      submitLabel={words.submit}
      isSubmitting={setPassword.isPending}
      intro={
        <>
          <h1>{words.title}</h1>
          <p>
            For your PSU case management account, <strong>{email}</strong>.
          </p>
        </>
      }
    >
      {/* The address, for password managers to file the new password under. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <PasswordInput
        {...field("password", PASSWORD_ID)}
        label="Password"
        labelSize="s"
        hint={`${PASSWORD_HINT} Do not use your email address or a password you use elsewhere.`}
        autoComplete="new-password"
      />
    </FormPage>
  );
}

function PasswordSet({ purpose }: { purpose: LinkPurpose }) {
  const words = WORDS[purpose];
  useDocumentTitle(words.done);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Panel heading={words.done}>
          <p>{words.doneText}</p>
        </Panel>
        <Link className="nhsuk-button" to="/staff/sign-in" role="button" draggable={false}>
          Sign in
        </Link>
      </div>
    </div>
  );
}
