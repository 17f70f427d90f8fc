import { hasPermission, type StaffProfile } from "@psu/domain";
import { useEffect, useRef, useState } from "react";
import { Link, Navigate, useSearchParams } from "react-router";
import { LoadError } from "../../../components/load-error";
import { LoadingStatus } from "../../../components/loading-status";
import { hasErrorCode } from "../../../lib/api-client";
import { useStaffMembers } from "../../../lib/staff-api/get-staff-members";
import { useQueueSearch, useSignedInStaff } from "../../../lib/staff-session";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useQueue } from "../api/get-queue";
import { QueueFilterPanel } from "../components/queue-filter-panel";
import {
  countAppliedFilters,
  type QueueFilters,
  type QueueView,
  readQueueFilters,
  toQueueQuery,
  writeQueueFilters,
} from "../components/queue-filters";
import { QueueSearch } from "../components/queue-search";
import { QueueTable } from "../components/queue-table";
import { QUEUE_VIEW_LABELS, QueueViews } from "../components/queue-views";

/**
 * The queue: saved views with counts, search, filters, sort and keyset pages of cases.
 * Coordinators start on "Unassigned"; a lead sees only "My cases".
 */
export function QueuePage() {
  const staff = useSignedInStaff();
  // The queue is case content (decision record 017); StaffLayout sends admins to the staff list.
  if (!hasPermission(staff.role, "readQueue")) return <Navigate to="/staff/leads" replace />;
  return <Queue staff={staff} />;
}

function Queue({ staff }: { staff: StaffProfile }) {
  const isLead = staff.role === "lead";
  const defaultView: QueueView = isLead ? "my_cases" : "unassigned";
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useQueueSearch();
  const requested = readQueueFilters(params, defaultView);
  // A lead's queue is their own cases, whatever the address says; the API enforces it too.
  const filters: QueueFilters = isLead ? { ...requested, view: "my_cases", leadId: undefined } : requested;
  const heading = isLead ? "My cases" : "Cases";
  useDocumentTitle(heading);

  // Keyset pages: the cursors of the pages before this one, started afresh when anything changes.
  const pagingKey = JSON.stringify([filters, search]);
  const [paging, setPaging] = useState<{ key: string; cursors: string[] }>({ key: pagingKey, cursors: [] });
  const cursors = paging.key === pagingKey ? paging.cursors : [];
  const queue = useQueue(toQueueQuery(filters, search, cursors.at(-1)));
  const members = useStaffMembers({ enabled: !isLead });
  const leads = members.data?.filter((member) => member.role === "lead");

  const region = useRef<HTMLElement>(null);
  // After "Next page" or "Previous page", focus moves to the table once the page has arrived, so
  // reading starts at its caption; only then, not after a search or a filter.
  const focusTableWhenLoaded = useRef(false);
  useEffect(() => {
    if (focusTableWhenLoaded.current && !queue.isPlaceholderData && !queue.isFetching) {
      focusTableWhenLoaded.current = false;
      region.current?.focus();
    }
  });

  function turnPage(next: string[]) {
    focusTableWhenLoaded.current = true;
    setPaging({ key: pagingKey, cursors: next });
  }

  function hrefFor(change: Partial<QueueFilters>): string {
    const query = writeQueueFilters({ ...filters, ...change }, defaultView).toString();
    return query === "" ? "/staff" : `/staff?${query}`;
  }

  const pageNumber = cursors.length + 1;
  const caption = `${isLead ? "My cases" : QUEUE_VIEW_LABELS[filters.view]}${pageNumber > 1 ? `, page ${pageNumber}` : ""}`;
  const nextCursor = queue.data?.nextCursor ?? null;

  return (
    <>
      <h1>{heading}</h1>
      {hasPermission(staff.role, "recordReferral") && (
        <p>
          <Link to="/staff/referrals/new">Record a referral received by email or phone</Link>
        </p>
      )}
      {!isLead && <QueueViews current={filters.view} hrefFor={(view) => hrefFor({ view })} />}
      <QueueSearch search={search} onSearch={setSearch} />
      <QueueFilterPanel
        key={params.toString()}
        filters={filters}
        countsByStatus={queue.data?.countsByStatus}
        leads={isLead ? undefined : (leads ?? [])}
        onApply={(next) => setParams(writeQueueFilters(next, defaultView))}
      />
      <p className="nhsuk-body-s">
        {filters.sort === "oldest" ? "Oldest first. " : "Newest first. "}
        <Link to={hrefFor({ sort: filters.sort === "oldest" ? "newest" : "oldest" })}>
          {filters.sort === "oldest" ? "Show newest first" : "Show oldest first"}
        </Link>
      </p>

      <div className="nhsuk-u-visually-hidden" role="status">
        {queue.data && !queue.isPlaceholderData ? describeResults(queue.data.items.length, pageNumber) : ""}
      </div>

      {queue.isPending ? (
        <LoadingStatus>Loading cases</LoadingStatus>
      ) : queue.isError && !queue.data ? (
        <LoadError onRetry={() => void queue.refetch()}>
          <p>{describeQueueError(queue.error)}</p>
        </LoadError>
      ) : queue.data.items.length === 0 ? (
        <EmptyQueue
          hasSearch={search !== ""}
          hasFilters={countAppliedFilters(filters) > 0}
          view={filters.view}
          allCasesHref={isLead || filters.view === "all" ? undefined : hrefFor({ view: "all" })}
        />
      ) : (
        <>
          <QueueTable
            caption={caption}
            items={queue.data.items}
            regionRef={region}
            isUpdating={queue.isPlaceholderData}
          />
          {(cursors.length > 0 || nextCursor) && (
            <nav className="nhsuk-button-group" aria-label="Pages of cases">
              {cursors.length > 0 && (
                <button
                  className="nhsuk-button nhsuk-button--secondary"
                  type="button"
                  onClick={() => turnPage(cursors.slice(0, -1))}
                >
                  Previous page
                </button>
              )}
              {nextCursor && (
                <button
                  className="nhsuk-button nhsuk-button--secondary"
                  type="button"
                  onClick={() => turnPage([...cursors, nextCursor])}
                >
                  Next page
                </button>
              )}
            </nav>
          )}
        </>
      )}
    </>
  );
}

