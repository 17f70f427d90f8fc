import type { Prisma, PrismaClient } from "@psu/prisma";
import { CASE_STATE_SELECT } from "../../database/case-columns";

const CASE_VIEW_SELECT = {
  ...CASE_STATE_SELECT,
  urgency: true,
  outcome: true,
  safetyConcern: true,
  lead: { select: { id: true, name: true } },
  referral: {
    select: {
      reference: true,
      submittedAt: true,
      channel: true,
      eligibility: true,
      verdict: true,
      services: true,
      fullName: true,
      email: true,
      phone: true,
      preferredContact: true,
      safeContactTimes: true,
      registerName: true,
      registrationNumber: true,
      programme: true,
      grade: true,
      employer: true,
      workPattern: true,
      whatIsHappening: true,
      whatHasBeenTried: true,
      whatWouldHelp: true,
      anonymisedAt: true,
      howSoon: true,
      accessNeeds: true,
      consentsToSupervisorContact: true,
    },
  },
  events: {
    select: { at: true, actorType: true, actorId: true, kind: true, data: true },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.CaseSelect;

export type CaseForView = Prisma.CaseGetPayload<{ select: typeof CASE_VIEW_SELECT }>;

/** The case with its referral, lead and timeline (oldest event first), or null. */
export async function findCaseForView(prisma: PrismaClient, caseId: string): Promise<CaseForView | null> {
  return prisma.case.findUnique({ where: { id: caseId }, select: CASE_VIEW_SELECT });
}
