import { Prisma, type PrismaClient } from "@psu/prisma";

// The reports' reads. PostgreSQL groups and counts and works out London dates; working days,
// bank holidays and pauses are the domain's rules (reports/response-times.ts), applied to the
// grouped rows. A case's opened_at is its referral's submission time (referrals.repository.ts
// sets both), so referrals filter on submitted_at and cases on opened_at.

/** Whole London months: from the first instant of `from` up to, not including, the month after `to`. */
export interface ReportWindow {
  from: string;
  to: string;
}

// A constant, written into the SQL (a bound parameter's type would be unknown to PostgreSQL here).
const LONDON = Prisma.raw("'Europe/London'");

function windowCondition(column: Prisma.Sql, window: ReportWindow): Prisma.Sql {
  const fromDay = `${window.from}-01`;
  const toDay = `${window.to}-01`;
  return Prisma.sql`${column} >= (${fromDay}::date::timestamp AT TIME ZONE ${LONDON})
    AND ${column} < ((${toDay}::date + interval '1 month')::timestamp AT TIME ZONE ${LONDON})`;
}

export interface CountRow {
  key: string;
  count: number;
}

/** Referrals of one London month, region, professional group and channel that asked for the same services. */
export interface VolumeRow {
  month: string;
  region: string;
  profession: string;
  channel: string;
  services: string[];
  count: number;
}

/**
 * Referrals submitted in the window, counted by London month, region, professional group,
 * channel and the services asked for together: at most a few thousand rows, which the service adds up.
 * (One GROUP BY; formatting dates and unnesting arrays row by row cost more than the counting.)
 */
export function countReferrals(prisma: PrismaClient, window: ReportWindow): Promise<VolumeRow[]> {
  return prisma.$queryRaw<VolumeRow[]>`
    SELECT left(date_trunc('month', r.submitted_at AT TIME ZONE ${LONDON})::date::text, 7) AS month,
           r.region, r.profession, r.channel, r.services, count(*)::int AS count
    FROM referrals r
    WHERE ${windowCondition(Prisma.sql`r.submitted_at`, window)}
    GROUP BY date_trunc('month', r.submitted_at AT TIME ZONE ${LONDON}), r.region, r.profession, r.channel, r.services`;
}

/**
 * Steps never paused, grouped by their London start and completion dates: a year's tens of
 * thousands of cases come back as a few thousand rows, each measured once. `completedDate` is
 * null while the step is waiting, or when the case was closed or withdrawn before it (`stopped`).
 */
export interface StepGroupRow {
  startDate: string;
  completedDate: string | null;
  stopped: boolean;
  count: number;
}

/** A step of a case that was paused at some time: measured one by one, with its pauses. */
export interface PausedStepRow {
  startedAt: Date;
  startDate: string;
  completedAt: Date | null;
  completedDate: string | null;
  stopped: boolean;
  pauses: unknown;
  pausedSince: Date | null;
}

export interface StepRows {
  groups: StepGroupRow[];
  paused: PausedStepRow[];
}

const TERMINAL = Prisma.sql`('closed', 'withdrawn')`;
const NEVER_PAUSED = Prisma.sql`(jsonb_array_length(c.pauses) = 0 AND c.paused_since IS NULL)`;

async function findStepRows(
  prisma: PrismaClient,
  step: { startedAt: Prisma.Sql; completedAt: Prisma.Sql; where: Prisma.Sql },
): Promise<StepRows> {
  // A date's text is ISO, "2026-11-24"; cheaper than to_char.
  const columns = Prisma.sql`
    (${step.startedAt} AT TIME ZONE ${LONDON})::date::text AS "startDate",
    (${step.completedAt} AT TIME ZONE ${LONDON})::date::text AS "completedDate",
    (${step.completedAt} IS NULL AND c.status IN ${TERMINAL}) AS stopped`;
  const [groups, paused] = await Promise.all([
    prisma.$queryRaw<StepGroupRow[]>`
      SELECT ${columns}, count(*)::int AS count
      FROM cases c WHERE ${step.where} AND ${NEVER_PAUSED}
      GROUP BY 1, 2, 3`,
    prisma.$queryRaw<PausedStepRow[]>`
      SELECT ${columns}, ${step.startedAt} AS "startedAt", ${step.completedAt} AS "completedAt",
             c.pauses, c.paused_since AS "pausedSince"
      FROM cases c WHERE ${step.where} AND NOT ${NEVER_PAUSED}`,
  ]);
  return { groups, paused };
}

