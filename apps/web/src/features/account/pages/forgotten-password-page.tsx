import { PASSWORD_RESET_MINUTES, PasswordResetRequestSchema } from "@psu/domain";
import { useState } from "react";
import { FormPage } from "../../../components/form-page";
import { TextInput } from "../../../components/text-input";
import { useForm } from "../../../components/use-form";
import { toApiFormErrors, toFormErrors } from "../../../lib/form-errors";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useRequestPasswordReset } from "../api/request-password-reset";

const FIELDS = ["email"];

/** "Forgotten your password?": ask for a reset link by email. The answer never says whether the account exists. */
export function ForgottenPasswordPage() {
  const request = useRequestPasswordReset();
  const { values, field, errors, failures, fail } = useForm({ email: "" });
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (sentTo !== null) return <CheckYourEmail email={sentTo} />;

  function submit() {
    const parsed = PasswordResetRequestSchema.safeParse(values);
    if (!parsed.success) return fail(toFormErrors(parsed.error.issues, FIELDS));
    request.mutate(parsed.data, {
      onSuccess: () => setSentTo(parsed.data.email),
      onError: (error) => fail(toApiFormErrors(error, { fieldIds: { email: "email" } })),
    });
  }

  return (
    <FormPage
      title="Reset your password"
      back={{ to: "/staff/sign-in" }}
      errors={errors}
      failures={failures}
      onSubmit={submit}
      submitLabel="Send reset link"
      isSubmitting={request.isPending}
      intro={
        <>
          <h1>Reset your password</h1>
          <p>
            We will email you a link to choose a new password. Your authenticator app stays as it is: you will still
            need a code from it to sign in.
          </p>
        </>
      }
    >
      <TextInput
        {...field("email")}
        label="Your work email address"
        labelSize="s"
        type="email"
        autoComplete="username"
        spellCheck={false}
      />
    </FormPage>
  );
}

function CheckYourEmail({ email }: { email: string }) {
  useDocumentTitle("Check your email");
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Check your email</h1>
        <p>
          If <strong>{email}</strong> has an account for PSU case management, we have sent it a link to choose a new
          password.
        </p>
        <p>The link works once and expires in {PASSWORD_RESET_MINUTES} minutes.</p>
        <p>
          If no email arrives within a few minutes, check your junk folder, or ask an admin of PSU case management for
          help.
        </p>
      </div>
    </div>
  );
}
