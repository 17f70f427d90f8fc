import {
  type CalendarDate,
  CaseStatusSchema,
  FIRST_CONTACT_CLOCK_STATUSES,
  type QUEUE_SORTS,
  ReferralChannelSchema,
  ServiceIdSchema,
  TRIAGE_CLOCK_STATUSES,
} from "@psu/domain";
import { Prisma, type PrismaClient } from "@psu/prisma";
import { z } from "zod";

/** Which cases the queue holds. Every condition given must hold (they are ANDed). */
export interface QueueFilter {
  /** Only cases allocated to each of these (a lead's own cases, "my cases", the lead filter). */
  leadIds: string[];
  /** Only cases with no lead. */
  withoutLead: boolean;
  /** Each set is a condition: the case's status is one of them (a view's statuses, the status filter). */
  statusSets: string[][];
  service: string | null;
  region: string | null;
  profession: string | null;
  urgency: string | null;
  /** How the referral arrived: "online", "email" or "phone". */
  channel: string | null;
  search: { reference: string } | { text: string } | null;
  /** Narrows to cases whose SLA clock could be in the states asked for; see RunningClockPrefilter. */
  clock: RunningClockPrefilter | null;
}

/**
 * A necessary (not sufficient) condition for a case's running SLA clock to be in some states,
 * cheap enough for SQL: the service computes the exact state of each row that passes.
 */
export interface RunningClockPrefilter {
  /** Only clocks that started on or before these London days. */
  startedOnOrBefore: { triage: CalendarDate; firstContact: CalendarDate } | null;
  /** Only cases waiting for information (the only ones whose clock can be paused). */
  pausedOnly: boolean;
}

export type QueueSort = (typeof QUEUE_SORTS)[number];

export interface QueuePosition {
  openedAt: Date;
  id: string;
}

const QueueRowSchema = z.object({
  id: z.string(),
  status: CaseStatusSchema,
  version: z.number(),
  urgency: z.string(),
  openedAt: z.date(),
  closedAt: z.date().nullable(),
  allocatedAt: z.date().nullable(),
  triagedAt: z.date().nullable(),
  firstContactAt: z.date().nullable(),
  resumeTo: z.string().nullable(),
  pausedSince: z.date().nullable(),
  pauses: z.unknown(),
  safetyConcern: z.boolean(),
  reference: z.string(),
  fullName: z.string(),
  services: z.array(ServiceIdSchema),
  region: z.string(),
  profession: z.string(),
  channel: ReferralChannelSchema,
  leadId: z.string().nullable(),
  leadName: z.string().nullable(),
});
export type QueueRow = z.infer<typeof QueueRowSchema>;
// Schemas are made once: zod compiles an object schema's parser on its first use, which a
// schema made per request pays on every request (the search's row schema: 266 µs a parse made
// per call, 23 µs made once).
const QueueRowsSchema = z.array(QueueRowSchema);

const StatusCountsSchema = z.array(z.object({ status: z.string(), count: z.number() }));

// A clock runs on triage while new or in triage (or waiting for information from there), and
// on first contact once allocated (or waiting for information from there): the domain's
// findRunningClockKind, in SQL, from the domain's own status lists.
const TRIAGE = Prisma.join([...TRIAGE_CLOCK_STATUSES]);
const FIRST_CONTACT = Prisma.join([...FIRST_CONTACT_CLOCK_STATUSES]);
const ON_TRIAGE_CLOCK = Prisma.sql`(c.status IN (${TRIAGE}) OR (c.status = 'information_requested'
  AND (c.resume_to IS NULL OR c.resume_to NOT IN (${FIRST_CONTACT}))))`;
const ON_FIRST_CONTACT_CLOCK = Prisma.sql`(c.status IN (${FIRST_CONTACT})
  OR (c.status = 'information_requested' AND c.resume_to IN (${FIRST_CONTACT})))`;

