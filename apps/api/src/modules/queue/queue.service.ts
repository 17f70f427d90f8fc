import {
  BREACHING_SOON_STATES,
  type CalendarDate,
  type CaseStatus,
  computeRunningClock,
  isBreachingSoon,
  listVisibleLeadIds,
  normaliseReference,
  type QueueItem,
  type QueuePage,
  QueuePageSchema,
  QueueQuerySchema,
  QueueSortSchema,
  type SlaClock,
  type SlaState,
  type StaffProfile,
  toLondonDate,
  WorkingDayIndex,
  workingDaysBetween,
} from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { z } from "zod";
import { findLatestStartForDueSoonOrBreached } from "./due-soon-window";
import { decodeCursor, encodeCursor } from "./keyset-cursor";
import {
  countQueueByStatus,
  findQueueRows,
  findSearchPageWithCounts,
  type QueueFilter,
  type QueueFilters,
  type QueuePosition,
  type QueueRow,
  type RunningClockPrefilter,
} from "./queue.repository";

export type QueueRequest = z.output<typeof QueueQuerySchema>;

/** The statuses of the "Unassigned" view (with no lead): cases not yet with anyone. */
const UNASSIGNED_STATUSES: readonly CaseStatus[] = ["new", "triage", "information_requested"];

/*
 * Filtering by SLA state. The state needs working days, bank holidays and pauses, which the
 * domain computes (computeSlaClock) and SQL cannot easily. So the SQL narrows the cases to
 * those that could be in the states asked for (RunningClockPrefilter: a clock is running; for
 * due soon or breached, it started early enough), and the service walks that keyset stream in
 * batches, computing each row's clock and keeping the matches until the page is full. The walk
 * is bounded: after MAX_ROWS_SCANNED rows it stops and answers with the items found so far and
 * a cursor just after the last row scanned, so a page may hold fewer than `limit` items (even
 * none) while `nextCursor` is not null. A null `nextCursor` always means there is no more.
 */
const MAX_ROWS_SCANNED = 2_000;
const SCAN_BATCH = 250;

const CursorSchema = z.object({ openedAt: z.iso.datetime(), id: z.uuid(), sort: QueueSortSchema });

export interface ListQueueInput {
  query: QueueRequest;
  staff: StaffProfile;
  now: Date;
}

/**
 * A page of the queue as this member of staff may see it: coordinators and admins see every
 * case, a lead only the cases allocated to them, whatever the filters say. Counts per status
 * cover the same cases with every filter but the status filter (and the SLA filters, which
 * are computed per row and not counted).
 */
export async function listQueue(prisma: PrismaClient, input: ListQueueInput): Promise<QueuePage> {
  const { query, staff, now } = input;
  const after = query.cursor ? readCursor(query.cursor, query.sort) : null;
  const filters = toQueueFilters(query, staff, now);

  const searched = await findSearchPage(prisma, filters, { query, after, now });
  const [walked, countsByStatus] = searched
    ? [searched.walked, searched.countsByStatus]
    : await Promise.all([
        walkQueue(prisma, filters.page, { query, after, now }),
        countQueueByStatus(prisma, filters.counts),
      ]);
  return QueuePageSchema.parse({ items: toQueueItems(walked, now), nextCursor: walked.nextCursor, countsByStatus });
}

/**
 * A text search's page and counts from one statement (the repository's findSearchPageWithCounts),
 * or null for any other request, or one filtered by SLA state (walked in batches, as any other).
 */
async function findSearchPage(
  prisma: PrismaClient,
  filters: QueueFilters,
  options: { query: QueueRequest; after: QueuePosition | null; now: Date },
): Promise<{ walked: Walked; countsByStatus: Record<string, number> } | null> {
  const { query, now } = options;
  if (wantedSlaStates(query) !== null) return null;
  const found = await findSearchPageWithCounts(prisma, filters, {
    sort: query.sort,
    after: options.after,
    take: query.limit + 1,
  });
  if (!found) return null;
  return { walked: toWalkedPage(found.rows, query, now), countsByStatus: found.countsByStatus };
}

