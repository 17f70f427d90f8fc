import { AuthenticatorEnrolmentSchema, EnrolmentConfirmedSchema } from "@psu/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { type TestApp, useTestApp } from "../../test/build-test-app";
import { setAuthenticatorSecret } from "./auth.service";
import { hashPassword } from "./password";
import { generateTotpCode } from "./totp";

let clock = new Date("2026-11-24T09:00:00Z");
const PASSWORD = "correct horse battery staple";
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const ORIGIN = { origin: "http://localhost:80", host: "localhost:80" };
const STEP_MS = 30_000;

type Response = Awaited<ReturnType<TestApp["app"]["inject"]>>;

const testApp = useTestApp({ now: () => clock });
beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  const common = { passwordHash, leadKinds: [], affiliations: [] };
  await testApp.app.prisma.staffMember.createMany({
    data: [
      { ...common, email: "coordinator@test.example", name: "Casey", role: "coordinator" },
      { ...common, email: "locked@test.example", name: "Lee", role: "lead", leadKinds: ["spoc"], capacity: 3 },
      { ...common, email: "gone@test.example", name: "Gone", role: "lead", active: false },
      { ...common, email: "new@test.example", name: "Nova", role: "admin" },
      { ...common, email: "codes@test.example", name: "Cody", role: "lead" },
      { ...common, email: "guesser@test.example", name: "Gus", role: "coordinator" },
    ],
  });
  // Members already enrolled, with a secret this file knows.
  for (const email of ["coordinator@test.example", "locked@test.example", "guesser@test.example"]) {
    const { id } = await testApp.app.prisma.staffMember.findUniqueOrThrow({ where: { email }, select: { id: true } });
    await setAuthenticatorSecret(testApp.app.prisma, testApp.app.encryption, {
      staffId: id,
      secret: SECRET,
      now: clock,
    });
  }
});

/** Moves the clock to the next 30-second step, so a fresh TOTP code is due. */
function nextStep(): void {
  clock = new Date(clock.getTime() + STEP_MS);
}

function cookieOf(response: Response): string {
  const cookie = response.cookies.find((candidate) => candidate.name === "psu_session");
  if (!cookie) throw new Error(`no session cookie: ${response.statusCode} ${response.body}`);
  return `psu_session=${cookie.value}`;
}

async function signIn(email: string, password = PASSWORD) {
  return testApp.app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    headers: ORIGIN,
    payload: { email, password },
  });
}

async function post(url: string, cookie: string, payload: object) {
  return testApp.app.inject({ method: "POST", url, headers: { ...ORIGIN, cookie }, payload });
}

async function me(cookie: string) {
  return testApp.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
}

/** Password then a fresh authenticator code: a signed-in cookie. */
async function signInFully(email = "coordinator@test.example"): Promise<string> {
  nextStep();
  const pending = cookieOf(await signIn(email));
  const done = await post("/api/auth/second-factor", pending, { code: generateTotpCode(SECRET, clock) });
  expect(done.statusCode).toBe(200);
  return cookieOf(done);
}

async function auditRows(action: string, actorEmail?: string) {
  const actor = actorEmail
    ? await testApp.app.prisma.staffMember.findUniqueOrThrow({ where: { email: actorEmail }, select: { id: true } })
    : null;
  return testApp.app.prisma.auditEntry.findMany({
    where: { action, ...(actor ? { actorId: actor.id } : {}) },
    select: { actorId: true, detail: true, ipHash: true },
    orderBy: { id: "asc" },
  });
}

