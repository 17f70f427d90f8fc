import {
  addCalendarDays,
  CASE_STATUS_LABELS,
  type CaseloadRow,
  type CaseStatus,
  type CountedMeasure,
  collectPauses,
  createStepMeasurer,
  DEFAULT_SLA_CONFIG,
  EQUALITY_LABELS,
  EQUALITY_QUESTIONS,
  type EqualityQuestion,
  type EqualityReport,
  findEqualityPeriodIssues,
  formatReportMonth,
  type LeadKind,
  listReportMonths,
  OPEN_CASE_STATUSES,
  type OpenCases,
  REFERRAL_CHANNEL_LABELS,
  REPORT_PROFESSION_LABELS,
  REPORT_REGION_LABELS,
  type ReferralVolumes,
  type ReportCount,
  type ReportQuery,
  type ReportSummary,
  type ReportTable,
  type ResponseTime,
  SERVICE_SHORT_NAMES,
  SERVICES,
  type SlaKind,
  SUPPRESSION_THRESHOLD,
  type SuppressedCount,
  type SuppressionCell,
  summariseSteps,
  suppressQuestion,
  TRAINEE_GROUPS,
  toLondonDate,
  WorkingDayIndex,
  workingDaysBetween,
} from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { AppError } from "../../errors/app-error";
import { recordAudit } from "../audit/audit.repository";
import { caseloadToCsv, equalityToCsv, openCasesToCsv, responseTimesToCsv, volumesToCsv } from "./reports.csv";
import {
  type CountRow,
  countEqualityAnswers,
  countReferrals,
  findCaseloads,
  findOpenCases,
  findSteps,
  type StepRows,
  type VolumeRow,
} from "./reports.repository";

/** How many of the oldest open cases the summary names. */
export const OLDEST_OPEN_CASES = 5;

/**
 * Counts in a fixed order (every known key, 0 where none), then any key the database holds that
 * the code no longer knows, so nothing is silently dropped from a total.
 */
function toCounts(rows: readonly CountRow[], known: readonly (readonly [string, string])[]): ReportCount[] {
  const counts = new Map(rows.map((row) => [row.key, row.count]));
  const listed = known.map(([key, label]) => ({ key, label, count: counts.get(key) ?? 0 }));
  const knownKeys = new Set(known.map(([key]) => key));
  const unknown = rows
    .filter((row) => !knownKeys.has(row.key))
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((row) => ({ key: row.key, label: row.key, count: row.count }));
  return [...listed, ...unknown];
}

/** Adds up the grouped referral counts by month, region, profession, channel and service. */
function sumVolumes(
  rows: readonly VolumeRow[],
): Record<"byMonth" | "byRegion" | "byProfession" | "byChannel" | "byService", CountRow[]> {
  const map = () => new Map<string, number>();
  const sums = { byMonth: map(), byRegion: map(), byProfession: map(), byChannel: map(), byService: map() };
  const add = (into: Map<string, number>, key: string, count: number) => into.set(key, (into.get(key) ?? 0) + count);
  for (const row of rows) {
    add(sums.byMonth, row.month, row.count);
    add(sums.byRegion, row.region, row.count);
    add(sums.byProfession, row.profession, row.count);
    add(sums.byChannel, row.channel, row.count);
    for (const service of row.services) add(sums.byService, service, row.count);
  }
  const toRows = (sum: Map<string, number>) => [...sum].map(([key, count]) => ({ key, count }));
  return {
    byMonth: toRows(sums.byMonth),
    byRegion: toRows(sums.byRegion),
    byProfession: toRows(sums.byProfession),
    byChannel: toRows(sums.byChannel),
    byService: toRows(sums.byService),
  };
}

