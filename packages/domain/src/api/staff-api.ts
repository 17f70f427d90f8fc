import { z } from "zod";
import { LeadSuggestionSchema } from "../assignment/lead-suggestions";
import { AuditActionSchema } from "../audit/audit-actions";
import { CalendarDateSchema } from "../calendar/calendar-date";
import { CaseOutcomeSchema, CaseStatusSchema } from "../cases/case-status";
import { LeadKindSchema, ServiceIdSchema } from "../catalogue/services";
import { EligibilityVerdictSchema } from "../eligibility/eligibility";
import { ReferenceSchema } from "../references/reference";
import { ReferralChannelSchema } from "../referrals/recorded-referral";
import { SlaClockSchema, SlaStateSchema } from "../sla/sla";
import { StaffRoleSchema } from "../staff/staff";
import { createMultiLineTextSchema, createSingleLineTextSchema } from "../text/text-input";

// The staff-side HTTP contract, shared by the API (validation, OpenAPI, response filtering)
// and the web app (parsing answers). Case changes name the version they were based on in an
// `If-Match: "<version>"` header: a stale one is 412, a missing one 428. Searches that may
// carry names or emails are POST bodies, never query strings, so they stay out of URLs and logs.

const Timestamp = z.iso.datetime();
export const StaffRefSchema = z.object({ id: z.uuid(), name: z.string() });
export type StaffRef = z.infer<typeof StaffRefSchema>;

/** Saved views: unassigned (new and triage, no lead), breaching soon (due soon or breached), my cases. */
export const QUEUE_VIEWS = ["all", "unassigned", "breaching_soon", "my_cases"] as const;
export const QueueViewSchema = z.enum(QUEUE_VIEWS);
export const QUEUE_SORTS = ["oldest", "newest"] as const;
export const QueueSortSchema = z.enum(QUEUE_SORTS);

