import { randomInt, randomUUID } from "node:crypto";
import {
  AuthenticatorEnrolmentSchema,
  buildExampleSubmission,
  type CaseStatus,
  EnrolmentConfirmedSchema,
  generateReference,
  type ServiceId,
  SignInStartedSchema,
  type StaffRole,
} from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import type { FastifyInstance } from "fastify";
import { hashPassword } from "../modules/auth/password";
import { generateTotpCode, toTotpStep } from "../modules/auth/totp";

// Shared by every staff-side integration test. Keep the exported signatures stable: other
// modules' tests import them.

export const TEST_STAFF_PASSWORD = "correct horse battery staple";

/** Headers that make an injected write look same-origin (the staff-auth plugin refuses others). */
export const SAME_ORIGIN_HEADERS = { origin: "http://localhost:80", host: "localhost:80" } as const;

export interface TestStaff {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
}

export interface CreateStaffOptions {
  role: StaffRole;
  name?: string;
  email?: string;
  leadKinds?: string[];
  capacity?: number;
  affiliations?: string[];
  active?: boolean;
}

// argon2id is deliberately slow: hash the shared test password once per test file.
let passwordHash: Promise<string> | undefined;

/** Creates a member of staff who can sign in with TEST_STAFF_PASSWORD. */
export async function createStaff(prisma: PrismaClient, options: CreateStaffOptions): Promise<TestStaff> {
  passwordHash ??= hashPassword(TEST_STAFF_PASSWORD);
  const suffix = randomUUID().slice(0, 8);
  const isLead = options.role === "lead";
  const created = await prisma.staffMember.create({
    data: {
      email: options.email ?? `${options.role}.${suffix}@staff.test.example`,
      name: options.name ?? `${options.role[0]?.toUpperCase()}${options.role.slice(1)} ${suffix}`,
      role: options.role,
      passwordHash: await passwordHash,
      active: options.active ?? true,
      leadKinds: options.leadKinds ?? (isLead ? ["spoc"] : []),
      capacity: options.capacity ?? (isLead ? 10 : 0),
      affiliations: options.affiliations ?? [],
    },
    select: { id: true, name: true, email: true },
  });
  return { ...created, role: options.role };
}

// What the fixtures learn when a member enrols: their authenticator secret and recovery codes,
// and the last time step they used (a code is accepted once, and many tests stop the clock).
const enrolled = new Map<string, { secret: string; recoveryCodes: string[]; lastStep: number }>();

/** The cookie a response sets, as a request header value. */
function sessionCookieOf(response: { cookies: { name: string; value: string }[] }): string | null {
  const cookie = response.cookies.find((candidate) => candidate.name.endsWith("psu_session"));
  return cookie ? `${cookie.name}=${cookie.value}` : null;
}

async function injectOrThrow(
  app: FastifyInstance,
  request: { method: "GET" | "POST"; url: string; cookie: string; payload?: object },
) {
  const response = await app.inject({
    method: request.method,
    url: request.url,
    headers: { ...SAME_ORIGIN_HEADERS, cookie: request.cookie },
    ...(request.payload ? { payload: request.payload } : {}),
  });
  if (response.statusCode !== 200) throw new Error(`${request.url} failed: ${response.statusCode} ${response.body}`);
  return response;
}

/**
 * Signs in through the real endpoints, second factor included, and returns headers for later
 * requests: the session cookie plus same-origin headers, so the same headers work for reads and
 * writes. At a member's first sign-in it enrols their authenticator as a person would (key,
 * first code); later it gives the current code, or a recovery code when the clock has not moved
 * past the step last used.
 */
export async function signInAs(app: FastifyInstance, staff: Pick<TestStaff, "email">): Promise<Record<string, string>> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    headers: SAME_ORIGIN_HEADERS,
    payload: { email: staff.email, password: TEST_STAFF_PASSWORD },
  });
  const pending = sessionCookieOf(response);
  if (response.statusCode !== 200 || !pending)
    throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const { next } = SignInStartedSchema.parse(response.json());
  const now = app.now();
  const email = staff.email.toLowerCase();
  let done: Awaited<ReturnType<typeof injectOrThrow>>;

  if (next === "enrol") {
    const enrolment = AuthenticatorEnrolmentSchema.parse(
      (await injectOrThrow(app, { method: "GET", url: "/api/auth/enrolment", cookie: pending })).json(),
    );
    done = await injectOrThrow(app, {
      method: "POST",
      url: "/api/auth/enrolment",
      cookie: pending,
      payload: { code: generateTotpCode(enrolment.secret, now) },
    });
    const { recoveryCodes } = EnrolmentConfirmedSchema.parse(done.json());
    enrolled.set(email, { secret: enrolment.secret, recoveryCodes, lastStep: toTotpStep(now) });
  } else {
    const known = enrolled.get(email);
    if (!known) throw new Error(`no authenticator known for ${email}: sign them in with signInAs first`);
    const step = toTotpStep(now);
    let code: string;
    if (step > known.lastStep) {
      code = generateTotpCode(known.secret, now);
      known.lastStep = step;
    } else {
      const recoveryCode = known.recoveryCodes.shift();
      if (!recoveryCode) throw new Error(`${email} signed in too often without the clock moving`);
      code = recoveryCode;
    }
    done = await injectOrThrow(app, {
      method: "POST",
      url: "/api/auth/second-factor",
      cookie: pending,
      payload: { code },
    });
  }
  const cookie = sessionCookieOf(done);
  if (!cookie) throw new Error("the second factor set no session cookie");
  return { ...SAME_ORIGIN_HEADERS, cookie };
}