// A page read with one row more than asked for, to know whether another follows.
function toWalkedPage(rows: QueueRow[], query: QueueRequest, now: Date): Walked {
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({ row, clock: computeRunningClock(row, now) })),
    nextCursor: rows.length > query.limit && last ? toCursor(last, query.sort) : null,
  };
}

function readCursor(cursor: string, sort: QueueRequest["sort"]): QueuePosition {
  const position = decodeCursor(
    cursor,
    CursorSchema.refine((value) => value.sort === sort),
  );
  return { openedAt: new Date(position.openedAt), id: position.id };
}

function toCursor(position: QueuePosition, sort: QueueRequest["sort"]): string {
  return encodeCursor({ openedAt: position.openedAt.toISOString(), id: position.id, sort });
}

function viewStatusSets(query: QueueRequest): string[][] {
  return query.view === "unassigned" ? [[...UNASSIGNED_STATUSES]] : [];
}

/** The SLA states asked for, by the view and the filter together; null when neither asks. */
function wantedSlaStates(query: QueueRequest): readonly SlaState[] | null {
  const byView: readonly SlaState[] | null = query.view === "breaching_soon" ? BREACHING_SOON_STATES : null;
  const byFilter = query.sla ? [query.sla] : null;
  if (byView && byFilter) return byView.filter((state) => byFilter.includes(state));
  return byView ?? byFilter;
}

/**
 * The SQL-side filters for a request: what the viewer may see, narrowed by what they asked for;
 * for the counts, without the status filter and the SLA prefilter.
 */
export function toQueueFilters(query: QueueRequest, staff: StaffProfile, now: Date): QueueFilters {
  const page = toPageFilter(query, staff, now);
  return { page, counts: { ...page, statusSets: viewStatusSets(query), clock: null } };
}

/**
 * The breaching-soon view's SQL filter over the cases `viewer` may see, or every case (null: the
 * SLA digest, the metrics): what the view walks, so its count is taken over the same rows.
 */
export function toBreachingSoonFilter(viewer: Pick<StaffProfile, "id" | "role"> | null, now: Date): QueueFilter {
  return toPageFilter({ ...DEFAULT_QUERY, view: "breaching_soon" }, viewer, now);
}

const DEFAULT_QUERY: QueueRequest = QueueQuerySchema.parse({});

// `viewer` null is every case, for views that are nobody's own (not "my cases").
function toPageFilter(query: QueueRequest, viewer: Pick<StaffProfile, "id" | "role"> | null, now: Date): QueueFilter {
  const leadIds: string[] = [...((viewer && listVisibleLeadIds(viewer)) ?? [])];
  if (query.view === "my_cases" && viewer) leadIds.push(viewer.id);
  if (query.leadId && query.leadId !== "unassigned") leadIds.push(query.leadId);

  const statusSets = viewStatusSets(query);
  if (query.status) statusSets.push(query.status);

  return {
    leadIds: [...new Set(leadIds)],
    withoutLead: query.view === "unassigned" || query.leadId === "unassigned",
    statusSets,
    service: query.service ?? null,
    region: query.region ?? null,
    profession: query.profession ?? null,
    urgency: query.urgency ?? null,
    channel: query.channel ?? null,
    search: toSearch(query.search),
    clock: toClockPrefilter(wantedSlaStates(query), now),
  };
}

function toSearch(search: string | undefined): QueueFilter["search"] {
  if (!search) return null;
  const reference = normaliseReference(search);
  return reference ? { reference } : { text: search };
}

function toClockPrefilter(states: readonly SlaState[] | null, now: Date): RunningClockPrefilter | null {
  if (states === null) return null;
  const today = toLondonDate(now);
  const onlyDueSoonOrBreached = states.every(isBreachingSoon);
  return {
    startedOnOrBefore:
      onlyDueSoonOrBreached && states.length > 0
        ? {
            triage: findLatestStartForDueSoonOrBreached("triage", today),
            firstContact: findLatestStartForDueSoonOrBreached("first_contact", today),
          }
        : null,
    pausedOnly: states.length > 0 && states.every((state) => state === "paused"),
  };
}

