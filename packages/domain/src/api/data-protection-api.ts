import { z } from "zod";

// The data-protection HTTP contract (admins only), shared by the API and the web app. The
// trainee's email or reference always travels in a request body, never in a URL, where it
// would reach logs and browser history.

const ReferenceSchema = z
  .string()
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

export const ERASURE_REASON_MAX_LENGTH = 200;

export const ErasureRequestSchema = z.object({
  reference: ReferenceSchema,
  // Goes to the audit log: the form tells the admin not to include personal data.
  reason: z
    .string()
    .trim()
    .min(5, { error: "Enter why the data is being erased, in at least 5 characters" })
    .max(ERASURE_REASON_MAX_LENGTH, { error: `Enter a reason of ${ERASURE_REASON_MAX_LENGTH} characters or fewer` }),
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

export const ErasureResultSchema = z.object({ reference: z.string(), erasedAt: z.string(), withdrawn: z.boolean() });
export type ErasureResult = z.infer<typeof ErasureResultSchema>;
