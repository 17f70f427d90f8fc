import { StatusLookupRequestSchema } from "@psu/domain";
import { useNavigate } from "react-router";
import { FormPage } from "../../../components/form-page";
import { TextInput } from "../../../components/text-input";
import { useForm } from "../../../components/use-form";
import { toFormErrors } from "../../../lib/form-errors";
import { useReferralStatusLookup } from "../api/get-referral-status";
import { describeStatusFailure } from "../components/describe-status-failure";
import { useStatusLookup } from "../components/status-lookup-provider";

const HEADING = "Check the status of your referral";
const FIELDS = ["reference", "email"];

export function CheckStatusPage() {
  const { lookup, setLookup } = useStatusLookup();
  const navigate = useNavigate();
  const { values, field, errors, failures, fail } = useForm({
    reference: lookup?.request.reference ?? "",
    email: lookup?.request.email ?? "",
  });
  const find = useReferralStatusLookup();

  async function submit() {
    const parsed = StatusLookupRequestSchema.safeParse(values);
    if (!parsed.success) return fail(toFormErrors(parsed.error.issues, FIELDS));
    try {
      const status = await find.mutateAsync(parsed.data);
      setLookup({ request: parsed.data, status });
      navigate("/check-status/your-referral");
    } catch (error) {
      fail([describeStatusFailure(error)]);
    }
  }

  return (
    <FormPage
      title={HEADING}
      back={{ to: "/" }}
      errors={errors}
      failures={failures}
      onSubmit={() => void submit()}
      submitLabel="Check status"
      isSubmitting={find.isPending}
      intro={
        <>
          <h1>{HEADING}</h1>
          <p>You will need the reference number from your confirmation email and the email address you gave us.</p>
        </>
      }
    >
      <TextInput
        {...field("reference")}
        label="Reference number"
        hint="For example, PSU-7K3F-9QX4"
        width="10"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
      />
      <TextInput
        {...field("email")}
        label="Email address"
        hint="The personal email address you gave in your referral"
        type="email"
        autoComplete="email"
        spellCheck={false}
      />
    </FormPage>
  );
}
