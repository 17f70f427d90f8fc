import { z } from "zod";
import { keysOf } from "../keys-of";
import { createSingleLineTextSchema } from "../text/text-input";

// The data-protection HTTP contract (admins only), shared by the API and the web app. The
// trainee's email or reference always travels in a request body, never in a URL, where it
// would reach logs and browser history.

const ReferenceSchema = createSingleLineTextSchema("Reference", { error: "Enter the referral reference" })
  .trim()
  .min(1, { error: "Enter the referral reference" })
  .max(40, { error: "A reference is at most 40 characters" });

/** Whose data to export: an email address or a referral reference. */
export const SubjectAccessRequestSchema = z.union([
  z.object({ email: z.email({ error: "Enter an email address in the correct format" }).max(254) }).strict(),
  z.object({ reference: ReferenceSchema }).strict(),
]);
export type SubjectAccessRequest = z.infer<typeof SubjectAccessRequestSchema>;

export const ErasurePreviewRequestSchema = z.object({ reference: ReferenceSchema });

/**
 * Why a trainee's data is erased, as a code: the audit log is append-only and outlives the
 * case, so it holds no free text that could carry personal data.
 */
export const ERASURE_REASON_LABELS = {
  trainee_request: "The trainee asked us to erase their data",
  consent_withdrawn: "The trainee withdrew their consent",
  recorded_in_error: "The referral was recorded in error",
  legal_obligation: "A legal obligation requires it",
} as const satisfies Record<string, string>;
export const ERASURE_REASONS = keysOf(ERASURE_REASON_LABELS);
export const ErasureReasonSchema = z.enum(ERASURE_REASONS, { error: "Choose why the data is being erased" });
export type ErasureReason = z.infer<typeof ErasureReasonSchema>;

/** The request's number in the unit's own records: letters, digits and - / . only, so no name or address fits. */
export const ErasureTicketSchema = createSingleLineTextSchema("Ticket number", {
  error: "Enter the ticket number of the request",
})
  .trim()
  .min(1, { error: "Enter the ticket number of the request" })
  .max(40, { error: "Enter a ticket number of 40 characters or fewer" })
  .regex(/^[A-Za-z0-9][A-Za-z0-9./-]*$/, {
    error: "Enter the ticket number only: letters, numbers, dashes, dots and slashes, no spaces",
  });

export const ErasureRequestSchema = z.object({
  reference: ReferenceSchema,
  reason: ErasureReasonSchema,
  ticket: ErasureTicketSchema,
});
export type ErasureRequest = z.infer<typeof ErasureRequestSchema>;

/** What an admin sees before confirming an erasure. */
export const ErasurePreviewSchema = z.object({
  reference: z.string(),
  submittedAt: z.string(),
  status: z.string().nullable(),
  alreadyErased: z.boolean(),
  timelineEvents: z.number().int(),
});
export type ErasurePreview = z.infer<typeof ErasurePreviewSchema>;

// Values as stored (text, numbers, dates as ISO text, JSON). Not z.json(): its recursion has no
// OpenAPI form, and the generated reference document must stay valid.
const JsonValueSchema = z.unknown();

/** One email queued or sent to the trainee. */
const ExportedEmailSchema = z.object({
  kind: z.string(),
  to: z.string().nullable(),
  queuedAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  content: JsonValueSchema,
});

/** The subject access export: everything held about a trainee, column by column as stored. */
export const SubjectAccessExportSchema = z.object({
  exportedAt: z.iso.datetime(),
  referrals: z.array(
    z.object({
      reference: z.string(),
      /** Every column of the referral (personal-data registry), by name, as stored. */
      referral: z.record(z.string(), JsonValueSchema),
      case: z
        .object({
          /** Every column of the case, as stored. */
          columns: z.record(z.string(), JsonValueSchema),
          lead: z.string().nullable(),
          timeline: z.array(
            z.object({ at: z.iso.datetime(), kind: z.string(), by: z.string().nullable(), data: JsonValueSchema }),
          ),
          accessLog: z.array(z.object({ at: z.iso.datetime(), action: z.string(), by: z.string().nullable() })),
        })
        .nullable(),
      emails: z.array(ExportedEmailSchema),
    }),
  ),
  /**
   * Saved answers ("save and come back later") whose email address is the trainee's: every
   * column of each (personal-data registry), as stored. They are linked to no referral.
   */
  drafts: z.array(z.record(z.string(), JsonValueSchema)),
});
export type SubjectAccessExport = z.infer<typeof SubjectAccessExportSchema>;

export const ErasureResultSchema = z.object({ reference: z.string(), erasedAt: z.string(), withdrawn: z.boolean() });
export type ErasureResult = z.infer<typeof ErasureResultSchema>;
