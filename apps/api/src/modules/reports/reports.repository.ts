import { Prisma, type PrismaClient } from "@psu/prisma";

// The reports' reads. Counting is done by PostgreSQL; the SLA steps come back one row per case
// with London dates worked out here, because working days, bank holidays and pauses are the
// domain's rules (reports/response-times.ts). A case's opened_at is its referral's submission
// time (referrals.repository.ts sets both), so the period filters on the indexed opened_at.

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

/** Referrals submitted in the window, by London month, region, professional group and service asked for. */
export async function countReferrals(prisma: PrismaClient, window: ReportWindow) {
  const inWindow = windowCondition(Prisma.sql`c.opened_at`, window);
  const [byMonth, byRegion, byProfession, byService] = await Promise.all([
    prisma.$queryRaw<CountRow[]>`
      SELECT to_char(c.opened_at AT TIME ZONE ${LONDON}, 'YYYY-MM') AS key, count(*)::int AS count
      FROM cases c WHERE ${inWindow} GROUP BY 1`,
    prisma.$queryRaw<CountRow[]>`
      SELECT r.region AS key, count(*)::int AS count
      FROM cases c JOIN referrals r ON r.id = c.referral_id WHERE ${inWindow} GROUP BY 1`,
    prisma.$queryRaw<CountRow[]>`
      SELECT r.profession AS key, count(*)::int AS count
      FROM cases c JOIN referrals r ON r.id = c.referral_id WHERE ${inWindow} GROUP BY 1`,
    prisma.$queryRaw<CountRow[]>`
      SELECT s.service AS key, count(*)::int AS count
      FROM cases c JOIN referrals r ON r.id = c.referral_id
      CROSS JOIN LATERAL unnest(r.services) AS s(service)
      WHERE ${inWindow} GROUP BY 1`,
  ]);
  return { byMonth, byRegion, byProfession, byService };
}

/** One SLA step of one case: started, and completed or still waiting (or stopped by closing). */
export interface StepRow {
  startedAt: Date;
  startDate: string;
  completedAt: Date | null;
  completedDate: string | null;
  /** Closed or withdrawn before the step was completed: neither completed nor waiting. */
  stopped: boolean;
  /** Null when the case was never paused (nearly always). */
  pauses: unknown;
  pausedSince: Date | null;
}

const TERMINAL = Prisma.sql`('closed', 'withdrawn')`;

/**
 * Triage: cases opened in the window; done when triage started or, without it, when the case
 * was allocated (case-clocks.ts). First contact: cases allocated in the window.
 */
export async function findSteps(prisma: PrismaClient, window: ReportWindow) {
  const pauses = Prisma.sql`CASE WHEN jsonb_array_length(c.pauses) > 0 THEN c.pauses END AS pauses,
    c.paused_since AS "pausedSince"`;
  const [triage, firstContact] = await Promise.all([
    prisma.$queryRaw<StepRow[]>`
      SELECT c.opened_at AS "startedAt",
             to_char(c.opened_at AT TIME ZONE ${LONDON}, 'YYYY-MM-DD') AS "startDate",
             coalesce(c.triaged_at, c.allocated_at) AS "completedAt",
             to_char(coalesce(c.triaged_at, c.allocated_at) AT TIME ZONE ${LONDON}, 'YYYY-MM-DD') AS "completedDate",
             (c.status IN ${TERMINAL} AND c.triaged_at IS NULL AND c.allocated_at IS NULL) AS stopped,
             ${pauses}
      FROM cases c WHERE ${windowCondition(Prisma.sql`c.opened_at`, window)}`,
    prisma.$queryRaw<StepRow[]>`
      SELECT c.allocated_at AS "startedAt",
             to_char(c.allocated_at AT TIME ZONE ${LONDON}, 'YYYY-MM-DD') AS "startDate",
             c.first_contact_at AS "completedAt",
             to_char(c.first_contact_at AT TIME ZONE ${LONDON}, 'YYYY-MM-DD') AS "completedDate",
             (c.status IN ${TERMINAL} AND c.first_contact_at IS NULL) AS stopped,
             ${pauses}
      FROM cases c WHERE c.allocated_at IS NOT NULL AND ${windowCondition(Prisma.sql`c.allocated_at`, window)}`,
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
