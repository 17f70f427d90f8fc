import { randomUUID } from "node:crypto";
import { buildExampleSubmission, type ReferralSubmission } from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { setAuthenticatorSecret } from "../modules/auth/auth.service";
import { hashPassword } from "../modules/auth/password";
import { submitReferral } from "../modules/referrals/referrals.service";
import type { Encryption } from "../security/encryption";
import { seedEqualityHistory, seedReferralHistory } from "./demo-history";

/** The demo sign-in password, printed in the README. Only ever seeded on the embedded database. */
export const DEMO_PASSWORD = "demo-password-2026";

/**
 * The demo accounts' one authenticator secret (base32), printed in the README: add it to an
 * authenticator app, or run `npm run demo:code` for the current code. Demo database only.
 */
export const DEMO_TOTP_SECRET = "DEMO2FACTORKEYFORTHEPSUDEMOSTAFF";

/** The one demo account with no authenticator yet, to try the first sign-in (once per demo database). */
export const DEMO_NEW_STARTER = "new.starter@psu.example";

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
  // Not signed in yet: their first sign-in sets up an authenticator app (the journey every new member takes).
  { email: "new.starter@psu.example", name: "Nia Starter", role: "coordinator", leadKinds: [], capacity: 0 },
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
export async function seedDemoData(
  prisma: PrismaClient,
  now: Date,
  encryption: Encryption,
): Promise<{ seeded: boolean }> {
  if ((await prisma.staffMember.count()) > 0) return { seeded: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const staff = await prisma.staffMember.createManyAndReturn({
    data: DEMO_STAFF.map((member) => ({ ...member, leadKinds: [...member.leadKinds], passwordHash, affiliations: [] })),
    select: { id: true, email: true },
  });
  // Every role must have a second factor: the demo's is one documented secret, already set up
  // (except for the new starter, who sets up their own at first sign-in).
  for (const member of staff.filter((candidate) => candidate.email !== DEMO_NEW_STARTER))
    await setAuthenticatorSecret(prisma, encryption, { staffId: member.id, secret: DEMO_TOTP_SECRET, now });
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
