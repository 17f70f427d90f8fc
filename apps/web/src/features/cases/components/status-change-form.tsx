import {
  CASE_OUTCOME_LABELS,
  CASE_OUTCOMES,
  CASE_STATUS_LABELS,
  type CaseDetail,
  type CaseOutcome,
  type CaseStatus,
  decideTransition,
  type StaffProfile,
} from "@psu/domain";
import { InlineForm } from "../../../components/inline-form";
import { Radios } from "../../../components/radios";
import { Textarea } from "../../../components/textarea";
import { useChangeCaseStatus } from "../api/change-case-status";
import { type CaseActionProps, useCaseAction } from "./case-action";

const REASON_MAX_LENGTH = 2000;
const FIELD_IDS = { to: "status-to", reason: "status-reason", outcome: "status-outcome" };

// What each move means, for the moves whose name alone does not say it.
const MOVE_HINTS: Partial<Record<CaseStatus, string>> = {
  information_requested: "Pauses the SLA clock until the trainee replies",
  closed: "Needs an outcome",
  withdrawn: "The trainee has asked to stop. Say how they told you.",
};

type StatusChange = { to?: CaseStatus; reason: string; outcome?: CaseOutcome };
const NO_CHANGE: StatusChange = { reason: "" };

type StatusChangeFormProps = CaseActionProps & {
  detail: CaseDetail;
  staff: StaffProfile;
};

/**
 * Moves the case on through the state machine: one radio per move this member of staff may make
 * now (from the API's allowedTransitions), asking for a reason or an outcome where the move needs one.
 * First contact has its own button and allocating means choosing a lead (the assign panel), so
 * neither is offered here, except resuming an allocated case that already has its lead.
 */
export function StatusChangeForm({ target, detail, staff, ...actions }: StatusChangeFormProps) {
  const moves = detail.allowedTransitions.filter(
    (move) => move.to !== "first_contact" && (move.to !== "allocated" || detail.lead !== null),
  );
  const changeStatus = useChangeCaseStatus();
  const { values, field, choice, fail, send, isSending, errors, failures } = useCaseAction(
    changeStatus,
    actions,
    NO_CHANGE,
    FIELD_IDS,
  );
  const { to, reason, outcome } = values;

  const move = moves.find((candidate) => candidate.to === to);
  const asksForOutcome = move?.needsOutcome === true;
  const asksForReason = move !== undefined && (move.needsReason || (asksForOutcome && outcome === "other"));

  if (moves.length === 0) return <p>There are no status changes you can make now.</p>;

  function submit() {
    if (!move) return fail([{ field: FIELD_IDS.to, message: "Choose the new status" }]);
    // The same rules the API applies, so a missing reason or outcome is caught here first.
    const decision = decideTransition({
      from: detail.status,
      to: move.to,
      actor: staff.role,
      isOwnCase: detail.lead?.id === staff.id,
      reason: asksForReason ? reason : null,
      outcome: asksForOutcome ? (outcome ?? null) : null,
      resumeTo: detail.resumeTo,
    });
    if (!decision.ok) {
      if (decision.code === "REASON_REQUIRED") return fail([{ field: FIELD_IDS.reason, message: decision.message }]);
      if (decision.code === "OUTCOME_REQUIRED") return fail([{ field: FIELD_IDS.outcome, message: decision.message }]);
      return fail([{ field: "", message: decision.message }]);
    }
    const change = {
      to: move.to,
      ...(decision.reason ? { reason: decision.reason } : {}),
      ...(decision.outcome ? { outcome: decision.outcome } : {}),
    };
    send({ ...target, change }, `Status changed to ${CASE_STATUS_LABELS[move.to].toLowerCase()}`);
  }

  return (
    <InlineForm
      errors={errors}
      failures={failures}
      onSubmit={submit}
      submitLabel="Change status"
      isSubmitting={isSending}
    >
      <Radios<CaseStatus>
        {...choice("to", FIELD_IDS.to)}
        legend="Move the case to"
        legendSize="s"
        options={moves.map((candidate) => ({
          value: candidate.to,
          label: CASE_STATUS_LABELS[candidate.to],
          hint: MOVE_HINTS[candidate.to],
        }))}
      />
      {asksForOutcome && (
        <Radios<CaseOutcome>
          {...choice("outcome", FIELD_IDS.outcome)}
          legend="Outcome"
          legendSize="s"
          options={CASE_OUTCOMES.map((value) => ({ value, label: CASE_OUTCOME_LABELS[value] }))}
        />
      )}
      {asksForReason && (
        <Textarea
          {...field("reason", FIELD_IDS.reason)}
          label="Reason"
          labelSize="s"
          hint="Staff will see this in the case timeline."
          maxLength={REASON_MAX_LENGTH}
          rows={3}
        />
      )}
    </InlineForm>
  );
}
