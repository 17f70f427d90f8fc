import { describe, expect, it } from "vitest";
import { renderSlaDigestEmail, type SlaDigestPayload } from "./digest-email";

const none = { count: 0, references: [] };

function buildPayload(overrides: Partial<SlaDigestPayload> = {}): SlaDigestPayload {
  return {
    date: "2026-12-07",
    viewUrl: "https://psu.example.nhs.uk/staff?view=breaching_soon",
    triage: { breached: none, due_soon: none },
    first_contact: { breached: none, due_soon: none },
    ...overrides,
  };
}

describe("renderSlaDigestEmail", () => {
  it("gives the day and the totals in the subject, and each clock's counts in the body", () => {
    const email = renderSlaDigestEmail(
      buildPayload({
        triage: { breached: { count: 1, references: ["PSU-AAAA-AAAA"] }, due_soon: none },
        first_contact: {
          breached: { count: 2, references: ["PSU-BBBB-BBBB", "PSU-CCCC-CCCC"] },
          due_soon: { count: 1, references: ["PSU-DDDD-DDDD"] },
        },
      }),
    );
    expect(email.subject).toBe("SLA digest for Monday 7 December 2026: 3 breached, 1 due soon");
    expect(email.text).toContain("Triage (due 2 working days after the referral arrives)\nBreached: 1\nDue soon: 0");
    expect(email.text).toContain("First contact (due 5 working days after allocation)\nBreached: 2\nDue soon: 1");
    expect(email.text).toContain("First contact, breached:\nPSU-BBBB-BBBB\nPSU-CCCC-CCCC\n");
    expect(email.text).not.toContain("Triage, due soon:");
    expect(email.text).toContain("https://psu.example.nhs.uk/staff?view=breaching_soon");
  });

  it("says how many more there are than it lists", () => {
    const references = Array.from({ length: 50 }, (_, index) => `PSU-${String(index).padStart(4, "0")}-AAAA`);
    const email = renderSlaDigestEmail(
      buildPayload({ triage: { breached: { count: 73, references }, due_soon: none } }),
    );
    expect(email.text).toContain(`${references.at(-1)}\nand 23 more (the "Breaching soon" view lists them all)`);
  });

  it("still goes out, saying so, when nothing is breaching", () => {
    const email = renderSlaDigestEmail(buildPayload());
    expect(email.subject).toBe("SLA digest for Monday 7 December 2026: 0 breached, 0 due soon");
  });

  it("refuses a payload that is not a digest's", () => {
    expect(() => renderSlaDigestEmail({ reference: "PSU-AAAA-AAAA" })).toThrow();
  });
});
