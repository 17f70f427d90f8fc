import { z } from "zod";
import { CalendarDateSchema } from "../calendar/calendar-date";
import { ReferenceInputSchema, ReferenceSchema } from "../references/reference";
import { EqualityMonitoringSchema } from "../referrals/equality-monitoring";
import { ReferralDraftSchema } from "../referrals/referral";
import { TRAINEE_STATUSES } from "../referrals/referral-status";
import { ResumeCodeSchema } from "../referrals/resume-code";
import { createMultiLineTextSchema, createSingleLineTextSchema } from "../text/text-input";

// The trainee-facing HTTP contract beyond eligibility: request and response bodies shared by
// the API (validation, OpenAPI) and the web app (parsing answers). Nothing here holds rules.

/** What a trainee gets back when a referral is accepted (and again on an idempotent retry). */
export const ReferralReceiptSchema = z.object({
  reference: ReferenceSchema,
  submittedAt: z.iso.datetime(),
  /** The last working day by which the PSU will have triaged the referral. */
  triageDueOn: CalendarDateSchema,
});
export type ReferralReceipt = z.infer<typeof ReferralReceiptSchema>;

export const SaveDraftRequestSchema = z.object({
  data: ReferralDraftSchema,
  /** The code from an earlier save, to update that draft rather than start another. */
  resumeCode: ResumeCodeSchema.optional(),
});
export type SaveDraftRequest = z.infer<typeof SaveDraftRequestSchema>;

export const SavedDraftSchema = z.object({
  resumeCode: z.string(),
  expiresAt: z.iso.datetime(),
});
export type SavedDraft = z.infer<typeof SavedDraftSchema>;

export const ResumeDraftRequestSchema = z.object({ resumeCode: ResumeCodeSchema });
export const ResumedDraftSchema = z.object({ data: ReferralDraftSchema, expiresAt: z.iso.datetime() });
export type ResumedDraft = z.infer<typeof ResumedDraftSchema>;

export const StatusLookupRequestSchema = z.object({
  reference: ReferenceInputSchema,
  email: createSingleLineTextSchema("Email address", { error: "Enter the email address you gave us" })
    .trim()
    .min(1, "Enter the email address you gave us")
    .max(254),
});
export type StatusLookupRequest = z.infer<typeof StatusLookupRequestSchema>;

export const TraineeStatusSchema = z.enum(TRAINEE_STATUSES);

export const ReferralStatusSchema = z.object({
  reference: ReferenceSchema,
  status: TraineeStatusSchema,
  submittedOn: CalendarDateSchema,
  /** The triage clock's due date, as staff see it: what the trainee is promised (describeWhatHappensNext). */
  triageDueOn: CalendarDateSchema,
  canWithdraw: z.boolean(),
});
export type ReferralStatus = z.infer<typeof ReferralStatusSchema>;

export const WithdrawRequestSchema = StatusLookupRequestSchema.extend({
  reason: createMultiLineTextSchema("Reason").trim().max(1000, "Reason must be 1000 characters or fewer").optional(),
});
export type WithdrawRequest = z.infer<typeof WithdrawRequestSchema>;

export const EqualityResponseRequestSchema = z.object({ answers: EqualityMonitoringSchema });
export type EqualityResponseRequest = z.infer<typeof EqualityResponseRequestSchema>;