/** `%`, `_` and `\` typed by a person match themselves, not any text. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

// The first instant of the day after `day` in London: "started on or before day" is "before this".
function startOfLondonDayAfter(day: CalendarDate): Prisma.Sql {
  return Prisma.sql`((${day}::date + 1)::timestamp AT TIME ZONE 'Europe/London')`;
}

const CLOCK_STATUSES: readonly string[] = ["new", "triage", "information_requested", "allocated", "first_contact"];

/** The statuses a case may have to pass the filter, or null when any status may. */
function findAllowedStatuses(filter: QueueFilter): string[] | null {
  const sets = [...filter.statusSets];
  if (filter.clock) sets.push([...CLOCK_STATUSES]);
  if (filter.clock?.pausedOnly) sets.push(["information_requested"]);
  let allowed: string[] | null = null;
  for (const set of sets) allowed = (allowed ?? set).filter((status) => set.includes(status));
  return allowed === null ? null : [...new Set(allowed)];
}

function toStatusCondition(filter: QueueFilter): Prisma.Sql[] {
  const allowed = findAllowedStatuses(filter);
  if (allowed === null) return [];
  return [allowed.length > 0 ? Prisma.sql`c.status IN (${Prisma.join(allowed)})` : Prisma.sql`FALSE`];
}

// Conditions other than the status sets (which the page query turns into one branch per status).
function toConditions(filter: QueueFilter, options: { statusSets: boolean }): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  for (const leadId of filter.leadIds) conditions.push(Prisma.sql`c.lead_id = ${leadId}::uuid`);
  if (filter.withoutLead) conditions.push(Prisma.sql`c.lead_id IS NULL`);
  if (options.statusSets) conditions.push(...toStatusCondition(filter));
  if (filter.service !== null) conditions.push(Prisma.sql`${filter.service} = ANY (r.services)`);
  if (filter.region !== null) conditions.push(Prisma.sql`r.region = ${filter.region}`);
  if (filter.profession !== null) conditions.push(Prisma.sql`r.profession = ${filter.profession}`);
  if (filter.urgency !== null) conditions.push(Prisma.sql`c.urgency = ${filter.urgency}`);
  if (filter.channel !== null) conditions.push(Prisma.sql`r.channel = ${filter.channel}`);
  if (filter.search !== null) {
    conditions.push(
      "reference" in filter.search
        ? Prisma.sql`r.reference = ${filter.search.reference}`
        : Prisma.sql`c.referral_id = ANY (ARRAY(SELECT id FROM search_matches))`,
    );
  }
  conditions.push(...toClockCondition(filter.clock));
  return conditions;
}

// Reads c.status, c.resume_to, c.opened_at and c.allocated_at only.
function toClockCondition(clock: RunningClockPrefilter | null): Prisma.Sql[] {
  if (clock === null) return [];
  const started = clock.startedOnOrBefore;
  const triageStart = started ? Prisma.sql`AND c.opened_at < ${startOfLondonDayAfter(started.triage)}` : Prisma.empty;
  const firstContactStart = started
    ? Prisma.sql`AND c.allocated_at < ${startOfLondonDayAfter(started.firstContact)}`
    : Prisma.empty;
  return [
    Prisma.sql`((${ON_TRIAGE_CLOCK} ${triageStart})
      OR (${ON_FIRST_CONTACT_CLOCK} AND c.allocated_at IS NOT NULL ${firstContactStart}))`,
  ];
}

/*
 * A text search finds the matching referrals first (search_matches, once per query), then looks
 * their cases up by referral_id: ARRAY(...) is worked out before the cases are read, so this is
 * the only plan, and a search costs what it matches. Left to choose, PostgreSQL guessed from its
 * statistics whether a name was common, and after one ANALYZE in six walked the whole queue in
 * date order looking for a rare one (13 ms became 700 ms at a million cases); for a common one
 * it read every case to join them (over a second).
 * Emails are stored lower-cased: a prefix match uses an index; names match anywhere (trigrams).
 */
function withSearchMatches(filter: QueueFilter): Prisma.Sql {
  if (filter.search === null || "reference" in filter.search) return Prisma.empty;
  const text = escapeLike(filter.search.text);
  return Prisma.sql`WITH search_matches AS MATERIALIZED (
    SELECT id FROM referrals
    WHERE full_name ILIKE ${`%${text}%`} ESCAPE '\\' OR email LIKE ${`${text.toLowerCase()}%`} ESCAPE '\\')`;
}