/**
 * Triage: cases opened in the window; done when triage started or, without it, when the case
 * was allocated (case-clocks.ts). First contact: cases allocated in the window.
 */
export async function findSteps(prisma: PrismaClient, window: ReportWindow) {
  const [triage, firstContact] = await Promise.all([
    findStepRows(prisma, {
      startedAt: Prisma.sql`c.opened_at`,
      completedAt: Prisma.sql`coalesce(c.triaged_at, c.allocated_at)`,
      where: windowCondition(Prisma.sql`c.opened_at`, window),
    }),
    findStepRows(prisma, {
      startedAt: Prisma.sql`c.allocated_at`,
      completedAt: Prisma.sql`c.first_contact_at`,
      where: Prisma.sql`c.allocated_at IS NOT NULL AND ${windowCondition(Prisma.sql`c.allocated_at`, window)}`,
    }),
  ]);
  return { triage, firstContact };
}

export interface OldestOpenRow {
  caseId: string;
  reference: string;
  status: string;
  openedAt: Date;
}

/** Open cases now, by status, and the oldest few (by reference only). */
export async function findOpenCases(prisma: PrismaClient, oldest: number) {
  const [byStatus, oldestRows] = await Promise.all([
    prisma.$queryRaw<CountRow[]>`
      SELECT status AS key, count(*)::int AS count FROM cases WHERE status NOT IN ${TERMINAL} GROUP BY 1`,
    prisma.$queryRaw<OldestOpenRow[]>`
      SELECT c.id AS "caseId", r.reference, c.status, c.opened_at AS "openedAt"
      FROM cases c JOIN referrals r ON r.id = c.referral_id
      WHERE c.status NOT IN ${TERMINAL}
      ORDER BY c.opened_at, c.id LIMIT ${oldest}`,
  ]);
  return { byStatus, oldest: oldestRows };
}

export interface CaseloadDbRow {
  leadId: string;
  name: string;
  leadKinds: string[];
  open: number;
  capacity: number;
}

/** Every active lead with the open cases allocated to them now. */
export function findCaseloads(prisma: PrismaClient): Promise<CaseloadDbRow[]> {
  return prisma.$queryRaw<CaseloadDbRow[]>`
    SELECT s.id AS "leadId", s.name, s.lead_kinds AS "leadKinds", s.capacity,
           count(c.id)::int AS open
    FROM staff_members s
    LEFT JOIN cases c ON c.lead_id = s.id AND c.status NOT IN ${TERMINAL}
    WHERE s.role = 'lead' AND s.active
    GROUP BY s.id
    ORDER BY s.name, s.id`;
}

export interface AnswerCountRow {
  question: string;
  answer: string;
  count: number;
}

/** Equality responses received in the window's months: how many, and each answer's count. */
export async function countEqualityAnswers(prisma: PrismaClient, window: ReportWindow) {
  const [[responses], answers] = await Promise.all([
    prisma.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM equality_responses
      WHERE submitted_month >= ${window.from} AND submitted_month <= ${window.to}`,
    prisma.$queryRaw<AnswerCountRow[]>`
      SELECT a.key AS question, a.value AS answer, count(*)::int AS count
      FROM equality_responses e CROSS JOIN LATERAL jsonb_each_text(e.answers) AS a(key, value)
      WHERE e.submitted_month >= ${window.from} AND e.submitted_month <= ${window.to}
      GROUP BY 1, 2`,
  ]);
  return { responses: responses?.count ?? 0, answers };
}
