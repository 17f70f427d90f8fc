import { randomUUID } from "node:crypto";
import { buildExampleSubmission, type ReferralSubmission } from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { hashPassword } from "../modules/auth/password";
import { submitReferral } from "../modules/referrals/referrals.service";
import { seedEqualityHistory, seedReferralHistory } from "./demo-history";

/** The demo sign-in password, printed in the README. Only ever seeded on the embedded database. */
export const DEMO_PASSWORD = "demo-password-2026";

const DEMO_STAFF = [
  { email: "coordinator@psu.example", name: "Casey Coordinator", role: "coordinator", leadKinds: [], capacity: 0 },
  { email: "admin@psu.example", name: "Ari Admin", role: "admin", leadKinds: [], capacity: 0 },
  { email: "spoc.lead@psu.example", name: "Sam Spoc", role: "lead", leadKinds: ["spoc"], capacity: 8 },
  { email: "ist.lead@psu.example", name: "Indra Ist", role: "lead", leadKinds: ["ist"], capacity: 5 },
  {
    email: "coaching.lead@psu.example",
    name: "Kit Coach",
    role: "lead",
    leadKinds: ["coaching", "careers"],
    capacity: 10,
  },
  // Left the PSU: the demo history's closed cases were theirs, so today's leads' "My cases" are not
  // buried under a year of closed ones. Inactive, so they cannot sign in or be allocated a case.
  {
    email: "former.lead@psu.example",
    name: "Jo Former",
    role: "lead",
    leadKinds: ["spoc", "ist", "coaching", "careers"],
    capacity: 0,
    active: false,
  },
] as const;

function demoReferral(
  fullName: string,
  personalEmail: string,
  services: ReferralSubmission["services"],
  howSoon: ReferralSubmission["story"]["howSoon"],
): ReferralSubmission {
  const example = buildExampleSubmission({ fullName, personalEmail, services, howSoon });
  return {
    ...example,
    story: { whatIsHappening: "Demo referral: fictional person, for trying the staff screens.", howSoon },
  };
}

/**
 * Demo staff, a year of fictional history and three new referrals, so `npm start` has something
 * to show. Runs only on the embedded database and only when no staff exist, so it never touches
 * real data.
 */
export async function seedDemoData(prisma: PrismaClient, now: Date): Promise<{ seeded: boolean }> {
  if ((await prisma.staffMember.count()) > 0) return { seeded: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.staffMember.createMany({
    data: DEMO_STAFF.map((member) => ({ ...member, leadKinds: [...member.leadKinds], passwordHash, affiliations: [] })),
  });
  // A year of closed cases and equality answers first, for the reports; today's three referrals last.
  await seedReferralHistory(prisma, now);
  await seedEqualityHistory(prisma, now);
  const referrals = [
    demoReferral("Jordan Demo", "jordan.demo@example.com", ["spoc"], "urgent_within_a_week"),
    demoReferral("Robin Sample", "robin.sample@example.com", ["coaching"], "when_possible"),
    demoReferral("Taylor Fictional", "taylor.fictional@example.com", ["ist", "spoc"], "soon_within_a_month"),
  ];
  for (const submission of referrals) {
    await submitReferral(prisma, { submission, idempotencyKey: randomUUID(), now });
  }
  return { seeded: true };
}