function toWhere(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

function needsReferral(filter: QueueFilter): boolean {
  return (
    filter.service !== null ||
    filter.region !== null ||
    filter.profession !== null ||
    filter.channel !== null ||
    (filter.search !== null && "reference" in filter.search)
  );
}

export interface QueuePageRequest {
  sort: QueueSort;
  after: QueuePosition | null;
  take: number;
}

const PAGE_JOINS = Prisma.sql`JOIN referrals r ON r.id = c.referral_id LEFT JOIN staff_members l ON l.id = c.lead_id`;

function toPageOrder(page: QueuePageRequest, columns = { openedAt: "c.opened_at", id: "c.id" }): Prisma.Sql {
  const direction = page.sort === "oldest" ? "ASC" : "DESC";
  return Prisma.raw(`ORDER BY ${columns.openedAt} ${direction}, ${columns.id} ${direction}`);
}

// Rows after the cursor's position in the page's order.
function toKeysetCondition(page: QueuePageRequest): Prisma.Sql[] {
  if (!page.after) return [];
  const comparison = page.sort === "oldest" ? Prisma.raw(">") : Prisma.raw("<");
  return [Prisma.sql`(c.opened_at, c.id) ${comparison} (${page.after.openedAt}::timestamptz, ${page.after.id}::uuid)`];
}

const PAGE_COLUMNS = Prisma.sql`
  c.id, c.status, c.version, c.urgency, c.opened_at AS "openedAt", c.closed_at AS "closedAt",
  c.allocated_at AS "allocatedAt", c.triaged_at AS "triagedAt", c.first_contact_at AS "firstContactAt",
  c.resume_to AS "resumeTo", c.paused_since AS "pausedSince", c.pauses, c.safety_concern AS "safetyConcern",
  r.reference, r.full_name AS "fullName", r.services, r.region, r.profession, r.channel,
  l.id AS "leadId", l.name AS "leadName"`;

/*
 * One query: the case, the referral columns the queue shows and the lead's name, in
 * (opened_at, id) order after the cursor's position, stopping at `take`. No OFFSET.
 *
 * With no status restriction PostgreSQL walks an (opened_at, id) index. With one (a view, the
 * status filter, an SLA filter), each allowed status gets its own branch that walks the
 * (status, opened_at, id) index from the cursor and stops at `take`, and the branches are
 * merged. Without this, PostgreSQL walks opened_at and skips every row of the other statuses:
 * open cases are the newest few percent, so "oldest first" would step over years of closed ones.
 * A text search is one such branch (or one per status): the matches' case ids are sorted, and
 * only the page's rows are joined to their referral and lead.
 */
function buildPageQuery(filter: QueueFilter, page: QueuePageRequest, columns: Prisma.Sql = PAGE_COLUMNS): Prisma.Sql {
  const order = Prisma.sql`${toPageOrder(page)} LIMIT ${page.take}`;
  const conditions = [...toConditions(filter, { statusSets: false }), ...toKeysetCondition(page)];

  const allowed = findAllowedStatuses(filter);
  const search = withSearchMatches(filter);
  const textSearch = filter.search !== null && "text" in filter.search;
  if (allowed === null && !textSearch) {
    return Prisma.sql`SELECT ${columns} FROM cases c ${PAGE_JOINS} ${toWhere(conditions)} ${order}`;
  }
  if (allowed?.length === 0) {
    return Prisma.sql`SELECT ${columns} FROM cases c ${PAGE_JOINS} WHERE FALSE`;
  }
  const branchJoin = needsReferral(filter) ? Prisma.sql`JOIN referrals r ON r.id = c.referral_id` : Prisma.empty;
  const branchConditions = allowed?.map((status) => [Prisma.sql`c.status = ${status}`, ...conditions]) ?? [conditions];
  const branches = branchConditions.map(
    (where) => Prisma.sql`(SELECT c.id FROM cases c ${branchJoin} ${toWhere(where)} ${order})`,
  );
  return Prisma.sql`${search} SELECT ${columns}
    FROM (${Prisma.join(branches, " UNION ALL ")}) AS branch
    JOIN cases c ON c.id = branch.id ${PAGE_JOINS}
    ${order}`;
}

/** One keyset page of the queue in (openedAt, id) order, after `page.after` when given. */
export async function findQueueRows(
  prisma: PrismaClient,
  filter: QueueFilter,
  page: QueuePageRequest,
): Promise<QueueRow[]> {
  const rows = await prisma.$queryRaw<unknown[]>(buildPageQuery(filter, page));
  return QueueRowsSchema.parse(rows);
}

const CLOCK_COLUMNS = Prisma.sql`
  c.id, c.status, c.opened_at AS "openedAt", c.closed_at AS "closedAt", c.allocated_at AS "allocatedAt",
  c.triaged_at AS "triagedAt", c.first_contact_at AS "firstContactAt", c.resume_to AS "resumeTo",
  c.paused_since AS "pausedSince", c.pauses, r.reference`;

const ClockRowSchema = QueueRowSchema.pick({
  id: true,
  status: true,
  openedAt: true,
  closedAt: true,
  allocatedAt: true,
  triagedAt: true,
  firstContactAt: true,
  resumeTo: true,
  pausedSince: true,
  pauses: true,
  reference: true,
});
/** What a case's SLA clocks are computed from, with its reference: no names, no other referral detail. */
export type ClockRow = z.infer<typeof ClockRowSchema>;
const ClockRowsSchema = z.array(ClockRowSchema);

/**
 * The same keyset page of the queue as findQueueRows (the same filter, order and plan), with only
 * what the SLA clocks need and the reference: for counting the cases by SLA state.
 */
export async function findClockRows(
  prisma: PrismaClient,
  filter: QueueFilter,
  page: QueuePageRequest,
): Promise<ClockRow[]> {
  const rows = await prisma.$queryRaw<unknown[]>(buildPageQuery(filter, page, CLOCK_COLUMNS));
  return ClockRowsSchema.parse(rows);
}

// A status's count is the sum of its slots (one per database connection, decision 023).
const CASE_STATUS_COUNTS = Prisma.sql`
  SELECT status, sum(count)::int AS count FROM case_status_counts GROUP BY status HAVING sum(count) > 0`;

function buildCountsQuery(filter: QueueFilter): Prisma.Sql {
  const conditions = toConditions(filter, { statusSets: true });
  // Every case (a coordinator's queue unfiltered): the counts a trigger keeps (decision 023),
  // rather than counting every case ever received on every page.
  if (conditions.length === 0) return CASE_STATUS_COUNTS;
  const join = needsReferral(filter) ? Prisma.sql`JOIN referrals r ON r.id = c.referral_id` : Prisma.empty;
  return Prisma.sql`${withSearchMatches(filter)}
    SELECT c.status, count(*)::int AS count
    FROM cases c ${join}
    ${toWhere(conditions)}
    GROUP BY c.status`;
}

/**
 * Cases per status matching the filter: kept counts when nothing narrows the cases, else one
 * GROUP BY (the referral joined only when a filter needs it).
 */
export async function countQueueByStatus(prisma: PrismaClient, filter: QueueFilter): Promise<Record<string, number>> {
  const rows = await prisma.$queryRaw<unknown[]>(buildCountsQuery(filter));
  return Object.fromEntries(StatusCountsSchema.parse(rows).map((row) => [row.status, row.count]));
}

/** A page of the queue and the counts per status beside it. */
export interface QueuePageWithCounts {
  rows: QueueRow[];
  countsByStatus: Record<string, number>;
}

/** The page's filter and the counts' filter of one request. */
export interface QueueFilters {
  page: QueueFilter;
  counts: QueueFilter;
}

/**
 * Whether the page's filter is the counts' filter narrowed by statuses and the SLA prefilter
 * alone (as every request's are), so the page can be drawn from the cases the counts count.
 */
function narrowsByStatusOrClockOnly({ page, counts }: QueueFilters): boolean {
  const { statusSets: pageSets, clock: _pageClock, ...pageRest } = page;
  const { statusSets: countSets, clock: countsClock, ...countsRest } = counts;
  const keys = Object.keys(pageRest) as (keyof typeof pageRest)[];
  return (
    countsClock === null &&
    keys.every((key) => JSON.stringify(pageRest[key]) === JSON.stringify(countsRest[key])) &&
    countSets.every((set) => pageSets.some((pageSet) => JSON.stringify(pageSet) === JSON.stringify(set)))
  );
}

function isCombinedSearch(filters: QueueFilters): boolean {
  const search = filters.counts.search;
  return search !== null && "text" in search && narrowsByStatusOrClockOnly(filters);
}

/*
 * A text search's page and counts in one statement: the matching referrals are found once, their
 * cases read once (with the few columns the counts, the status filter, the SLA prefilter and the
 * order need), and both the counts and the page are drawn from those rows; only the page's rows
 * are then joined to their referral and lead. Two statements found and read the same matches
 * twice (the page 9.3 ms and the counts 8.0 ms at a million cases, docs/performance.md).
 */
function buildSearchPageWithCountsQuery(filters: QueueFilters, page: QueuePageRequest): Prisma.Sql {
  const join = needsReferral(filters.counts) ? Prisma.sql`JOIN referrals r ON r.id = c.referral_id` : Prisma.empty;
  const narrowing = [
    ...toStatusCondition(filters.page),
    ...toClockCondition(filters.page.clock),
    ...toKeysetCondition(page),
  ];
  return Prisma.sql`${withSearchMatches(filters.counts)},
    matches AS MATERIALIZED (
      SELECT c.id, c.status, c.opened_at, c.allocated_at, c.resume_to
      FROM cases c ${join}
      ${toWhere(toConditions(filters.counts, { statusSets: true }))}),
    page AS (SELECT c.id FROM matches c ${toWhere(narrowing)} ${toPageOrder(page)} LIMIT ${page.take}),
    counts AS (
      SELECT coalesce(jsonb_object_agg(status, count), '{}'::jsonb) AS "countsByStatus"
      FROM (SELECT status, count(*)::int AS count FROM matches GROUP BY status) AS by_status)
    SELECT counts."countsByStatus", page_row.*
    FROM counts LEFT JOIN (SELECT ${PAGE_COLUMNS} FROM page JOIN cases c ON c.id = page.id ${PAGE_JOINS}) AS page_row ON TRUE
    ${toPageOrder(page, { openedAt: 'page_row."openedAt"', id: "page_row.id" })}`;
}

// Every row carries the counts; a page's row also its case (an empty page: one row, id null).
const SearchPageRowsSchema = z
  .array(z.object({ countsByStatus: z.record(z.string(), z.number()), id: z.string().nullable() }).loose())
  .min(1);

/**
 * findQueueRows and countQueueByStatus together for a text search (see above), when the page's
 * filter narrows the counts' by statuses and the SLA prefilter only; null for any other request.
 */
export async function findSearchPageWithCounts(
  prisma: PrismaClient,
  filters: QueueFilters,
  page: QueuePageRequest,
): Promise<QueuePageWithCounts | null> {
  if (!isCombinedSearch(filters)) return null;
  const rows = SearchPageRowsSchema.parse(
    await prisma.$queryRaw<unknown[]>(buildSearchPageWithCountsQuery(filters, page)),
  );
  return {
    rows: QueueRowsSchema.parse(rows.filter((row) => row.id !== null)),
    countsByStatus: rows[0]?.countsByStatus ?? {},
  };
}

/**
 * The plans PostgreSQL ran for a request's queries: the page and the counts, or a text search's
 * one statement (findSearchPageWithCounts). For the benchmark script only.
 */
export async function explainQueueQueries(
  prisma: PrismaClient,
  filters: QueueFilters,
  page: QueuePageRequest,
): Promise<{ name: string; plan: string }[]> {
  const queries = isCombinedSearch(filters)
    ? [{ name: "the page and the counts in one statement", query: buildSearchPageWithCountsQuery(filters, page) }]
    : [
        { name: "the page", query: buildPageQuery(filters.page, page) },
        { name: "the counts", query: buildCountsQuery(filters.counts) },
      ];
  const plans: { name: string; plan: string }[] = [];
  for (const { name, query } of queries) {
    const rows = await prisma.$queryRaw<unknown[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${query}`);
    const lines = z.array(z.object({ "QUERY PLAN": z.string() })).parse(rows);
    plans.push({ name, plan: lines.map((row) => row["QUERY PLAN"]).join("\n") });
  }
  return plans;
}
