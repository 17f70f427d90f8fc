import { WithdrawRequestSchema } from "@psu/domain";
import { useRef } from "react";
import { Link, Navigate, useNavigate } from "react-router";
import { FormPage } from "../../../components/form-page";
import { Textarea } from "../../../components/textarea";
import { useForm } from "../../../components/use-form";
import { toFormErrors } from "../../../lib/form-errors";
import { useWithdrawReferral } from "../api/withdraw-referral";
import { describeStatusFailure } from "../components/describe-status-failure";
import { useStatusLookup } from "../components/status-lookup-provider";

const HEADING = "Are you sure you want to withdraw your referral?";
const REASON_MAX_LENGTH = 1000;

export function WithdrawPage() {
  const { lookup, setLookup } = useStatusLookup();
  const navigate = useNavigate();
  const { values, field, errors, failures, fail } = useForm({ reason: "" });
  const withdraw = useWithdrawReferral();
  // Once withdrawn, the referral can no longer be withdrawn: that must not bounce this page away
  // before it moves on to the "withdrawn" page.
  const withdrawn = useRef(false);

  if (lookup === null || (!lookup.status.canWithdraw && !withdrawn.current)) {
    return <Navigate to="/check-status" replace />;
  }
  const { request } = lookup;

  async function submit() {
    const { reason } = values;
    const parsed = WithdrawRequestSchema.safeParse({ ...request, reason: reason.trim() === "" ? undefined : reason });
    if (!parsed.success) return fail(toFormErrors(parsed.error.issues, ["reason"]));
    try {
      const status = await withdraw.mutateAsync(parsed.data);
      withdrawn.current = true;
      setLookup({ request, status });
      navigate("/check-status/withdrawn", { replace: true });
    } catch (error) {
      fail([describeStatusFailure(error)]);
    }
  }

  return (
    <FormPage
      title={HEADING}
      back={{ to: "/check-status/your-referral" }}
      errors={errors}
      failures={failures}
      onSubmit={() => void submit()}
      submitLabel="Yes, withdraw my referral"
      isSubmitting={withdraw.isPending}
      intro={
        <>
          <h1>{HEADING}</h1>
          <p>
            We will stop working on referral <strong>{request.reference}</strong> and will not contact you about it
            again. You can make a new referral at any time.
          </p>
        </>
      }
      after={
        <p>
          <Link to="/check-status/your-referral">No, keep my referral</Link>
        </p>
      }
    >
      <Textarea
        {...field("reason")}
        label="Why are you withdrawing your referral? (optional)"
        labelSize="m"
        hint="This helps us improve the service. You do not have to tell us."
        maxLength={REASON_MAX_LENGTH}
        rows={4}
      />
    </FormPage>
  );
}
