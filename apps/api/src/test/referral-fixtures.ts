import { randomUUID } from "node:crypto";
import { buildExampleSubmission, type ReferralSubmission } from "@psu/domain";

/** A complete, valid referral from an eligible doctor (the domain's example); override parts per test. */
export function buildSubmission(overrides: Partial<ReferralSubmission> = {}): ReferralSubmission {
  return { ...buildExampleSubmission({ personalEmail: "Alex.Example@example.com" }), ...overrides };
}

export function newIdempotencyKey(): string {
  return randomUUID();
}
