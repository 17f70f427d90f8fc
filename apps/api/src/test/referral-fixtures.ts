import { randomUUID } from "node:crypto";
import type { ReferralSubmission } from "@psu/domain";

/** A complete, valid referral from an eligible doctor; override parts per test. */
export function buildSubmission(overrides: Partial<ReferralSubmission> = {}): ReferralSubmission {
  return {
    eligibility: {
      referrer: "self",
      region: "london",
      group: "doctor_or_dentist",
      trainingNumber: "current",
      concerns: [],
    },
    services: ["spoc", "coaching"],
    details: {
      fullName: "Alex Example",
      personalEmail: "Alex.Example@example.com",
      phone: "07700 900982",
      preferredContact: "email",
      safeContactTimes: "After 6pm on weekdays",
      registration: { register: "GMC", number: "1234567" },
      programme: "General Practice",
      grade: "ST2",
      employer: "Example NHS Foundation Trust",
      workPattern: "less_than_full_time",
    },
    story: {
      whatIsHappening: "I am finding it hard to keep up after returning from leave.",
      whatHasBeenTried: "I spoke to my educational supervisor.",
      whatWouldHelp: "Someone to talk it through with.",
      howSoon: "soon_within_a_month",
      accessNeeds: "",
    },
    consent: {
      acceptsConfidentialityPolicy: true,
      understandsSafetyOverride: true,
      consentsToSupervisorContact: false,
    },
    ...overrides,
  } as ReferralSubmission;
}

export function newIdempotencyKey(): string {
  return randomUUID();
}