/** A page's cases with their running SLA clocks (null for none), and where the next page starts. */
interface Walked {
  rows: { row: QueueRow; clock: SlaClock | null }[];
  nextCursor: string | null;
}

async function walkQueue(
  prisma: PrismaClient,
  filter: QueueFilter,
  options: { query: QueueRequest; after: QueuePosition | null; now: Date },
): Promise<Walked> {
  const { query, now } = options;
  const limit = query.limit;
  const states = wantedSlaStates(query);

  if (states === null) {
    // The common path: one query, one more row than the page to know whether another follows.
    const rows = await findQueueRows(prisma, filter, { sort: query.sort, after: options.after, take: limit + 1 });
    return toWalkedPage(rows, query, now);
  }
  if (states.length === 0) return { rows: [], nextCursor: null };

  // Filtering by SLA state (see the note at the top): keep limit + 1 matches, like the common
  // path, so a full page knows whether another follows.
  const matches: Walked["rows"] = [];
  let after = options.after;
  let scanned = 0;
  while (scanned < MAX_ROWS_SCANNED) {
    const take = Math.min(SCAN_BATCH, MAX_ROWS_SCANNED - scanned);
    const rows = await findQueueRows(prisma, filter, { sort: query.sort, after, take });
    for (const row of rows) {
      scanned += 1;
      after = row;
      const clock = computeRunningClock(row, now);
      if (!clock || !states.includes(clock.state)) continue;
      matches.push({ row, clock });
      if (matches.length > limit) {
        const page = matches.slice(0, limit);
        const last = page.at(-1);
        return { rows: page, nextCursor: last ? toCursor(last.row, query.sort) : null };
      }
    }
    if (rows.length < take) return { rows: matches, nextCursor: null };
  }
  // Out of budget: the next request carries on just after the last row scanned.
  return { rows: matches, nextCursor: after ? toCursor(after, query.sort) : null };
}

/**
 * A running count of working days up to today, from the oldest case a page has shown (about 5 ms
 * to build for 28 years), kept between requests until the day changes or an older case comes.
 */
let workingDayCount: { from: CalendarDate; today: CalendarDate; index: WorkingDayIndex } | undefined;

function countWorkingDaysFrom(from: CalendarDate, today: CalendarDate): WorkingDayIndex {
  if (!workingDayCount || workingDayCount.today !== today || from < workingDayCount.from)
    workingDayCount = { from, today, index: new WorkingDayIndex(from, today) };
  return workingDayCount.index;
}

/**
 * Each case's age in working days, as workingDaysBetween(opened, today) counts it, read from the
 * running count. (workingDaysBetween walks every day: for a page of cases opened decades ago, a
 * tenth of a second per page.)
 */
function createAgeCounter(rows: Walked["rows"], now: Date): (openedAt: Date) => number {
  const today = toLondonDate(now);
  let oldest = today;
  for (const { row } of rows) {
    const opened = toLondonDate(row.openedAt);
    if (opened < oldest) oldest = opened;
  }
  const index = oldest < today ? countWorkingDaysFrom(oldest, today) : null;
  return (openedAt) => {
    const opened = toLondonDate(openedAt);
    // Only a case opened after today (a clock set back) counts backwards, which the index does not.
    return index && opened <= today ? index.between(opened, today) : workingDaysBetween(opened, today);
  };
}

function toQueueItems(walked: Walked, now: Date): QueueItem[] {
  const ageOf = createAgeCounter(walked.rows, now);
  return walked.rows.map(({ row, clock }) => ({
    caseId: row.id,
    reference: row.reference,
    status: row.status,
    version: row.version,
    traineeName: row.fullName,
    services: row.services,
    urgency: row.urgency,
    region: row.region,
    profession: row.profession,
    channel: row.channel,
    openedAt: row.openedAt.toISOString(),
    ageWorkingDays: ageOf(row.openedAt),
    lead: row.leadId && row.leadName ? { id: row.leadId, name: row.leadName } : null,
    sla: clock,
    safetyConcern: row.safetyConcern,
  }));
}
