import { CASE_OUTCOME_LABELS, CASE_STATUS_LABELS, type CaseDetail, REFERRAL_CHANNEL_LABELS } from "@psu/domain";
import { CaseStatusTag } from "../../../components/case-status-tag";
import { SlaTag } from "../../../components/sla-tag";
import { SummaryList, type SummaryRow } from "../../../components/summary-list";
import { labelFor, URGENCY_LABELS } from "../../../lib/case-labels";
import { formatDateTime } from "../../../lib/format-dates";

/** The case at a glance: status, urgency, lead, and both SLA clocks with their due dates. */
export function CaseSummary({ detail }: { detail: CaseDetail }) {
  const rows: SummaryRow[] = [
    {
      key: "Status",
      value: (
        <>
          <CaseStatusTag status={detail.status} />
          {detail.status === "information_requested" && detail.resumeTo && (
            <span className="nhsuk-u-display-block nhsuk-u-margin-top-1">
              Returns to {CASE_STATUS_LABELS[detail.resumeTo].toLowerCase()} when the trainee replies
            </span>
          )}
        </>
      ),
    },
    ...(detail.outcome ? [{ key: "Outcome", value: CASE_OUTCOME_LABELS[detail.outcome] }] : []),
    { key: "Urgency", value: labelFor(URGENCY_LABELS, detail.urgency) },
    { key: "Lead", value: detail.lead ? detail.lead.name : "Not assigned yet" },
    { key: "Referral received", value: formatDateTime(detail.openedAt) },
    {
      key: "Received by",
      value:
        detail.referral.channel === "online"
          ? "Online form (the trainee's own)"
          : `${REFERRAL_CHANNEL_LABELS[detail.referral.channel]} (recorded by staff)`,
    },
    { key: "Triage (SLA)", value: <SlaTag clock={detail.sla.triage} /> },
    {
      key: "First contact (SLA)",
      value: detail.sla.firstContact ? <SlaTag clock={detail.sla.firstContact} /> : "Starts when the case is allocated",
    },
  ];
  return <SummaryList rows={rows} />;
}
