import { TERMINAL_CASE_STATUSES } from "@psu/domain";
import { Prisma, type PrismaClient } from "@psu/prisma";
import { z } from "zod";

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

// Raw query results are parsed, not cast: a column renamed in SQL fails here, by name.
async function parseRows<Row>(schema: z.ZodType<Row>, rows: Promise<unknown>): Promise<Row[]> {
  return z.array(schema).parse(await rows);
}

const CountRowSchema = z.object({ key: z.string(), count: z.number() });
export type CountRow = z.infer<typeof CountRowSchema>;

/** Referrals of one London month, region, professional group and channel that asked for the same services. */
const VolumeRowSchema = z.object({
  month: z.string(),
  region: z.string(),
  profession: z.string(),
  channel: z.string(),
  services: z.array(z.string()),
  count: z.number(),
});
export type VolumeRow = z.infer<typeof VolumeRowSchema>;

/**
 * Referrals submitted in the window, counted by London month, region, professional group,
 * channel and the services asked for together: at most a few thousand rows, which the service adds up.
 * (One GROUP BY; formatting dates and unnesting arrays row by row cost more than the counting.)
 */
export function countReferrals(prisma: PrismaClient, window: ReportWindow): Promise<VolumeRow[]> {
  return parseRows(
    VolumeRowSchema,
    prisma.$queryRaw`
    SELECT left(date_trunc('month', r.submitted_at AT TIME ZONE ${LONDON})::date::text, 7) AS month,
           r.region, r.profession, r.channel, r.services, count(*)::int AS count
    FROM referrals r
    WHERE ${windowCondition(Prisma.sql`r.submitted_at`, window)}
    GROUP BY date_trunc('month', r.submitted_at AT TIME ZONE ${LONDON}), r.region, r.profession, r.channel, r.services`,
  );
}

/**
 * Steps never paused, grouped by their London start and completion dates: a year's tens of
 * thousands of cases come back as a few thousand rows, each measured once. `completedDate` is
 * null while the step is waiting, or when the case was closed or withdrawn before it (`stopped`).
 */
const StepGroupRowSchema = z.object({
  startDate: z.string(),
  completedDate: z.string().nullable(),
  stopped: z.boolean(),
  count: z.number(),
});
export type StepGroupRow = z.infer<typeof StepGroupRowSchema>;

/** A step of a case that was paused at some time: measured one by one, with its pauses. */
const PausedStepRowSchema = z.object({
  startedAt: z.date(),
  startDate: z.string(),
  completedAt: z.date().nullable(),
  completedDate: z.string().nullable(),
  stopped: z.boolean(),
  pauses: z.unknown(),
  pausedSince: z.date().nullable(),
});
export type PausedStepRow = z.infer<typeof PausedStepRowSchema>;

export interface StepRows {
  groups: StepGroupRow[];
  paused: PausedStepRow[];
}

const TERMINAL = Prisma.sql`(${Prisma.join([...TERMINAL_CASE_STATUSES])})`;
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
    parseRows(
      StepGroupRowSchema,
      prisma.$queryRaw`
        SELECT ${columns}, count(*)::int AS count
        FROM cases c WHERE ${step.where} AND ${NEVER_PAUSED}
        GROUP BY 1, 2, 3`,
    ),
    parseRows(
      PausedStepRowSchema,
      prisma.$queryRaw`
        SELECT ${columns}, ${step.startedAt} AS "startedAt", ${step.completedAt} AS "completedAt",
               c.pauses, c.paused_since AS "pausedSince"
        FROM cases c WHERE ${step.where} AND NOT ${NEVER_PAUSED}`,
    ),
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

const OldestOpenRowSchema = z.object({
  caseId: z.string(),
  reference: z.string(),
  status: z.string(),
  openedAt: z.date(),
});

/** Open cases now, by status, and the oldest few (by reference only). */
export async function findOpenCases(prisma: PrismaClient, oldest: number) {
  const [byStatus, oldestRows] = await Promise.all([
    parseRows(
      CountRowSchema,
      prisma.$queryRaw`
        SELECT status AS key, count(*)::int AS count FROM cases WHERE status NOT IN ${TERMINAL} GROUP BY 1`,
    ),
    parseRows(
      OldestOpenRowSchema,
      prisma.$queryRaw`
        SELECT c.id AS "caseId", r.reference, c.status, c.opened_at AS "openedAt"
        FROM cases c JOIN referrals r ON r.id = c.referral_id
        WHERE c.status NOT IN ${TERMINAL}
        ORDER BY c.opened_at, c.id LIMIT ${oldest}`,
    ),
  ]);
  return { byStatus, oldest: oldestRows };
}

const CaseloadDbRowSchema = z.object({
  leadId: z.string(),
  name: z.string(),
  leadKinds: z.array(z.string()),
  open: z.number(),
  capacity: z.number(),
});
export type CaseloadDbRow = z.infer<typeof CaseloadDbRowSchema>;

/** Every active lead with the open cases allocated to them now. */
export function findCaseloads(prisma: PrismaClient): Promise<CaseloadDbRow[]> {
  return parseRows(
    CaseloadDbRowSchema,
    prisma.$queryRaw`
      SELECT s.id AS "leadId", s.name, s.lead_kinds AS "leadKinds", s.capacity,
             count(c.id)::int AS open
      FROM staff_members s
      LEFT JOIN cases c ON c.lead_id = s.id AND c.status NOT IN ${TERMINAL}
      WHERE s.role = 'lead' AND s.active
      GROUP BY s.id
      ORDER BY s.name, s.id`,
  );
}

const AnswerCountRowSchema = z.object({ question: z.string(), answer: z.string(), count: z.number() });

/** Equality responses received in the window's months: how many, and each answer's count. */
export async function countEqualityAnswers(prisma: PrismaClient, window: ReportWindow) {
  const [[responses], answers] = await Promise.all([
    parseRows(
      z.object({ count: z.number() }),
      prisma.$queryRaw`
        SELECT count(*)::int AS count FROM equality_responses
        WHERE submitted_month >= ${window.from} AND submitted_month <= ${window.to}`,
    ),
    parseRows(
      AnswerCountRowSchema,
      prisma.$queryRaw`
        SELECT a.key AS question, a.value AS answer, count(*)::int AS count
        FROM equality_responses e CROSS JOIN LATERAL jsonb_each_text(e.answers) AS a(key, value)
        WHERE e.submitted_month >= ${window.from} AND e.submitted_month <= ${window.to}
        GROUP BY 1, 2`,
    ),
  ]);
  return { responses: responses?.count ?? 0, answers };
}