export function measureResponseTimes(steps: Record<SlaKind, StepRows>, query: ReportQuery, now: Date): ResponseTime[] {
  // From the day before the period (a step starts inside it) to past today (a due date ahead).
  const today = toLondonDate(now);
  const index = new WorkingDayIndex(addCalendarDays(`${query.from}-01`, -1), addCalendarDays(today, 60));
  const measure = createStepMeasurer(index);
  const targets: Record<SlaKind, number> = {
    triage: DEFAULT_SLA_CONFIG.triageWorkingDays,
    first_contact: DEFAULT_SLA_CONFIG.firstContactWorkingDays,
  };
  return (["triage", "first_contact"] as const).map((kind) => {
    const measures: CountedMeasure[] = [];
    let waiting = 0;
    // Steps never paused: one measure per start and completion date, counted as often as it occurred.
    for (const group of steps[kind].groups) {
      if (group.completedDate === null) {
        if (!group.stopped) waiting += group.count;
        continue;
      }
      const measured = measure({
        kind,
        startDate: group.startDate,
        completedDate: group.completedDate,
      });
      measures.push({ ...measured, count: group.count });
    }
    for (const row of steps[kind].paused) {
      if (row.completedAt === null || row.completedDate === null) {
        if (!row.stopped) waiting += 1;
        continue;
      }
      const measured = measure({
        kind,
        startDate: row.startDate,
        completedDate: row.completedDate,
        paused: { startedAt: row.startedAt, completedAt: row.completedAt, pauses: collectPauses(row) },
      });
      measures.push({ ...measured, count: 1 });
    }
    return { kind, targetWorkingDays: targets[kind], waiting, ...summariseSteps(measures) };
  });
}

/** Referrals submitted in the period, by month (every month listed), service, region, profession and channel. */
export async function buildVolumes(prisma: PrismaClient, query: ReportQuery): Promise<ReferralVolumes> {
  const volumes = sumVolumes(await countReferrals(prisma, query));
  const byMonth = toCounts(
    volumes.byMonth,
    listReportMonths(query.from, query.to).map((month) => [month, formatReportMonth(month)] as const),
  );
  return {
    total: byMonth.reduce((sum, row) => sum + row.count, 0),
    byMonth,
    byService: toCounts(
      volumes.byService,
      SERVICES.filter((service) => service.access === "referral").map(
        (service) => [service.id, SERVICE_SHORT_NAMES[service.id]] as const,
      ),
    ),
    byRegion: toCounts(volumes.byRegion, Object.entries(REPORT_REGION_LABELS)),
    byProfession: toCounts(
      volumes.byProfession,
      TRAINEE_GROUPS.map((group) => [group, REPORT_PROFESSION_LABELS[group]] as const),
    ),
    byChannel: toCounts(volumes.byChannel, Object.entries(REFERRAL_CHANNEL_LABELS)),
  };
}

/** Triage and first-contact times for the period. */
export async function buildResponseTimes(prisma: PrismaClient, query: ReportQuery, now: Date): Promise<ResponseTime[]> {
  const steps = await findSteps(prisma, query);
  return measureResponseTimes({ triage: steps.triage, first_contact: steps.firstContact }, query, now);
}

/** Open cases now, by status, and the oldest by reference with their age in working days. */
export async function buildOpenCases(prisma: PrismaClient, now: Date): Promise<OpenCases> {
  const open = await findOpenCases(prisma, OLDEST_OPEN_CASES);
  const today = toLondonDate(now);
  return {
    total: open.byStatus.reduce((sum, row) => sum + row.count, 0),
    byStatus: toCounts(
      open.byStatus,
      OPEN_CASE_STATUSES.map((status) => [status, CASE_STATUS_LABELS[status]] as const),
    ),
    oldest: open.oldest.map((row) => ({
      caseId: row.caseId,
      reference: row.reference,
      status: row.status as CaseStatus,
      openedAt: row.openedAt.toISOString(),
      ageWorkingDays: Math.max(0, workingDaysBetween(toLondonDate(row.openedAt), today)),
    })),
  };
}

/** Every active lead with their open cases now, against their capacity. */
export async function buildCaseload(prisma: PrismaClient): Promise<CaseloadRow[]> {
  return (await findCaseloads(prisma)).map((row) => ({
    leadId: row.leadId,
    name: row.name,
    leadKinds: row.leadKinds as LeadKind[],
    open: row.open,
    capacity: row.capacity,
  }));
}

/** Everything on the reports page for a period, computed now. */
export async function buildReportSummary(prisma: PrismaClient, query: ReportQuery, now: Date): Promise<ReportSummary> {
  const [volumes, responseTimes, openCases, caseload] = await Promise.all([
    buildVolumes(prisma, query),
    buildResponseTimes(prisma, query, now),
    buildOpenCases(prisma, now),
    buildCaseload(prisma),
  ]);
  return {
    from: query.from,
    to: query.to,
    generatedAt: now.toISOString(),
    volumes,
    responseTimes,
    openCases,
    caseload,
  };
}

export const NOT_ANSWERED = { answer: "not_answered", label: "Not answered" } as const;

function toSuppressedCount(cell: SuppressionCell): SuppressedCount {
  return { count: cell.count, suppressed: cell.suppressed };
}

