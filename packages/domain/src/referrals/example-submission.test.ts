import { describe, expect, it } from "vitest";
import { buildExampleRecordedReferral, buildExampleSubmission } from "./example-submission";
import { RecordReferralRequestSchema } from "./recorded-referral";
import { ReferralSubmissionSchema } from "./referral";

describe("the example referral", () => {
  it("is valid as it stands and with its options", () => {
    expect(ReferralSubmissionSchema.safeParse(buildExampleSubmission()).success).toBe(true);
    const other = buildExampleSubmission({ fullName: "Sam Jones", services: ["ist"], howSoon: "urgent_within_a_week" });
    expect(ReferralSubmissionSchema.parse(other).details.personalEmail).toBe("sam.jones@example.com");
  });

  it("has a valid phoned-in form, without an email address", () => {
    const recorded = RecordReferralRequestSchema.parse(buildExampleRecordedReferral());
    expect(recorded.details.personalEmail).toBeUndefined();
  });
});