describe("signing in: the password step", () => {
  it("answers a right password with a pending session in an HttpOnly SameSite=Strict cookie, and what comes next", async () => {
    const response = await signIn("Coordinator@Test.Example");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ next: "second-factor" });
    const cookie = response.cookies.find((candidate) => candidate.name === "psu_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect((await signIn("new@test.example")).json()).toEqual({ next: "enrol" });
  });

  it("lets a pending session reach no staff route", async () => {
    const pending = cookieOf(await signIn("coordinator@test.example"));
    expect((await me(pending)).statusCode).toBe(401);
    const queue = await post("/api/staff/queue", pending, {});
    expect(queue.statusCode).toBe(401);
  });

  it("stores only a keyed hash of each session token", async () => {
    const token = cookieOf(await signIn("coordinator@test.example")).split("=")[1] ?? "";
    const rows = await testApp.app.prisma.staffSession.findMany({ select: { tokenHash: true } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.tokenHash))).toBe(true);
    expect(rows.some((row) => row.tokenHash.includes(token))).toBe(false);
  });

  it("answers a wrong password, an unknown email and a disabled account alike with 401, auditing each without the email", async () => {
    const answers = await Promise.all([
      signIn("coordinator@test.example", "wrong"),
      signIn("nobody@test.example"),
      signIn("gone@test.example"),
    ]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([401, 401, 401]);
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
    const failed = await auditRows("SIGN_IN_FAILED");
    expect(failed.map((row) => row.detail).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      { reason: "inactive-account" },
      { reason: "unknown-account" },
      { reason: "wrong-password" },
    ]);
    const unknown = failed.find((row) => JSON.stringify(row.detail).includes("unknown"));
    expect(unknown?.actorId).toBeNull();
    expect(unknown?.ipHash).toMatch(/^[0-9a-f]+$/);
    expect(JSON.stringify(failed)).not.toContain("nobody");
  });

  it("locks an account after 10 failed passwords in 5 minutes, even for the right one, and audits the lock once", async () => {
    for (let attempt = 1; attempt <= 10; attempt++)
      expect((await signIn("locked@test.example", "wrong")).statusCode).toBe(401);
    const locked = await signIn("locked@test.example");
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    expect(locked.json().error.code).toBe("TOO_MANY_REQUESTS");
    expect(await auditRows("SIGN_IN_LOCKED_OUT", "locked@test.example")).toHaveLength(1);
    clock = new Date(clock.getTime() + 5 * 60_000 + 1_000);
    expect((await signIn("locked@test.example")).statusCode).toBe(200);
  });
});

describe("first sign-in: setting up an authenticator app", () => {
  let pending: string;
  let secret: string;

  it("gives the key and a QR code, the same on a second ask, and keeps the key encrypted", async () => {
    pending = cookieOf(await signIn("new@test.example"));
    const first = await testApp.app.inject({ method: "GET", url: "/api/auth/enrolment", headers: { cookie: pending } });
    expect(first.statusCode).toBe(200);
    const enrolment = AuthenticatorEnrolmentSchema.parse(first.json());
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.accountName).toBe("new@test.example");
    expect(Buffer.from(enrolment.qrCode.split(",")[1] ?? "", "base64").toString()).toMatch(/^<svg /);
    secret = enrolment.secret;
    const again = await testApp.app.inject({ method: "GET", url: "/api/auth/enrolment", headers: { cookie: pending } });
    expect(AuthenticatorEnrolmentSchema.parse(again.json()).secret).toBe(secret);
    const stored = await testApp.app.prisma.staffMember.findUniqueOrThrow({
      where: { email: "new@test.example" },
      select: { totpSecret: true, totpEnabledAt: true },
    });
    expect(stored.totpEnabledAt).toBeNull();
    expect(stored.totpSecret).not.toContain(secret);
  });

  it("refuses the enrolment to a session at the other stage, or none", async () => {
    const other = cookieOf(await signIn("coordinator@test.example"));
    for (const cookie of [other, "psu_session=made-up"]) {
      const response = await testApp.app.inject({ method: "GET", url: "/api/auth/enrolment", headers: { cookie } });
      expect(response.statusCode).toBe(401);
    }
  });

  it("refuses a wrong first code, naming the field, and a code that is not 6 digits with 400", async () => {
    const wrong = await post("/api/auth/enrolment", pending, { code: "000000" });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.fields).toEqual([{ field: "code", message: expect.any(String) }]);
    const malformed = await post("/api/auth/enrolment", pending, { code: "12ab" });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.fields[0].field).toBe("code");
  });

  it("confirms with the first code: signed in under a new token, 10 recovery codes shown once and kept hashed", async () => {
    const response = await post("/api/auth/enrolment", pending, { code: generateTotpCode(secret, clock) });
    expect(response.statusCode).toBe(200);
    const confirmed = EnrolmentConfirmedSchema.parse(response.json());
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.recoveryCodes).size).toBe(10);
    expect(confirmed.recoveryCodes.every((code) => /^[2-9A-Z]{5}-[2-9A-Z]{5}$/.test(code))).toBe(true);
    const signedIn = cookieOf(response);
    expect(signedIn).not.toBe(pending);
    expect((await me(signedIn)).json().staff.email).toBe("new@test.example");
    expect((await me(pending)).statusCode).toBe(401);

    const stored = await testApp.app.prisma.staffRecoveryCode.findMany({
      where: { staff: { email: "new@test.example" } },
      select: { codeHash: true, usedAt: true },
    });
    expect(stored).toHaveLength(10);
    const plain = confirmed.recoveryCodes.map((code) => code.replace("-", ""));
    expect(stored.some((row) => plain.some((code) => row.codeHash.includes(code)))).toBe(false);
    expect(await auditRows("SECOND_FACTOR_ENROLLED", "new@test.example")).toHaveLength(1);
    expect((await auditRows("SIGNED_IN", "new@test.example")).map((row) => row.detail)).toEqual([
      { method: "enrolment" },
    ]);

    // Confirmed once: the pending session has gone, and the next sign-in asks for a code.
    expect((await post("/api/auth/enrolment", pending, { code: generateTotpCode(secret, clock) })).statusCode).toBe(
      401,
    );
    expect((await signIn("new@test.example")).json()).toEqual({ next: "second-factor" });
  });
});

