import { type QueueItem, REFERRAL_CHANNEL_LABELS } from "@psu/domain";
import type { Ref } from "react";
import { Link, useLocation } from "react-router";
import { CaseStatusTag, SafetyConcernTag } from "../../../components/case-status-tag";
import { DataTable } from "../../../components/data-table";
import { SlaTag } from "../../../components/sla-tag";
import { labelFor, SERVICE_SHORT_NAMES, SLA_KIND_LABELS, URGENCY_LABELS } from "../../../lib/case-labels";

type QueueTableProps = {
  caption: string;
  items: readonly QueueItem[];
  /** The scrolling region, which takes focus after a page change. */
  regionRef?: Ref<HTMLElement>;
  /** The rows shown are the last results, kept while new ones load. */
  isUpdating?: boolean;
};

const CAPTION_ID = "queue-caption";

const QUEUE_COLUMNS = [
  { label: "Reference" },
  { label: "Trainee" },
  { label: "Services" },
  { label: "Received by" },
  { label: "Status" },
  { label: "Urgency" },
  {
    label: (
      <>
        Age <span className="nhsuk-u-font-weight-normal">(working days)</span>
      </>
    ),
    numeric: true,
  },
  { label: "SLA" },
  { label: "Lead" },
];

/**
 * The queue as an NHS.UK table. Each reference is a link to the case, so Tab moves from case
 * to case and Enter opens one.
 */
export function QueueTable({ caption, items, regionRef, isUpdating = false }: QueueTableProps) {
  // The case's Back link returns to the queue as it is now: this view, these filters.
  const backTo = `/staff${useLocation().search}`;
  return (
    <DataTable
      captionId={CAPTION_ID}
      caption={caption}
      columns={QUEUE_COLUMNS}
      regionRef={regionRef}
      isUpdating={isUpdating}
    >
      {items.map((item) => (
        <tr className="nhsuk-table__row" key={item.caseId}>
          <th className="nhsuk-table__header app-nowrap" scope="row">
            <Link to={`/staff/cases/${item.caseId}`} state={{ backTo }}>
              {item.reference}
            </Link>
          </th>
          <td className="nhsuk-table__cell">{item.traineeName}</td>
          <td className="nhsuk-table__cell">
            {item.services.map((service) => SERVICE_SHORT_NAMES[service]).join(", ")}
          </td>
          <td className="nhsuk-table__cell">{REFERRAL_CHANNEL_LABELS[item.channel]}</td>
          <td className="nhsuk-table__cell">
            <CaseStatusTag status={item.status} />
            {item.safetyConcern && (
              <>
                {" "}
                <SafetyConcernTag />
              </>
            )}
          </td>
          <td className="nhsuk-table__cell">{labelFor(URGENCY_LABELS, item.urgency)}</td>
          <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{item.ageWorkingDays}</td>
          <td className="nhsuk-table__cell">
            {item.sla ? (
              <>
                <span className="nhsuk-u-secondary-text-colour nhsuk-body-s nhsuk-u-margin-bottom-1 nhsuk-u-display-block">
                  {SLA_KIND_LABELS[item.sla.kind]}
                </span>
                <SlaTag clock={item.sla} />
              </>
            ) : (
              <span className="nhsuk-u-secondary-text-colour">No clock running</span>
            )}
          </td>
          <td className="nhsuk-table__cell">
            {item.lead ? item.lead.name : <span className="nhsuk-u-secondary-text-colour">Not assigned</span>}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