/**
 * Equality monitoring in aggregate: each question's answers in the form's order, then "not
 * answered", every count under 5 suppressed and one more where a total would give it away.
 */
export async function buildEqualityReport(
  prisma: PrismaClient,
  query: ReportQuery,
  now: Date,
): Promise<EqualityReport> {
  const { responses, answers } = await countEqualityAnswers(prisma, query);
  const counts = new Map(answers.map((row) => [`${row.question}\u0000${row.answer}`, row.count]));
  const questions = (Object.keys(EQUALITY_QUESTIONS) as EqualityQuestion[]).map((question) => {
    const labels: Readonly<Record<string, string>> = EQUALITY_LABELS[question];
    const listed = Object.entries(labels).map(([answer, label]) => ({
      answer,
      label,
      raw: counts.get(`${question}\u0000${answer}`) ?? 0,
    }));
    const answered = listed.reduce((sum, row) => sum + row.raw, 0);
    const rows = [...listed, { ...NOT_ANSWERED, raw: responses - answered }];
    const suppressed = suppressQuestion(
      rows.map((row) => row.raw),
      true,
    );
    return {
      question,
      label: EQUALITY_QUESTIONS[question],
      answers: rows.map((row, i) => ({
        answer: row.answer,
        label: row.label,
        ...toSuppressedCount(suppressed.cells[i] as SuppressionCell),
      })),
      total: toSuppressedCount(suppressed.total),
    };
  });
  return {
    from: query.from,
    to: query.to,
    generatedAt: now.toISOString(),
    // None at all is safe to say; one to four is not.
    responses:
      responses === 0 || responses >= SUPPRESSION_THRESHOLD
        ? { count: responses, suppressed: false }
        : { count: null, suppressed: true },
    questions,
  };
}

/** One report table as CSV, computing only the part of the report it comes from. */
export async function exportReportTable(
  prisma: PrismaClient,
  table: ReportTable,
  query: ReportQuery,
  now: Date,
): Promise<string> {
  switch (table) {
    case "referrals-by-month":
    case "referrals-by-service":
    case "referrals-by-region":
    case "referrals-by-profession":
    case "referrals-by-channel":
      return volumesToCsv(table, await buildVolumes(prisma, query));
    case "response-times":
      return responseTimesToCsv(await buildResponseTimes(prisma, query, now));
    case "open-cases":
      return openCasesToCsv(await buildOpenCases(prisma, now));
    case "caseload":
      return caseloadToCsv(await buildCaseload(prisma));
    case "equality":
      return equalityToCsv(await buildEqualityReport(prisma, query, now));
  }
}

/** Who is looking at a report, from where and when: each equality view and download is audited. */
export interface ReportViewer {
  staffId: string;
  ip: string;
  now: Date;
}

/**
 * Refuses a period equality monitoring is not shown for: anything but one calendar quarter that
 * has ended (decision 019), so that no two figures can be subtracted to reveal a hidden count.
 */
function checkEqualityPeriod(query: ReportQuery, now: Date): void {
  const issues = findEqualityPeriodIssues(query, toLondonDate(now));
  if (issues.length > 0) {
    throw new AppError("VALIDATION_FAILED", "Choose a calendar quarter that has ended", issues);
  }
}

/**
 * The equality report for one ended calendar quarter, recorded as viewed with its months
 * (EQUALITY_REPORT_VIEWED).
 */
export async function viewEqualityReport(
  prisma: PrismaClient,
  query: ReportQuery,
  viewer: ReportViewer,
): Promise<EqualityReport> {
  checkEqualityPeriod(query, viewer.now);
  const report = await buildEqualityReport(prisma, query, viewer.now);
  await recordAudit(prisma, {
    actorId: viewer.staffId,
    action: "EQUALITY_REPORT_VIEWED",
    detail: { from: query.from, to: query.to },
    ip: viewer.ip,
  });
  return report;
}

/** One report table as CSV, recorded as downloaded (REPORT_EXPORTED) with its months. */
export async function downloadReportTable(
  prisma: PrismaClient,
  table: ReportTable,
  query: ReportQuery,
  viewer: ReportViewer,
): Promise<string> {
  if (table === "equality") checkEqualityPeriod(query, viewer.now);
  const csv = await exportReportTable(prisma, table, query, viewer.now);
  await recordAudit(prisma, {
    actorId: viewer.staffId,
    action: "REPORT_EXPORTED",
    detail: { table, from: query.from, to: query.to },
    ip: viewer.ip,
  });
  return csv;
}
