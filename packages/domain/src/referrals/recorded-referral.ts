import { z } from "zod";
import { PersonalEmailSchema } from "./contact";
import { checkServicesFitGroup, REFERRAL_SECTIONS, ReferralConsentSchema, ReferralDetailsSchema } from "./referral";

// A referral that reached the unit by email or phone, recorded by a coordinator. It has the
// trainee's own sections and rules (reused, not copied), with two differences: a phoned-in
// referral may come without an email address, and the consent section records what the
// coordinator went through with the trainee rather than what the trainee ticked.

/** How a referral reached the unit: the trainee's own online form, or an email or phone call recorded by staff. */
export const REFERRAL_CHANNELS = ["online", "email", "phone"] as const;
export const ReferralChannelSchema = z.enum(REFERRAL_CHANNELS);
export type ReferralChannel = z.infer<typeof ReferralChannelSchema>;

export const REFERRAL_CHANNEL_LABELS: Readonly<Record<ReferralChannel, string>> = {
  online: "Online form",
  email: "Email",
  phone: "Phone",
};

/** The channels a coordinator records a referral from (online referrals come in by themselves). */
export const RECORDED_CHANNELS = ["email", "phone"] as const satisfies readonly ReferralChannel[];
export const RecordedChannelSchema = z.enum(RECORDED_CHANNELS, {
  error: "Select whether the referral came by email or phone",
});
export type RecordedChannel = z.infer<typeof RecordedChannelSchema>;

export const NO_EMAIL_FOR_EMAIL_CONTACT =
  "Preferred contact cannot be email when no email address is given: enter the trainee's personal email address, or choose phone";

/** The trainee's details, with the personal email optional (a blank one is the same as none). */
export const RecordedReferralDetailsSchema = ReferralDetailsSchema.extend({
  personalEmail: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    PersonalEmailSchema.optional(),
  ),
});

/** What the coordinator confirms they went through with the trainee, and the trainee's choice about their supervisor. */
export const RecordedReferralConsentSchema = ReferralConsentSchema.pick({ consentsToSupervisorContact: true }).extend({
  confidentialityPolicyDiscussed: z.literal(true, {
    error: "Confirm you went through the confidentiality policy with the trainee",
  }),
  safetyOverrideDiscussed: z.literal(true, {
    error:
      "Confirm you told the trainee we may share information without their consent if someone is at risk of serious harm",
  }),
});
export type RecordedReferralConsent = z.infer<typeof RecordedReferralConsentSchema>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** `POST /api/staff/referrals`: a referral received by email or phone, as a coordinator records it. */
export const RecordReferralRequestSchema = checkServicesFitGroup(
  z.object({
    channel: RecordedChannelSchema,
    ...REFERRAL_SECTIONS,
    details: RecordedReferralDetailsSchema,
    consent: RecordedReferralConsentSchema,
  }),
).superRefine(
  (request, context) => {
    const details: Record<string, unknown> = request.details;
    const email = details.personalEmail;
    const noEmail = typeof email !== "string" || email.trim() === "";
    if (noEmail && details.preferredContact === "email") {
      context.addIssue({
        code: "custom",
        message: NO_EMAIL_FOR_EMAIL_CONTACT,
        path: ["details", "preferredContact"],
        input: details.preferredContact,
      });
    }
  },
  // Like the services check: said alongside any other problem, reading raw values only.
  { when: (payload) => isRecord(payload.value) && isRecord(payload.value.details) },
);
export type RecordReferralRequest = z.infer<typeof RecordReferralRequestSchema>;
export type RecordReferralInput = z.input<typeof RecordReferralRequestSchema>;
