import { AuthenticatorCodeSchema, formatAuthenticatorKey } from "@psu/domain";
import { useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { Checkboxes } from "../../../components/checkboxes";
import { FormPage } from "../../../components/form-page";
import { LoadError } from "../../../components/load-error";
import { LoadingStatus } from "../../../components/loading-status";
import { TextInput } from "../../../components/text-input";
import { useForm } from "../../../components/use-form";
import { WarningCallout } from "../../../components/warning-callout";
import { hasErrorCode } from "../../../lib/api-client";
import { readSignInState } from "../../../lib/router-state";
import { useConfirmEnrolment } from "../api/confirm-enrolment";
import { useEnrolment } from "../api/get-enrolment";
import "../components/sign-in.css";
import { describeCodeError } from "./sign-in-errors";

/**
 * First sign-in: set up an authenticator app (scan the QR code or type the key, then give its
 * first code), then save the recovery codes, shown this once. The codes stay in this page's
 * memory only (never in the URL or the browser's history), so this is one route with two steps.
 */
export function SetUpAuthenticatorPage() {
  const [recoveryCodes, setRecoveryCodes] = useState<readonly string[] | null>(null);
  return recoveryCodes ? (
    <SaveRecoveryCodes recoveryCodes={recoveryCodes} />
  ) : (
    <ScanAndConfirm onConfirmed={setRecoveryCodes} />
  );
}

function ScanAndConfirm({ onConfirmed }: { onConfirmed: (codes: readonly string[]) => void }) {
  const enrolment = useEnrolment();
  const confirm = useConfirmEnrolment();
  const { values, set, field, errors, failures, fail } = useForm({ code: "" });

  if (enrolment.isPending) return <LoadingStatus>Loading your authenticator key</LoadingStatus>;
  if (enrolment.isError) {
    return (
      <>
        <h1>Set up an authenticator app</h1>
        {hasErrorCode(enrolment.error, "UNAUTHENTICATED") ? (
          <p>
            Your sign-in has timed out. <Link to="/staff/sign-in">Sign in again</Link> to set up your authenticator app.
          </p>
        ) : (
          <LoadError onRetry={() => enrolment.refetch()}>
            <p>Sorry, your authenticator key could not be loaded.</p>
          </LoadError>
        )}
      </>
    );
  }

  function submit() {
    const parsed = AuthenticatorCodeSchema.safeParse(values.code);
    if (!parsed.success) return fail([{ field: "code", message: parsed.error.issues[0]?.message ?? "Enter the code" }]);
    confirm.mutate(
      { code: parsed.data },
      {
        onSuccess: (confirmed) => onConfirmed(confirmed.recoveryCodes),
        onError: (error) => {
          set("code", "");
          fail(describeCodeError(error, "code"));
        },
      },
    );
  }

  const { secret, qrCode, accountName } = enrolment.data;
  return (
    <FormPage
      title="Set up an authenticator app"
      errors={errors}
      failures={failures}
      onSubmit={submit}
      submitLabel="Continue"
      isSubmitting={confirm.isPending}
      intro={
        <>
          <h1>Set up an authenticator app</h1>
          <p>
            Every time you sign in, you will enter a code from an app on your phone as well as your password. This keeps
            trainees' information safe even if someone learns your password.
          </p>
          <h2 className="nhsuk-heading-m">1. Get an authenticator app</h2>
          <p>
            Use any authenticator app, for example Microsoft Authenticator or Google Authenticator, from your phone's
            app store.
          </p>
          <h2 className="nhsuk-heading-m">2. Scan this QR code with the app</h2>
          <img
            className="app-qr-code"
            src={qrCode}
            alt={`QR code to add ${accountName} to your authenticator app`}
            width={200}
            height={200}
          />
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">I cannot scan the QR code</span>
            </summary>
            <div className="nhsuk-details__text">
              <p>In the app, choose to enter a setup key, then type:</p>
              <p className="nhsuk-body-l">
                <code className="app-authenticator-key">{formatAuthenticatorKey(secret)}</code>
              </p>
              <p>
                Account: {accountName}. Type of key: time-based. The spaces are only to help you read it: leave them out
                if the app asks.
              </p>
            </div>
          </details>
          <h2 className="nhsuk-heading-m">3. Enter the code the app shows</h2>
        </>
      }
    >
      <TextInput
        {...field("code")}
        label="Code from your authenticator app"
        hint="6 digits. It changes every 30 seconds."
        autoComplete="one-time-code"
        inputMode="numeric"
        autoCapitalize="none"
        spellCheck={false}
        width="10"
      />
    </FormPage>
  );
}

function SaveRecoveryCodes({ recoveryCodes }: { recoveryCodes: readonly string[] }) {
  const location = useLocation();
  const navigate = useNavigate();
  const { returnTo } = readSignInState(location.state);
  const { values, choices, errors, failures, fail } = useForm<{ saved: "saved"[] }>({ saved: [] });

  function submit() {
    if (values.saved.length === 0)
      return fail([{ field: "saved", message: "Confirm you have saved your recovery codes somewhere safe" }]);
    navigate(returnTo ?? "/staff", { replace: true });
  }

  return (
    <FormPage
      title="Save your recovery codes"
      errors={errors}
      failures={failures}
      onSubmit={submit}
      submitLabel="Continue"
      intro={
        <>
          <h1>Save your recovery codes</h1>
          <p>Your authenticator app is set up. You are signed in.</p>
          <p>
            If you lose your phone, you can sign in with one of these codes instead of a code from the app. Each code
            works once.
          </p>
          <WarningCallout heading="You will not see these codes again">
            <p>
              Save them now in a password manager, or print them and keep them somewhere safe. Do not keep them on the
              same phone as your authenticator app.
            </p>
          </WarningCallout>
          <ul className="nhsuk-list app-recovery-codes" aria-label="Recovery codes">
            {recoveryCodes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
        </>
      }
    >
      <Checkboxes
        {...choices("saved")}
        legend="Confirm you have saved them"
        legendSize="s"
        options={[{ value: "saved", label: "I have saved my recovery codes" }]}
      />
    </FormPage>
  );
}
