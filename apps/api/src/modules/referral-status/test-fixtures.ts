import { randomInt } from "node:crypto";
import { type CaseStatus, generateReference } from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";

export interface InsertedReferral {
  reference: string;
  email: string;
  caseId: string;
}

/**
 * Writes a referral and its case straight to the database, for tests of what happens after
 * submission. Only the columns those tests read carry meaning; the rest are placeholders.
 */
export async function insertReferral(
  prisma: PrismaClient,
  options: { email?: string; status?: CaseStatus; submittedAt?: Date } = {},
): Promise<InsertedReferral> {
  const reference = generateReference(randomInt);
  const email = options.email ?? `trainee.${reference.slice(4).toLowerCase()}@example.com`;
  const submittedAt = options.submittedAt ?? new Date("2026-05-01T09:00:00Z");
  const referral = await prisma.referral.create({
    data: {
      reference,
      submittedAt,
      eligibility: { referrer: "self", region: "london", group: "doctor_or_dentist", trainingNumber: "current" },
      verdict: { eligible: true, reasons: [], signposts: [] },
      region: "london",
      profession: "doctor_or_dentist",
      services: ["spoc"],
      fullName: "Test Trainee",
      email,
      phone: "07700 900000",
      preferredContact: "email",
      registerName: "GMC",
      registrationNumber: "1234567",
      programme: "General Practice",
      grade: "ST2",
      employer: "Example NHS Foundation Trust",
      workPattern: "full_time",
      whatIsHappening: "A test referral.",
      howSoon: "soon_within_a_month",
      consentsToSupervisorContact: false,
      case: {
        create: {
          status: options.status ?? "new",
          urgency: "soon_within_a_month",
          openedAt: submittedAt,
          closedAt: options.status === "closed" ? submittedAt : null,
        },
      },
    },
    select: { case: { select: { id: true } } },
  });
  if (!referral.case) throw new Error("the case was not created");
  return { reference, email, caseId: referral.case.id };
}