describe("the second step: a code", () => {
  it("signs in with a right code under a new token, and refuses the same code again", async () => {
    nextStep();
    const pending = cookieOf(await signIn("coordinator@test.example"));
    const code = generateTotpCode(SECRET, clock);
    const done = await post("/api/auth/second-factor", pending, { code });
    expect(done.statusCode).toBe(200);
    expect(done.json().staff).toMatchObject({ email: "coordinator@test.example", role: "coordinator" });
    const signedIn = cookieOf(done);
    expect(signedIn).not.toBe(pending);
    expect((await me(signedIn)).statusCode).toBe(200);
    expect((await me(pending)).statusCode).toBe(401);

    const again = cookieOf(await signIn("coordinator@test.example"));
    const reused = await post("/api/auth/second-factor", again, { code });
    expect(reused.statusCode).toBe(401);
    // A code one step old is within the tolerance, but its step has been used: refused too.
    nextStep();
    const previous = generateTotpCode(SECRET, new Date(clock.getTime() - STEP_MS));
    expect((await post("/api/auth/second-factor", again, { code: previous })).statusCode).toBe(401);
    expect((await post("/api/auth/second-factor", again, { code: generateTotpCode(SECRET, clock) })).statusCode).toBe(
      200,
    );
  });

  it("accepts the same code only once when sent twice at the same moment", async () => {
    nextStep();
    const [first, second] = [
      cookieOf(await signIn("coordinator@test.example")),
      cookieOf(await signIn("coordinator@test.example")),
    ];
    const code = generateTotpCode(SECRET, clock);
    const answers = await Promise.all([
      post("/api/auth/second-factor", first, { code }),
      post("/api/auth/second-factor", second, { code }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 401]);
  });

  it("refuses a wrong code and a code from far off, auditing the failure without the code", async () => {
    nextStep();
    const pending = cookieOf(await signIn("coordinator@test.example"));
    const before = (await auditRows("SECOND_FACTOR_FAILED", "coordinator@test.example")).length;
    const far = generateTotpCode(SECRET, new Date(clock.getTime() + 3 * STEP_MS));
    expect((await post("/api/auth/second-factor", pending, { code: far })).statusCode).toBe(401);
    const failed = await auditRows("SECOND_FACTOR_FAILED", "coordinator@test.example");
    expect(failed).toHaveLength(before + 1);
    expect(failed.at(-1)?.detail).toEqual({ method: "authenticator" });
    expect(JSON.stringify(failed)).not.toContain(far);
  });

  it("accepts each recovery code once, in any case and spacing, and audits its use", async () => {
    nextStep();
    const pending = cookieOf(await signIn("codes@test.example"));
    const enrolment = AuthenticatorEnrolmentSchema.parse(
      (await testApp.app.inject({ method: "GET", url: "/api/auth/enrolment", headers: { cookie: pending } })).json(),
    );
    const { recoveryCodes } = EnrolmentConfirmedSchema.parse(
      (await post("/api/auth/enrolment", pending, { code: generateTotpCode(enrolment.secret, clock) })).json(),
    );
    const code = recoveryCodes[0] ?? "";
    const first = cookieOf(await signIn("codes@test.example"));
    const used = await post("/api/auth/second-factor", first, { code: ` ${code.toLowerCase().replace("-", " ")} ` });
    expect(used.statusCode).toBe(200);
    expect((await me(cookieOf(used))).statusCode).toBe(200);
    const second = cookieOf(await signIn("codes@test.example"));
    expect((await post("/api/auth/second-factor", second, { code })).statusCode).toBe(401);
    // Another member's code is no use either.
    expect((await post("/api/auth/second-factor", second, { code: "ABCDE-23456" })).statusCode).toBe(401);
    expect((await post("/api/auth/second-factor", second, { code: recoveryCodes[1] ?? "" })).statusCode).toBe(200);
    expect(await auditRows("RECOVERY_CODE_USED", "codes@test.example")).toHaveLength(2);
    expect((await auditRows("SIGNED_IN", "codes@test.example")).map((row) => row.detail)).toContainEqual({
      method: "recovery-code",
    });
  });

  it("locks the code step after 10 wrong codes in 15 minutes, even for a right one: 429 with Retry-After, audited once", async () => {
    nextStep();
    const pending = cookieOf(await signIn("guesser@test.example"));
    for (let attempt = 1; attempt <= 10; attempt++)
      expect((await post("/api/auth/second-factor", pending, { code: "000000" })).statusCode).toBe(401);
    const locked = await post("/api/auth/second-factor", pending, { code: generateTotpCode(SECRET, clock) });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    expect((await post("/api/auth/second-factor", pending, { code: "000000" })).statusCode).toBe(429);
    expect((await auditRows("SIGN_IN_LOCKED_OUT", "guesser@test.example")).map((row) => row.detail)).toEqual([
      { limit: "secondFactorFailures" },
    ]);
  });

  it("ends a pending session after 10 minutes", async () => {
    nextStep();
    const pending = cookieOf(await signIn("coordinator@test.example"));
    clock = new Date(clock.getTime() + 10 * 60_000 + 1_000);
    const late = await post("/api/auth/second-factor", pending, { code: generateTotpCode(SECRET, clock) });
    expect(late.statusCode).toBe(401);
    expect(late.json().error.message).toMatch(/Sign in again/);
  });
});

describe("signed-in sessions", () => {
  it("ends a session after 30 minutes idle", async () => {
    const cookie = await signInFully();
    clock = new Date(clock.getTime() + 29 * 60_000);
    expect((await me(cookie)).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 31 * 60_000);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it("ends a session 12 hours after sign-in, however active", async () => {
    const cookie = await signInFully();
    // Every 29 minutes: never idle. 24 steps is 11 h 36 min (still in); the 25th is 12 h 5 min.
    for (let step = 1; step <= 25; step++) {
      clock = new Date(clock.getTime() + 29 * 60_000);
      expect((await me(cookie)).statusCode).toBe(step <= 24 ? 200 : 401);
    }
  });

  it("ends the session on the server at sign-out, and audits it", async () => {
    const cookie = await signInFully();
    const before = (await auditRows("SIGNED_OUT", "coordinator@test.example")).length;
    const out = await testApp.app.inject({ method: "POST", url: "/api/auth/sign-out", headers: { ...ORIGIN, cookie } });
    expect(out.statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
    expect(await auditRows("SIGNED_OUT", "coordinator@test.example")).toHaveLength(before + 1);
  });

  it("refuses a write carrying the cookie from another origin", async () => {
    const cookie = await signInFully();
    const response = await testApp.app.inject({
      method: "POST",
      url: "/api/auth/sign-out",
      headers: { cookie, origin: "https://evil.example", host: "localhost:80" },
    });
    expect(response.statusCode).toBe(403);
    expect((await me(cookie)).statusCode).toBe(200);
  });

  it("stores passwords as argon2id hashes", async () => {
    expect(await hashPassword("x".repeat(12))).toMatch(/^\$argon2id\$/);
  });
});
