import { AuthenticatorCodeSchema, RecoveryCodeSchema } from "@psu/domain";
import { Link, useLocation, useNavigate } from "react-router";
import { FormPage } from "../../../components/form-page";
import { TextInput } from "../../../components/text-input";
import { useForm } from "../../../components/use-form";
import { readSignInState } from "../../../lib/router-state";
import { useCompleteSecondFactor } from "../api/complete-second-factor";
import { describeCodeError } from "./sign-in-errors";

type SecondFactorPageProps = {
  /** "authenticator": the 6-digit code from the app; "recovery-code": one of the codes saved at set-up. */
  kind: "authenticator" | "recovery-code";
};

const CONTENT = {
  authenticator: {
    title: "Enter the code from your authenticator app",
    label: "Code",
    hint: "The 6-digit code the app shows for PSU London and KSS. It changes every 30 seconds.",
    schema: AuthenticatorCodeSchema,
  },
  "recovery-code": {
    title: "Enter a recovery code",
    label: "Recovery code",
    hint: "One of the codes you saved when you set up your authenticator app, like ABCDE-23456. Each works once.",
    schema: RecoveryCodeSchema,
  },
} as const;

/** Staff sign-in, second step: a code from the authenticator app, or a recovery code instead. */
export function SecondFactorPage({ kind }: SecondFactorPageProps) {
  const location = useLocation();
  const navigate = useNavigate();
  const { returnTo } = readSignInState(location.state);
  const complete = useCompleteSecondFactor();
  const { values, set, field, errors, failures, fail } = useForm({ code: "" });
  const content = CONTENT[kind];

  function submit() {
    const parsed = content.schema.safeParse(values.code);
    if (!parsed.success) return fail([{ field: "code", message: parsed.error.issues[0]?.message ?? content.title }]);
    complete.mutate(
      { code: parsed.data },
      {
        onSuccess: () => navigate(returnTo ?? "/staff", { replace: true }),
        onError: (error) => {
          set("code", "");
          fail(describeCodeError(error, "code"));
        },
      },
    );
  }

  return (
    <FormPage
      title={content.title}
      back={{ to: "/staff/sign-in" }}
      errors={errors}
      failures={failures}
      onSubmit={submit}
      submitLabel="Continue"
      isSubmitting={complete.isPending}
      after={
        kind === "authenticator" ? (
          <p>
            <Link to="/staff/sign-in/recovery-code" state={location.state}>
              Use a recovery code instead
            </Link>
          </p>
        ) : (
          <>
            <p>
              <Link to="/staff/sign-in/code" state={location.state}>
                Use the code from your authenticator app instead
              </Link>
            </p>
            <p>If you have no recovery codes left, or lost them with your phone, ask an admin to reset your sign-in.</p>
          </>
        )
      }
    >
      <TextInput
        {...field("code")}
        label={content.title}
        labelSize="l"
        isPageHeading
        hint={content.hint}
        autoComplete="one-time-code"
        inputMode={kind === "authenticator" ? "numeric" : "text"}
        autoCapitalize={kind === "authenticator" ? "none" : "characters"}
        spellCheck={false}
        width={kind === "authenticator" ? "10" : "20"}
      />
    </FormPage>
  );
}

/** The recovery-code route's page. */
export function RecoveryCodePage() {
  return <SecondFactorPage kind="recovery-code" />;
}

/** The authenticator-code route's page. */
export function AuthenticatorCodePage() {
  return <SecondFactorPage kind="authenticator" />;
}
