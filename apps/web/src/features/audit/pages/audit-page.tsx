import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, type AuditAction, AuditActionSchema } from "@psu/domain";
import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { z } from "zod";
import { AdminOnly } from "../../../components/admin-only";
import { DateInput, type DateParts } from "../../../components/date-input";
import { ErrorSummary } from "../../../components/error-summary";
import { FilterPanel } from "../../../components/filter-panel";
import { LoadError } from "../../../components/load-error";
import { LoadingStatus } from "../../../components/loading-status";
import { Select } from "../../../components/select";
import { TextInput } from "../../../components/text-input";
import { useForm } from "../../../components/use-form";
import { toCalendarDate, toDateParts } from "../../../lib/date-parts";
import type { FormError } from "../../../lib/form-errors";
import { toDayBoundary } from "../../../lib/format-dates";
import { useStaffMembers } from "../../../lib/staff-api/get-staff-members";
import { useSignedInStaff } from "../../../lib/staff-session";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { type AuditFilters, useAuditLog } from "../api/get-audit-log";
import { AuditTable } from "../components/audit-table";

// The filters in the URL: ids, an action code and dates, none of them personal data.
const UuidSchema = z.uuid();
const ActionOptions = [
  { value: "", label: "Any action" },
  ...AUDIT_ACTIONS.map((action) => ({ value: action, label: AUDIT_ACTION_LABELS[action] })),
];
const DateSchema = z.iso.date();

type AuditSearch = { caseId?: string; actorId?: string; action?: AuditAction; from?: string; to?: string };

function readOne<T>(schema: z.ZodType<T>, value: string | null): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function readAuditSearch(params: URLSearchParams): AuditSearch {
  return {
    caseId: readOne(UuidSchema, params.get("caseId")),
    actorId: readOne(UuidSchema, params.get("actorId")),
    action: readOne(AuditActionSchema, params.get("action")),
    from: readOne(DateSchema, params.get("from")),
    to: readOne(DateSchema, params.get("to")),
  };
}

function toAuditFilters(search: AuditSearch): AuditFilters {
  return {
    ...(search.caseId ? { caseId: search.caseId } : {}),
    ...(search.actorId ? { actorId: search.actorId } : {}),
    ...(search.action ? { action: search.action } : {}),
    ...(search.from ? { from: toDayBoundary(search.from, "start") } : {}),
    ...(search.to ? { to: toDayBoundary(search.to, "end") } : {}),
  };
}

/** The audit log for admins: every staff read of a case and every change, filtered, newest first. */
export function AuditPage() {
  const staff = useSignedInStaff();
  if (staff.role !== "admin") return <AdminOnly title="Audit log" />;
  return <AuditLog />;
}

function AuditLog() {
  useDocumentTitle("Audit log");
  const [params, setParams] = useSearchParams();
  const search = readAuditSearch(params);
  const log = useAuditLog(toAuditFilters(search));
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];

  const region = useRef<HTMLElement>(null);
  const [loads, setLoads] = useState(0);
  // When "Load more" goes because there is nothing more, focus moves to the table rather than the page's start.
  useEffect(() => {
    if (loads > 0 && !log.isFetchingNextPage && !log.hasNextPage) region.current?.focus();
  }, [loads, log.isFetchingNextPage, log.hasNextPage]);

  function apply(next: AuditSearch) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(next)) if (value) query.set(name, value);
    setParams(query);
  }

  return (
    <>
      <h1>Audit log</h1>
      <p>Every time staff open a case or change anything, it is recorded here. Entries cannot be changed or removed.</p>
      {/* Keyed by the URL, so clearing the filters empties the form as well. */}
      <AuditFilterForm key={params.toString()} search={search} onApply={apply} />
      {log.isPending ? (
        <LoadingStatus>Loading the audit log</LoadingStatus>
      ) : log.isError && entries.length === 0 ? (
        <LoadError onRetry={() => void log.refetch()}>
          <p>Sorry, we could not load the audit log. Try again in a moment.</p>
        </LoadError>
      ) : entries.length === 0 ? (
        <p>No entries match these filters.</p>
      ) : (
        <>
          <AuditTable entries={entries} regionRef={region} />
          <div className="nhsuk-u-visually-hidden" role="status">
            {log.isFetchingNextPage ? "Loading more entries" : `${entries.length} entries shown`}
          </div>
          {log.hasNextPage && (
            <button
              className="nhsuk-button nhsuk-button--secondary"
              type="button"
              disabled={log.isFetchingNextPage}
              onClick={() => {
                setLoads((count) => count + 1);
                void log.fetchNextPage();
              }}
            >
              Load more
            </button>
          )}
        </>
      )}
    </>
  );
}

const IDS = { caseId: "audit-case", action: "audit-action", from: "audit-from", to: "audit-to" };

type AuditFilterAnswers = { caseId: string; actorId: string; action: string; from: DateParts; to: DateParts };

function AuditFilterForm({ search, onApply }: { search: AuditSearch; onApply: (search: AuditSearch) => void }) {
  const members = useStaffMembers();
  const { values, field, date, errors, failures, fail, clear } = useForm<AuditFilterAnswers>(() => ({
    caseId: search.caseId ?? "",
    actorId: search.actorId ?? "",
    action: search.action ?? "",
    from: toDateParts(search.from),
    to: toDateParts(search.to),
  }));
  const { caseId, actorId, action, from, to } = values;

  function submit() {
    const problems: FormError[] = [];
    const trimmedCase = caseId.trim();
    const code = AuditActionSchema.safeParse(action).data;
    const isBlank = (date: DateParts) => !date.day.trim() && !date.month.trim() && !date.year.trim();
    const fromDay = isBlank(from) ? undefined : toCalendarDate(from);
    const toDay = isBlank(to) ? undefined : toCalendarDate(to);
    if (trimmedCase && !UuidSchema.safeParse(trimmedCase).success) {
      problems.push({ field: IDS.caseId, message: "Enter the case id as it appears in the case’s address" });
    }
    if (fromDay === null) problems.push({ field: `${IDS.from}-day`, message: "Enter the from date as a real date" });
    if (toDay === null) problems.push({ field: `${IDS.to}-day`, message: "Enter the to date as a real date" });
    if (fromDay && toDay && fromDay > toDay) {
      problems.push({ field: `${IDS.to}-day`, message: "The to date must be the same as or after the from date" });
    }
    if (problems.length > 0) return fail(problems);
    clear();
    onApply({
      caseId: trimmedCase || undefined,
      actorId: actorId || undefined,
      action: code,
      from: fromDay ?? undefined,
      to: toDay ?? undefined,
    });
  }

  return (
    <FilterPanel
      noun="entries"
      applied={Object.values(search).filter(Boolean).length}
      isOpen={errors.length > 0}
      onApply={submit}
      onClear={() => onApply({})}
    >
      <ErrorSummary errors={errors} focusKey={failures} />
      <TextInput
        {...field("caseId", IDS.caseId)}
        label="Case id"
        hint="The last part of the case’s address, for example 3f2a…"
        spellCheck={false}
        autoComplete="off"
      />
      <Select
        {...field("actorId", "audit-actor")}
        label="Who"
        options={[
          { value: "", label: "Anyone" },
          ...(members.data ?? []).map((member) => ({ value: member.id, label: member.name })),
        ]}
      />
      <Select {...field("action", IDS.action)} label="Action" options={ActionOptions} />
      <DateInput {...date("from", IDS.from)} legend="From" legendSize="s" />
      <DateInput {...date("to", IDS.to)} legend="To" legendSize="s" />
    </FilterPanel>
  );
}