export const QueueQuerySchema = z.object({
  view: QueueViewSchema.default("all"),
  status: z.array(CaseStatusSchema).max(10).optional(),
  service: ServiceIdSchema.optional(),
  region: z.enum(["london", "kss"]).optional(),
  profession: createSingleLineTextSchema("Profession").max(40).optional(),
  urgency: createSingleLineTextSchema("Urgency").max(40).optional(),
  /** A lead's id, or "unassigned". */
  leadId: z.union([z.uuid(), z.literal("unassigned")]).optional(),
  sla: SlaStateSchema.optional(),
  /** How the referral reached the unit: the online form, or email or phone (recorded by staff). */
  channel: ReferralChannelSchema.optional(),
  /** A reference (exact, any format), or part of a name or email address. */
  search: createSingleLineTextSchema("Search").trim().max(100).optional(),
  sort: QueueSortSchema.default("oldest"),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: createSingleLineTextSchema("Cursor").max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type QueueQuery = z.input<typeof QueueQuerySchema>;

export const QueueItemSchema = z.object({
  caseId: z.uuid(),
  reference: z.string(),
  status: CaseStatusSchema,
  version: z.number().int(),
  traineeName: z.string(),
  services: z.array(ServiceIdSchema),
  urgency: z.string(),
  region: z.string(),
  profession: z.string(),
  channel: ReferralChannelSchema,
  openedAt: Timestamp,
  /** Whole working days since the referral arrived. */
  ageWorkingDays: z.number().int(),
  lead: StaffRefSchema.nullable(),
  /** The clock that is running (triage before allocation, first contact after), or null when none is. */
  sla: SlaClockSchema.nullable(),
  safetyConcern: z.boolean(),
});
export type QueueItem = z.infer<typeof QueueItemSchema>;

export const QueuePageSchema = z.object({
  items: z.array(QueueItemSchema),
  nextCursor: z.string().nullable(),
  /** Cases per status across the whole queue the viewer may see (filters other than status applied). */
  countsByStatus: z.record(z.string(), z.number().int()),
});
export type QueuePage = z.infer<typeof QueuePageSchema>;

const SlaStateCountsSchema = z.object({ breached: z.int().nonnegative(), due_soon: z.int().nonnegative() });
/** Open cases breached and due soon on each running SLA clock: the "Breaching soon" view, counted. */
export const BreachingSoonCountsSchema = z.object({
  triage: SlaStateCountsSchema,
  first_contact: SlaStateCountsSchema,
});
export type BreachingSoonCounts = z.infer<typeof BreachingSoonCountsSchema>;

const ViewCountSchema = z.int().nonnegative();
/** How many cases each saved view holds for the viewer (a lead: only their own cases), in one answer. */
export const QueueViewCountsSchema = z.object({
  unassigned: ViewCountSchema,
  breaching_soon: ViewCountSchema,
  my_cases: ViewCountSchema,
  all: ViewCountSchema,
});
export type QueueViewCounts = z.infer<typeof QueueViewCountsSchema>;

export const TimelineEventSchema = z.object({
  at: Timestamp,
  actor: z.object({ type: z.string(), name: z.string().nullable() }),
  kind: z.string(),
  /** A plain-English line for the timeline ("Allocated to Sam Spoc"). */
  summary: z.string(),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

export const CaseNoteSchema = z.object({ at: Timestamp, author: StaffRefSchema, text: z.string() });

export const AllowedTransitionSchema = z.object({
  to: CaseStatusSchema,
  needsReason: z.boolean(),
  needsOutcome: z.boolean(),
});

export const CaseDetailSchema = z.object({
  caseId: z.uuid(),
  reference: z.string(),
  status: CaseStatusSchema,
  version: z.number().int(),
  urgency: z.string(),
  openedAt: Timestamp,
  lead: StaffRefSchema.nullable(),
  safetyConcern: z.boolean(),
  outcome: CaseOutcomeSchema.nullable(),
  resumeTo: CaseStatusSchema.nullable(),
  sla: z.object({ triage: SlaClockSchema, firstContact: SlaClockSchema.nullable() }),
  referral: z.object({
    submittedAt: Timestamp,
    /** How the referral reached the unit; email and phone referrals were recorded by a coordinator. */
    channel: ReferralChannelSchema,
    eligibility: z.record(z.string(), z.unknown()),
    verdict: EligibilityVerdictSchema,
    services: z.array(ServiceIdSchema),
    fullName: z.string(),
    /** Null when a referral recorded from a phone call came without an address. */
    email: z.string().nullable(),
    phone: z.string(),
    preferredContact: z.string(),
    safeContactTimes: z.string().nullable(),
    registerName: z.string(),
    registrationNumber: z.string().nullable(),
    programme: z.string(),
    grade: z.string(),
    employer: z.string(),
    workPattern: z.string(),
    whatIsHappening: z.string(),
    whatHasBeenTried: z.string().nullable(),
    whatWouldHelp: z.string().nullable(),
    howSoon: z.string(),
    accessNeeds: z.string().nullable(),
    consentsToSupervisorContact: z.boolean(),
    /** When the personal details were removed (retention or erasure on request); null until then. */
    anonymisedAt: Timestamp.nullable(),
  }),
  timeline: z.array(TimelineEventSchema),
  notes: z.array(CaseNoteSchema),
  allowedTransitions: z.array(AllowedTransitionSchema),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

/** What a coordinator gets back when a referral received by email or phone is recorded (and again on a retry). */
export const RecordedReferralSchema = z.object({
  reference: ReferenceSchema,
  caseId: z.uuid(),
  /** The last working day by which the PSU will have triaged the referral. */
  triageDueOn: CalendarDateSchema,
});
export type RecordedReferral = z.infer<typeof RecordedReferralSchema>;

export const ChangeStatusRequestSchema = z.object({
  to: CaseStatusSchema,
  reason: createMultiLineTextSchema("Reason").trim().max(2000, "Reason must be 2000 characters or fewer").optional(),
  outcome: CaseOutcomeSchema.optional(),
});
export const AddNoteRequestSchema = z.object({
  text: createMultiLineTextSchema("Note", { error: "Enter the note" })
    .trim()
    .min(1, "Enter the note")
    .max(5000, "Notes must be 5000 characters or fewer"),
});
export const SafetyFlagRequestSchema = z.object({
  flagged: z.boolean(),
  reason: createMultiLineTextSchema("Reason", { error: "Say why" })
    .trim()
    .min(1, "Say why")
    .max(2000, "Reason must be 2000 characters or fewer"),
});
export const AssignRequestSchema = z.object({ leadId: z.uuid({ error: "Choose a lead" }) });
export const FirstContactRequestSchema = z.object({ contactedAt: Timestamp.optional() });

/** What every case change answers: the case as it now is (with its new version). */
export const CaseChangedSchema = z.object({ caseId: z.uuid(), version: z.number().int(), status: CaseStatusSchema });

export const SuggestionListSchema = z.object({ suggestions: z.array(LeadSuggestionSchema) });

export const LeadLeaveSchema = z.object({ id: z.uuid(), fromDay: CalendarDateSchema, toDay: CalendarDateSchema });

export const StaffMemberSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: StaffRoleSchema,
  active: z.boolean(),
  leadKinds: z.array(LeadKindSchema),
  capacity: z.number().int(),
  openCaseCount: z.number().int(),
  affiliations: z.array(z.string()),
  leave: z.array(LeadLeaveSchema),
  /**
   * The latest invitation while they have not yet set a password (it may have expired: compare
   * `expiresAt` with now); null once they have set one. Nobody chooses a password for anyone else.
   */
  invitation: z.object({ sentAt: Timestamp, expiresAt: Timestamp }).nullable(),
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;
export const StaffMemberListSchema = z.object({ members: z.array(StaffMemberSchema) });

/** An organisation a lead belongs to (a Trust), for spotting conflicts of interest. */
const AffiliationSchema = createSingleLineTextSchema("Organisation")
  .trim()
  .min(1, "Enter the organisation's name")
  .max(200, "Organisation names must be 200 characters or fewer");

export const CreateStaffMemberRequestSchema = z.object({
  name: createSingleLineTextSchema("Name", { error: "Enter their name" })
    .trim()
    .min(1, "Enter their name")
    .max(100, "Name must be 100 characters or fewer"),
  email: z.email("Enter an email address").trim().toLowerCase(),
  role: StaffRoleSchema,
  leadKinds: z.array(LeadKindSchema).default([]),
  capacity: z.number().int().min(0).max(200).default(0),
  affiliations: z.array(AffiliationSchema).max(20).default([]),
});
export const UpdateStaffMemberRequestSchema = z.object({
  active: z.boolean().optional(),
  leadKinds: z.array(LeadKindSchema).optional(),
  capacity: z.number().int().min(0).max(200).optional(),
  affiliations: z.array(AffiliationSchema).max(20).optional(),
});
export const AddLeaveRequestSchema = z
  .object({ fromDay: CalendarDateSchema, toDay: CalendarDateSchema })
  .refine((leave) => leave.fromDay <= leave.toDay, {
    message: "The last day must be on or after the first",
    path: ["toDay"],
  });

export const AuditQuerySchema = z.object({
  actorId: z.uuid().optional(),
  caseId: z.uuid().optional(),
  action: AuditActionSchema.optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  cursor: createSingleLineTextSchema("Cursor").max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const AuditEntrySchema = z.object({
  id: z.string(),
  at: Timestamp,
  actor: StaffRefSchema.nullable(),
  action: AuditActionSchema,
  caseId: z.uuid().nullable(),
  reference: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditPageSchema = z.object({ entries: z.array(AuditEntrySchema), nextCursor: z.string().nullable() });
