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
import { useState } from "react";
import { Checkboxes } from "../../../components/checkboxes";
import { FilterPanel } from "../../../components/filter-panel";
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

/** The filters that are one choice each, "Any" when not set. */
type SingleFilter = Exclude<keyof QueueFilters, "view" | "sort" | "status">;

/** The queue's filters in a FilterPanel, applied to the table together with its button. */
export function QueueFilterPanel({ filters, countsByStatus, leads, onApply }: QueueFilterPanelProps) {
  // The page remounts this panel when the applied filters change (its key), so the draft starts from them.
  const [draft, setDraft] = useState(filters);

  /** A Select's props for one filter. */
  function select(name: SingleFilter, id = `filter-${name}`) {
    return {
      id,
      value: draft[name] ?? ANY,
      onChange: (value: string) => setDraft((current) => ({ ...current, [name]: value === ANY ? undefined : value })),
    };
  }

  function submit() {
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
    <FilterPanel noun="cases" applied={countAppliedFilters(filters)} onApply={submit} onClear={clear}>
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
            {...select("service")}
            label="Service"
            options={withAny(
              REFERRAL_SERVICES.map((service) => ({ value: service.id, label: SERVICE_SHORT_NAMES[service.id] })),
            )}
          />
          <Select
            {...select("region")}
            label="Region"
            options={withAny([
              { value: "london", label: REGION_LABELS.london },
              { value: "kss", label: REGION_LABELS.kss },
            ])}
          />
          <Select
            {...select("urgency")}
            label="Urgency"
            options={withAny(HOW_SOON.map((value) => ({ value, label: URGENCY_LABELS[value] })))}
          />
        </div>
        <div className="nhsuk-grid-column-one-half">
          <Select
            {...select("channel")}
            label="Received by"
            options={withAny(REFERRAL_CHANNELS.map((value) => ({ value, label: REFERRAL_CHANNEL_LABELS[value] })))}
          />
          <Select
            {...select("sla")}
            label="SLA state"
            options={withAny(SLA_STATES.map((value) => ({ value, label: labelFor(SLA_STATE_LABELS, value) })))}
          />
          {leads && (
            <Select
              {...select("leadId", "filter-lead")}
              label="Lead"
              options={withAny([
                { value: "unassigned", label: "No lead yet" },
                ...leads.map((lead) => ({ value: lead.id, label: lead.name })),
              ])}
            />
          )}
        </div>
      </div>
    </FilterPanel>
  );
}
