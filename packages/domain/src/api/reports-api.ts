import { z } from "zod";
import { CaseStatusSchema } from "../cases/case-status";
import { LeadKindSchema } from "../catalogue/services";
import { SlaKindSchema } from "../sla/sla";
import { createSingleLineTextSchema } from "../text/text-input";

// The reports' HTTP contract, shared by the API and the web app. A report covers whole
// calendar months in Europe/London, `from` to `to` inclusive. Reports hold no personal data:
// the oldest open cases are named by reference only, and equality monitoring is aggregate
// with small counts suppressed (see reports/suppression.ts), for ended calendar quarters only
// (reports/equality-periods.ts).

/** A calendar month, "2026-11". */
export const ReportMonthSchema = createSingleLineTextSchema("Month", { error: "Enter a month" }).regex(
  /^\d{4}-(0[1-9]|1[0-2])$/,
  "Enter a month in the format YYYY-MM, for example 2026-11",
);
export type ReportMonth = z.infer<typeof ReportMonthSchema>;

/** The longest period one report covers. */
export const MAX_REPORT_MONTHS = 36;

export const ReportQuerySchema = z
  .object({ from: ReportMonthSchema, to: ReportMonthSchema })
  .refine((query) => query.from <= query.to, {
    path: ["to"],
    error: "The end month must be the same as or after the start month",
  })
  .refine((query) => monthsBetween(query.from, query.to) < MAX_REPORT_MONTHS, {
    path: ["to"],
    error: `A report can cover at most ${MAX_REPORT_MONTHS} months`,
  });
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

function monthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split("-").map(Number) as [number, number];
  const [toYear, toMonth] = to.split("-").map(Number) as [number, number];
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}

/** How many (referrals, cases, places, working days): a whole number, never negative. */
const CountSchema = z.number().int().min(0);

/** One bar or row: a code (service id, region, profession, month, status), its label and count. */
export const ReportCountSchema = z.object({ key: z.string(), label: z.string(), count: CountSchema });
export type ReportCount = z.infer<typeof ReportCountSchema>;

/**
 * Referrals submitted in the period. Every month of the period appears, with 0 where none came.
 * A referral that asked for several services counts once under each of them, so `byService`
 * can add up to more than `total`; the other breakdowns add up to `total` exactly.
 */
export const ReferralVolumesSchema = z.object({
  total: CountSchema,
  byMonth: z.array(ReportCountSchema),
  byService: z.array(ReportCountSchema),
  byRegion: z.array(ReportCountSchema),
  byProfession: z.array(ReportCountSchema),
  /** How the referrals reached the unit: the online form, or email or phone recorded by a coordinator. */
  byChannel: z.array(ReportCountSchema),
});
export type ReferralVolumes = z.infer<typeof ReferralVolumesSchema>;

/**
 * How long one SLA step took, in London working days with paused days taken off (the SLA
 * clock's own counting, so `withinSla` agrees with the case view). Triage covers referrals
 * submitted in the period; first contact covers cases allocated in the period. Median and 90th
 * percentile interpolate between ranks (PostgreSQL percentile_cont, Excel PERCENTILE.INC),
 * rounded to one decimal place; they are null when nothing completed.
 */
export const ResponseTimeSchema = z.object({
  kind: SlaKindSchema,
  targetWorkingDays: CountSchema,
  /** Steps completed (triaged, or first contact made). */
  completed: CountSchema,
  /** Steps in the cohort still waiting (cases withdrawn or closed before the step are left out). */
  waiting: CountSchema,
  medianWorkingDays: z.number().nullable(),
  p90WorkingDays: z.number().nullable(),
  /** Completed by the end of the due date. */
  withinSla: CountSchema,
  /** withinSla / completed, 0 to 1, null when nothing completed. */
  withinSlaShare: z.number().min(0).max(1).nullable(),
});
export type ResponseTime = z.infer<typeof ResponseTimeSchema>;

/** The oldest open cases, by reference only. */
export const OldestOpenCaseSchema = z.object({
  caseId: z.uuid(),
  reference: z.string(),
  status: CaseStatusSchema,
  openedAt: z.iso.datetime(),
  /** London working days since the case opened. */
  ageWorkingDays: CountSchema,
});

/** Open cases now (not limited to the period): by status, and the five oldest. */
export const OpenCasesSchema = z.object({
  total: CountSchema,
  byStatus: z.array(ReportCountSchema),
  oldest: z.array(OldestOpenCaseSchema),
});
export type OpenCases = z.infer<typeof OpenCasesSchema>;

/** Every active lead, with the open cases allocated to them now against their capacity. */
export const CaseloadRowSchema = z.object({
  leadId: z.uuid(),
  name: z.string(),
  leadKinds: z.array(LeadKindSchema),
  open: CountSchema,
  capacity: CountSchema,
});
export type CaseloadRow = z.infer<typeof CaseloadRowSchema>;

export const ReportSummarySchema = z.object({
  from: ReportMonthSchema,
  to: ReportMonthSchema,
  /** When the figures were computed. */
  generatedAt: z.iso.datetime(),
  volumes: ReferralVolumesSchema,
  responseTimes: z.array(ResponseTimeSchema),
  openCases: OpenCasesSchema,
  caseload: z.array(CaseloadRowSchema),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

/**
 * A suppressed count: `count` is null and `suppressed` true when it is under 5 ("fewer than
 * 5"), or when showing it would let someone work a suppressed count out from a total.
 */
export const SuppressedCountSchema = z.object({
  count: CountSchema.nullable(),
  suppressed: z.boolean(),
});
export type SuppressedCount = z.infer<typeof SuppressedCountSchema>;

export const EqualityAnswerCountSchema = SuppressedCountSchema.extend({ answer: z.string(), label: z.string() });

/** One equality question: every answer (in the form's order), "not answered", and the total. */
export const EqualityQuestionReportSchema = z.object({
  question: z.string(),
  label: z.string(),
  answers: z.array(EqualityAnswerCountSchema),
  total: SuppressedCountSchema,
});

/**
 * Equality monitoring responses received in the period, in aggregate only. The period is one
 * calendar quarter that has ended (reports/equality-periods.ts, decision 019).
 */
export const EqualityReportSchema = z.object({
  from: ReportMonthSchema,
  to: ReportMonthSchema,
  generatedAt: z.iso.datetime(),
  responses: SuppressedCountSchema,
  questions: z.array(EqualityQuestionReportSchema),
});
export type EqualityReport = z.infer<typeof EqualityReportSchema>;

/** The tables a report can download as CSV: GET /api/staff/reports/csv/:table?from&to. */
export const REPORT_TABLES = [
  "referrals-by-month",
  "referrals-by-service",
  "referrals-by-region",
  "referrals-by-profession",
  "referrals-by-channel",
  "response-times",
  "open-cases",
  "caseload",
  "equality",
] as const;
export const ReportTableSchema = z.enum(REPORT_TABLES);
export type ReportTable = z.infer<typeof ReportTableSchema>;
