import { AssignRequestSchema, type LeadSuggestion } from "@psu/domain";
import { InlineForm } from "../../../components/inline-form";
import { LoadError } from "../../../components/load-error";
import { LoadingStatus } from "../../../components/loading-status";
import { Radios } from "../../../components/radios";
import { useAssignCase } from "../api/assign-case";
import { useLeadSuggestions } from "../api/get-lead-suggestions";
import { type CaseActionProps, useCaseAction } from "./case-action";

const FIELD_IDS = { leadId: "assign-lead" };
const NO_LEAD_CHOSEN: { leadId?: string } = {};

/** Suggested leads first, in the API's order (the ranking is its job); the others after, in theirs. */
export function orderSuggestions(suggestions: readonly LeadSuggestion[]): LeadSuggestion[] {
  return [...suggestions.filter((lead) => lead.eligible), ...suggestions.filter((lead) => !lead.eligible)];
}

/**
 * The coordinator's choice of lead: the system's ranked suggestions, each with its reasons in
 * plain English, suggested leads first. Nothing happens until the coordinator confirms.
 */
export function AssignPanel({ target, currentLeadId, ...actions }: CaseActionProps & { currentLeadId: string | null }) {
  const suggestions = useLeadSuggestions(target.caseId, true);
  const assign = useAssignCase();
  const { values, choice, fail, send, isSending, errors, failures } = useCaseAction(
    assign,
    actions,
    NO_LEAD_CHOSEN,
    FIELD_IDS,
  );

  if (suggestions.isPending) return <LoadingStatus>Loading suggested leads</LoadingStatus>;
  if (suggestions.isError) {
    return (
      <LoadError onRetry={() => void suggestions.refetch()}>
        <p>Sorry, we could not load the suggested leads.</p>
      </LoadError>
    );
  }
  const leads = orderSuggestions(suggestions.data);
  if (leads.length === 0)
    return <p>There are no leads to suggest. Check the staff list for leads covering this service.</p>;

  function submit() {
    const parsed = AssignRequestSchema.safeParse(values);
    if (!parsed.success) return fail([{ field: FIELD_IDS.leadId, message: "Choose a lead" }]);
    const name = leads.find((lead) => lead.leadId === parsed.data.leadId)?.name ?? "the lead";
    send({ ...target, leadId: parsed.data.leadId }, `Case assigned to ${name}`);
  }

  return (
    <InlineForm
      errors={errors}
      failures={failures}
      onSubmit={submit}
      submitLabel="Assign lead"
      isSubmitting={isSending}
    >
      <Radios<string>
        {...choice("leadId", FIELD_IDS.leadId)}
        legend={currentLeadId ? "Choose another lead" : "Choose a lead"}
        legendSize="s"
        hint="Suggested leads cover the service, have room for another case and are not on leave. The best fit is first."
        options={leads.map((lead) => ({
          value: lead.leadId,
          label: lead.leadId === currentLeadId ? `${lead.name} (current lead)` : lead.name,
          hint: <SuggestionReasons lead={lead} />,
        }))}
      />
    </InlineForm>
  );
}

function SuggestionReasons({ lead }: { lead: LeadSuggestion }) {
  return (
    <>
      <strong>{lead.eligible ? "Suggested" : "Not suggested"}</strong>
      {lead.reasons.length > 0 && (
        <ul className="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-bottom-0">
          {lead.reasons.map((reason) => (
            <li key={reason.code}>{reason.message}</li>
          ))}
        </ul>
      )}
    </>
  );
}