function describeResults(count: number, pageNumber: number): string {
  const cases = count === 1 ? "1 case" : `${count} cases`;
  return pageNumber > 1 ? `Page ${pageNumber}: ${cases} shown` : `${cases} shown`;
}

function describeQueueError(error: unknown): string {
  if (hasErrorCode(error, "FORBIDDEN")) return "Your role does not give you access to the queue.";
  return "Sorry, we could not load the cases. Try again in a moment.";
}

const EMPTY_VIEW_MESSAGES: Readonly<Record<QueueView, string>> = {
  unassigned: "There are no cases waiting for a lead.",
  breaching_soon: "No cases are close to or past their SLA.",
  my_cases: "You have no cases allocated to you.",
  all: "There are no cases yet.",
};

type EmptyQueueProps = {
  hasSearch: boolean;
  hasFilters: boolean;
  view: QueueView;
  /** Where to look beyond this view, when there is a wider one. */
  allCasesHref: string | undefined;
};

function EmptyQueue({ hasSearch, hasFilters, view, allCasesHref }: EmptyQueueProps) {
  if (hasSearch) {
    return (
      <>
        <p>
          No cases in {QUEUE_VIEW_LABELS[view].toLowerCase()} match your search. Check the reference, or search for part
          of the trainee’s name or email address.
        </p>
        {allCasesHref && (
          <p>
            <Link to={allCasesHref}>Search all cases</Link>
          </p>
        )}
      </>
    );
  }
  if (hasFilters) return <p>No cases match these filters.</p>;
  return <p>{EMPTY_VIEW_MESSAGES[view]}</p>;
}