/** createStaff then signInAs: a member of staff and their request headers. */
export async function createSignedInStaff(
  app: FastifyInstance,
  options: CreateStaffOptions,
): Promise<{ staff: TestStaff; headers: Record<string, string> }> {
  const staff = await createStaff(app.prisma, options);
  return { staff, headers: await signInAs(app, staff) };
}

export type SignedInStaff = { staff: TestStaff; headers: Record<string, string> };

/** One signed-in member of staff in each role, for tests of who may do what; `lead` is optional details for the lead. */
export async function createSignedInTeam(
  app: FastifyInstance,
  lead: Omit<CreateStaffOptions, "role"> = {},
): Promise<{ admin: SignedInStaff; coordinator: SignedInStaff; lead: SignedInStaff }> {
  return {
    admin: await createSignedInStaff(app, { role: "admin", name: "Ari Admin" }),
    coordinator: await createSignedInStaff(app, { role: "coordinator" }),
    lead: await createSignedInStaff(app, { role: "lead", ...lead }),
  };
}

export interface CreateCaseOptions {
  status?: CaseStatus;
  leadId?: string | null;
  openedAt?: Date;
  allocatedAt?: Date | null;
  triagedAt?: Date | null;
  firstContactAt?: Date | null;
  resumeTo?: CaseStatus | null;
  pausedSince?: Date | null;
  pauses?: { from: string; to: string }[];
  safetyConcern?: boolean;
  urgency?: string;
  services?: ServiceId[];
  region?: "london" | "kss";
  profession?: string;
  fullName?: string;
  email?: string;
  employer?: string;
  version?: number;
}

export interface TestCase {
  caseId: string;
  referralId: string;
  reference: string;
  fullName: string;
  email: string;
}

/**
 * Writes a referral and its case straight to the database (with the `referral_submitted`
 * timeline event a real submission writes). Fields left out get plausible defaults; an
 * allocated-or-later case with a lead gets `allocatedAt` = openedAt unless given.
 */
export async function createTestCase(prisma: PrismaClient, options: CreateCaseOptions = {}): Promise<TestCase> {
  const reference = generateReference(randomInt);
  const code = reference.slice(4).replace("-", "").toLowerCase();
  const openedAt = options.openedAt ?? new Date("2026-11-02T09:00:00Z");
  const status = options.status ?? "new";
  const fullName = options.fullName ?? `Trainee ${code}`;
  const email = (options.email ?? `trainee.${code}@example.com`).toLowerCase();
  const leadId = options.leadId ?? null;
  const referral = await prisma.referral.create({
    data: {
      reference,
      submittedAt: openedAt,
      // The domain's example answers, in the case's region and profession.
      eligibility: {
        ...buildExampleSubmission().eligibility,
        region: options.region ?? "london",
        group: options.profession ?? "doctor_or_dentist",
      },
      verdict: { eligible: true, reasons: [], signposts: [] },
      region: options.region ?? "london",
      profession: options.profession ?? "doctor_or_dentist",
      services: options.services ?? ["spoc"],
      fullName,
      email,
      phone: "07700 900000",
      preferredContact: "email",
      registerName: "GMC",
      registrationNumber: "1234567",
      programme: "General Practice",
      grade: "ST2",
      employer: options.employer ?? "Example NHS Foundation Trust",
      workPattern: "full_time",
      whatIsHappening: "A test referral.",
      howSoon: options.urgency ?? "soon_within_a_month",
      consentsToSupervisorContact: false,
      case: {
        create: {
          status,
          version: options.version ?? 1,
          urgency: options.urgency ?? "soon_within_a_month",
          openedAt,
          leadId,
          allocatedAt: options.allocatedAt !== undefined ? options.allocatedAt : leadId ? openedAt : null,
          triagedAt: options.triagedAt ?? null,
          firstContactAt: options.firstContactAt ?? null,
          resumeTo: options.resumeTo ?? null,
          pausedSince: options.pausedSince ?? null,
          pauses: options.pauses ?? [],
          safetyConcern: options.safetyConcern ?? false,
          closedAt: status === "closed" || status === "withdrawn" ? openedAt : null,
          outcome: status === "closed" ? "support_completed" : null,
          events: {
            create: { at: openedAt, actorType: "trainee", kind: "referral_submitted", data: { status: "new" } },
          },
        },
      },
    },
    select: { id: true, case: { select: { id: true } } },
  });
  if (!referral.case) throw new Error("the case was not created");
  return { caseId: referral.case.id, referralId: referral.id, reference, fullName, email };
}
