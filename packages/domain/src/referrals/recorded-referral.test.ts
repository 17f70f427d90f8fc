import { describe, expect, it } from "vitest";
import { buildExampleRecordedReferral, EXAMPLE_KSS_PHARMACIST_ELIGIBILITY } from "./example-submission";
import { NO_EMAIL_FOR_EMAIL_CONTACT, RecordReferralRequestSchema } from "./recorded-referral";

const REQUEST = buildExampleRecordedReferral({ fullName: "Sam Caller", services: ["not_sure"] });

function fieldsOf(input: unknown): string[] {
  const result = RecordReferralRequestSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
}

describe("a referral recorded by staff", () => {
  it("accepts a phoned-in referral without an email address", () => {
    const parsed = RecordReferralRequestSchema.parse(REQUEST);
    expect(parsed.details.personalEmail).toBeUndefined();
    expect(parsed.details.phone).toBe("+447700900982");
  });

  it("treats a blank email address as none, and keeps one that is given", () => {
    const blank = RecordReferralRequestSchema.parse({
      ...REQUEST,
      details: { ...REQUEST.details, personalEmail: "  " },
    });
    expect(blank.details.personalEmail).toBeUndefined();
    const given = RecordReferralRequestSchema.parse({
      ...REQUEST,
      channel: "email",
      details: { ...REQUEST.details, personalEmail: "Sam@Example.COM", preferredContact: "email" },
    });
    expect(given.details.personalEmail).toBe("Sam@example.com");
  });

  it("refuses email as the preferred contact when there is no address, naming the field", () => {
    const result = RecordReferralRequestSchema.safeParse({
      ...REQUEST,
      details: { ...REQUEST.details, preferredContact: "email" },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(
      expect.objectContaining({ path: ["details", "preferredContact"], message: NO_EMAIL_FOR_EMAIL_CONTACT }),
    );
  });

  it.each([
    ["an online channel", { ...REQUEST, channel: "online" }, "channel"],
    [
      "a bad email address",
      { ...REQUEST, details: { ...REQUEST.details, personalEmail: "nope" } },
      "details.personalEmail",
    ],
    [
      "the confidentiality policy not gone through",
      { ...REQUEST, consent: { ...REQUEST.consent, confidentialityPolicyDiscussed: false } },
      "consent.confidentialityPolicyDiscussed",
    ],
    [
      "the trainee's own consent fields instead of the coordinator's",
      {
        ...REQUEST,
        consent: {
          acceptsConfidentialityPolicy: true,
          understandsSafetyOverride: true,
          consentsToSupervisorContact: false,
        },
      },
      "consent.safetyOverrideDiscussed",
    ],
    [
      "a service closed to the group, alongside another problem",
      {
        ...REQUEST,
        eligibility: EXAMPLE_KSS_PHARMACIST_ELIGIBILITY,
        services: ["mental_health"],
        details: { ...REQUEST.details, preferredContact: "email" },
      },
      "services",
    ],
  ])("names the field for %s", (_case, input, field) => {
    expect(fieldsOf(input)).toContain(field);
  });
});
