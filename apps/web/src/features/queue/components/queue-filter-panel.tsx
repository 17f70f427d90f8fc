import {
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  type CaseStatus,
  HOW_SOON,
  REFERRAL_CHANNEL_LABELS,
  REFERRAL_CHANNELS,
  SERVICES,
  SLA_STATES,
  type StaffMember,
} from "@psu/domain";
import { type FormEvent, useState } from "react";
import { Checkboxes } from "../../../components/checkboxes";
import { Select, type SelectOption } from "../../../components/select";
import {
  labelFor,
  REGION_LABELS,
  SERVICE_SHORT_NAMES,
  SLA_STATE_LABELS,
  URGENCY_LABELS,
} from "../../../lib/case-labels";
import { countAppliedFilters, type QueueFilters, QueueFiltersSchema } from "./queue-filters";

type QueueFilterPanelProps = {
  filters: QueueFilters;
  /** Cases per status in this view, for the status checkboxes. */
  countsByStatus: Readonly<Record<string, number>> | undefined;
  /** Leads to filter by; absent for a lead, who sees only their own cases. */
  leads: readonly StaffMember[] | undefined;
  onApply: (filters: QueueFilters) => void;
};

const ANY = "";
const REFERRAL_SERVICES = SERVICES.filter((service) => service.access === "referral");

function withAny(options: SelectOption[]): SelectOption[] {
  return [{ value: ANY, label: "Any" }, ...options];
}

/**
 * The filters in a collapsible NHS.UK details panel. Changes apply with the button, not on each
 * tick, so the table does not shift under someone still choosing.
 */
export function QueueFilterPanel({ filters, countsByStatus, leads, onApply }: QueueFilterPanelProps) {
  // The page remounts this panel when the applied filters change (its key), so the draft starts from them.
  const [draft, setDraft] = useState(filters);
  const applied = countAppliedFilters(filters);

  function set(name: keyof QueueFilters, value: string) {
    setDraft((current) => ({ ...current, [name]: value === ANY ? undefined : value }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The draft holds only values offered by the controls; parsing keeps it honest all the same.
    const parsed = QueueFiltersSchema.safeParse(draft);
    if (parsed.success) onApply(parsed.data);
  }

  function clear() {
    onApply({ view: filters.view, sort: filters.sort, status: [] });
  }

  const statusOptions = CASE_STATUSES.map((status) => ({
    value: status,
    label: `${CASE_STATUS_LABELS[status]}${countsByStatus ? ` (${countsByStatus[status] ?? 0})` : ""}`,
  }));

  return (
    <details className="nhsuk-details" open={applied > 0 ? true : undefined}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          Filter cases{applied > 0 ? ` (${applied} ${applied === 1 ? "filter" : "filters"} applied)` : ""}
        </span>
      </summary>
      <div className="nhsuk-details__text">
        <form noValidate onSubmit={submit}>
          <Checkboxes<CaseStatus>
            name="filter-status"
            legend="Status"
            legendSize="s"
            options={statusOptions}
            values={draft.status}
            onChange={(status) => setDraft((current) => ({ ...current, status }))}
          />
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-one-half">
              <Select
                id="filter-service"
                label="Service"
                value={draft.service ?? ANY}
                onChange={(value) => set("service", value)}
                options={withAny(
                  REFERRAL_SERVICES.map((service) => ({ value: service.id, label: SERVICE_SHORT_NAMES[service.id] })),
                )}
              />
              <Select
                id="filter-region"
                label="Region"
                value={draft.region ?? ANY}
                onChange={(value) => set("region", value)}
                options={withAny([
                  { value: "london", label: REGION_LABELS.london },
                  { value: "kss", label: REGION_LABELS.kss },
                ])}
              />
              <Select
                id="filter-urgency"
                label="Urgency"
                value={draft.urgency ?? ANY}
                onChange={(value) => set("urgency", value)}
                options={withAny(HOW_SOON.map((value) => ({ value, label: URGENCY_LABELS[value] })))}
              />
            </div>
            <div className="nhsuk-grid-column-one-half">
              <Select
                id="filter-channel"
                label="Received by"
                value={draft.channel ?? ANY}
                onChange={(value) => set("channel", value)}
                options={withAny(REFERRAL_CHANNELS.map((value) => ({ value, label: REFERRAL_CHANNEL_LABELS[value] })))}
              />
              <Select
                id="filter-sla"
                label="SLA state"
                value={draft.sla ?? ANY}
                onChange={(value) => set("sla", value)}
                options={withAny(SLA_STATES.map((value) => ({ value, label: labelFor(SLA_STATE_LABELS, value) })))}
              />
              {leads && (
                <Select
                  id="filter-lead"
                  label="Lead"
                  value={draft.leadId ?? ANY}
                  onChange={(value) => set("leadId", value)}
                  options={withAny([
                    { value: "unassigned", label: "No lead yet" },
                    ...leads.map((lead) => ({ value: lead.id, label: lead.name })),
                  ])}
                />
              )}
            </div>
          </div>
          <div className="nhsuk-button-group">
            <button className="nhsuk-button" type="submit">
              Apply filters
            </button>
            {applied > 0 && (
              <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={clear}>
                Clear filters
              </button>
            )}
          </div>
        </form>
      </div>
    </details>
  );
}
