import { INVALID_LINK_MESSAGE, LinkHolderSchema, PASSWORD_MESSAGES, StaffMemberSchema } from "@psu/domain";
import type { FastifyBaseLogger } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import { errorOf } from "../../test/error-body";
import {
  createSignedInStaff,
  createStaff,
  SAME_ORIGIN_HEADERS,
  type SignedInStaff,
  signInAs,
  TEST_STAFF_PASSWORD,
} from "../../test/staff-fixtures";
import { processOutboxOnce } from "../outbox/outbox.worker";

// Nobody chooses a password for anyone else: invitations, resets by email and changing one's
// own password, against the real app and database. The clock only moves forward.

let now = new Date("2026-11-24T10:00:00Z");
let admin: SignedInStaff;
const GOOD_PASSWORD = "plum kettle orbit lantern";

const testApp = useTestApp({ now: () => now });
beforeAll(async () => {
  admin = await createSignedInStaff(testApp.app, { role: "admin", name: "Ari Admin" });
});

/** Moves the clock on; the admin signs in again when their session would have ended. */
async function moveClock(ms: number) {
  now = new Date(now.getTime() + ms);
  if (ms >= 30 * 60_000) admin = { ...admin, headers: await signInAs(testApp.app, admin.staff) };
}

let lastIp = 0;
async function post(url: string, payload: object, options: { headers?: Record<string, string>; ip?: string } = {}) {
  const response = await testApp.app.inject({
    method: "POST",
    url,
    payload,
    headers: options.headers ?? {},
    remoteAddress: options.ip ?? `203.0.113.${++lastIp % 250}`,
  });
  return { status: response.statusCode, body: response.body === "" ? null : (response.json() as unknown), response };
}

const fieldsOf = (body: unknown) => errorOf(body).fields?.map(({ field, message }) => ({ field, message }));

let invited = 0;
async function invite(overrides: object = {}) {
  const email = `invitee.${++invited}.${Date.now()}@psu.example`;
  const response = await post(
    "/api/staff/members",
    { name: "Ivy Invitee", email, role: "coordinator", ...overrides },
    { headers: admin.headers },
  );
  expect(response.status).toBe(201);
  return StaffMemberSchema.parse(response.body);
}

/** The token in the newest emailed link of this kind to this address (as the outbox holds it before sending). */
async function emailedToken(recipient: string, kind = "staff_invitation"): Promise<string> {
  const email = await testApp.app.prisma.outboxMessage.findFirstOrThrow({
    where: { recipient, kind },
    orderBy: { id: "desc" },
    select: { payload: true },
  });
  const link = (email.payload as { link: string }).link;
  return link.slice(link.indexOf("#") + 1);
}

async function auditOf(action: string, staffId: string) {
  const entries = await testApp.app.prisma.auditEntry.findMany({
    where: { action },
    orderBy: { id: "asc" },
    select: { actorId: true, detail: true },
  });
  return entries.filter((entry) => (entry.detail as { staffId?: string }).staffId === staffId);
}

async function signInWithPassword(email: string, password: string) {
  return post("/api/auth/sign-in", { email, password }, { headers: SAME_ORIGIN_HEADERS });
}

describe("an invitation", () => {
  it("lets the invited member choose a password, then sign in, where the second factor's enrolment starts", async () => {
    const member = await invite();
    const token = await emailedToken(member.email);
    expect(token).toMatch(/^[\w-]{43}$/);

    const checked = await post("/api/account/invitation/check", { token });
    expect(checked.status).toBe(200);
    expect(LinkHolderSchema.parse(checked.body)).toEqual({ name: "Ivy Invitee", email: member.email });

    expect((await post("/api/account/invitation/accept", { token, password: GOOD_PASSWORD })).status).toBe(204);
    const signIn = await signInWithPassword(member.email, GOOD_PASSWORD);
    expect(signIn.status).toBe(200);
    expect(signIn.body).toEqual({ next: "enrol" });

    expect(await auditOf("STAFF_INVITATION_ACCEPTED", member.id)).toEqual([
      { actorId: member.id, detail: { staffId: member.id, sessionsEnded: 0 } },
    ]);
    const list = await testApp.app.inject({ method: "GET", url: "/api/staff/members", headers: admin.headers });
    const listed = list.json().members.find((candidate: { id: string }) => candidate.id === member.id);
    expect(listed.invitation).toBeNull();
  });

  it("works once, even when used twice at the same moment", async () => {
    const member = await invite();
    const token = await emailedToken(member.email);
    const attempts = await Promise.all(
      [GOOD_PASSWORD, `${GOOD_PASSWORD} two`].map((password) =>
        post("/api/account/invitation/accept", { token, password }),
      ),
    );
    expect(attempts.map((attempt) => attempt.status).sort()).toEqual([204, 404]);
    const again = await post("/api/account/invitation/accept", { token, password: GOOD_PASSWORD });
    expect(again.status).toBe(404);
    expect(errorOf(again.body).message).toBe(INVALID_LINK_MESSAGE);
    expect((await post("/api/account/invitation/check", { token })).status).toBe(404);
  });

  it("is emailed with the link, which leaves the database once sent (only its keyed hash stays)", async () => {
    const member = await invite();
    const token = await emailedToken(member.email);
    const sent: { to: string; subject: string; text: string }[] = [];
    const mailer = {
      send: async (to: string, content: { subject: string; text: string }) => void sent.push({ to, ...content }),
    };
    const quietLog = { warn: () => {}, error: () => {}, info: () => {} } as unknown as FastifyBaseLogger;
    // The outbox stamps rows with the database's clock, not the test's.
    await processOutboxOnce(testApp.app.prisma, mailer, new Date(Date.now() + 60_000), quietLog);
    const email = sent.find((message) => message.to === member.email);
    expect(email?.subject).toBe("You have been invited to PSU case management");
    expect(email?.text).toContain(`http://localhost:3000/staff/invitation#${token}`);
    expect(email?.text).toContain("expires in 72 hours");
    const rows = await testApp.app.prisma.outboxMessage.findMany({
      where: { kind: "staff_invitation", sentAt: { not: null } },
      select: { payload: true },
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("answers an unknown link exactly as a used one", async () => {
    const unknown = await post("/api/account/invitation/check", { token: "A".repeat(43) });
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown.body).message).toBe(INVALID_LINK_MESSAGE);
  });

  it("works for 72 hours and not a moment longer", async () => {
    const member = await invite();
    const token = await emailedToken(member.email);
    await moveClock(72 * 3_600_000 - 1_000);
    expect((await post("/api/account/invitation/check", { token })).status).toBe(200);
    await moveClock(1_000);
    expect((await post("/api/account/invitation/check", { token })).status).toBe(404);
    expect((await post("/api/account/invitation/accept", { token, password: GOOD_PASSWORD })).status).toBe(404);
    // The staff list still shows it as not accepted, with the time it ran out.
    const list = await testApp.app.inject({ method: "GET", url: "/api/staff/members", headers: admin.headers });
    const listed = list.json().members.find((candidate: { id: string }) => candidate.id === member.id);
    expect(new Date(listed.invitation.expiresAt).getTime()).toBe(now.getTime());
  });

  it("sent again, replaces the one before, and is audited; not once a password is set", async () => {
    const member = await invite();
    const first = await emailedToken(member.email);
    await moveClock(60_000);
    const resent = await post(`/api/staff/members/${member.id}/invitation`, {}, { headers: admin.headers });
    expect(resent.status).toBe(201);
    expect(StaffMemberSchema.parse(resent.body).invitation?.sentAt).toBe(now.toISOString());
    const second = await emailedToken(member.email);
    expect(second).not.toBe(first);
    expect((await post("/api/account/invitation/check", { token: first })).status).toBe(404);
    expect((await post("/api/account/invitation/check", { token: second })).status).toBe(200);
    expect(await auditOf("STAFF_INVITATION_RESENT", member.id)).toEqual([
      { actorId: admin.staff.id, detail: { staffId: member.id } },
    ]);

    expect((await post("/api/account/invitation/accept", { token: second, password: GOOD_PASSWORD })).status).toBe(204);
    const afterAccepting = await post(`/api/staff/members/${member.id}/invitation`, {}, { headers: admin.headers });
    expect(afterAccepting.status).toBe(409);
  });

  it("is sent again by admins only", async () => {
    const member = await invite();
    const coordinator = await createSignedInStaff(testApp.app, { role: "coordinator" });
    const refused = await post(`/api/staff/members/${member.id}/invitation`, {}, { headers: coordinator.headers });
    expect(refused.status).toBe(403);
    expect((await post(`/api/staff/members/${member.id}/invitation`, {})).status).toBe(401);
  });
});

describe("the password policy", () => {
  it.each([
    ["eleven char", PASSWORD_MESSAGES.tooShort],
    ["x".repeat(257), PASSWORD_MESSAGES.tooLong],
    ["qwerty123456", PASSWORD_MESSAGES.common],
    ["1qaz2wsx3edc", PASSWORD_MESSAGES.common],
    ["P@ssw0rd123456", PASSWORD_MESSAGES.common],
    ["Liverpool2024!", PASSWORD_MESSAGES.common],
    ["policy.person rota 2026", PASSWORD_MESSAGES.containsEmail],
  ])("refuses %j: %s", async (password, message) => {
    const member = await invite({ email: `policy.person.${++invited}@psu.example` });
    const token = await emailedToken(member.email);
    const refused = await post("/api/account/invitation/accept", { token, password });
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused.body)).toEqual([{ field: "password", message }]);
    // A refusal does not use the link up.
    expect((await post("/api/account/invitation/accept", { token, password: GOOD_PASSWORD })).status).toBe(204);
  });

  it("accepts 12 characters, a long passphrase, and no composition rules", async () => {
    for (const password of ["twelve chars", "y".repeat(15) + " ".repeat(3) + "z".repeat(238)]) {
      const member = await invite();
      const token = await emailedToken(member.email);
      expect((await post("/api/account/invitation/accept", { token, password })).status).toBe(204);
    }
  });
});

describe("changing one's password", () => {
  it("needs the current one, checks the new one, and ends every other session of the member", async () => {
    const member = await createStaff(testApp.app.prisma, { role: "lead" });
    const here = await signInAs(testApp.app, member);
    await moveClock(31_000);
    const elsewhere = await signInAs(testApp.app, member);
    const other = await createSignedInStaff(testApp.app, { role: "coordinator" });
    const change = (body: object) => post("/api/account/password", body, { headers: here });

    const wrong = await change({ currentPassword: "not the password", newPassword: GOOD_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(fieldsOf(wrong.body)).toEqual([{ field: "currentPassword", message: "Your current password is not right" }]);
    const common = await change({ currentPassword: TEST_STAFF_PASSWORD, newPassword: "qwerty123456" });
    expect(fieldsOf(common.body)).toEqual([{ field: "newPassword", message: PASSWORD_MESSAGES.common }]);

    const changed = await change({ currentPassword: TEST_STAFF_PASSWORD, newPassword: GOOD_PASSWORD });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ otherSessionsEnded: 1 });

    const me = (headers: Record<string, string>) =>
      testApp.app.inject({ method: "GET", url: "/api/auth/me", headers }).then((response) => response.statusCode);
    expect(await me(here)).toBe(200);
    expect(await me(elsewhere)).toBe(401);
    expect(await me(other.headers)).toBe(200);
    expect((await signInWithPassword(member.email, TEST_STAFF_PASSWORD)).status).toBe(401);
    expect((await signInWithPassword(member.email, GOOD_PASSWORD)).body).toEqual({ next: "second-factor" });
    expect(await auditOf("PASSWORD_CHANGED", member.id)).toEqual([
      { actorId: member.id, detail: { staffId: member.id, otherSessionsEnded: 1 } },
    ]);
  });

  it("stops after 5 wrong current passwords in 15 minutes (429), even for the right one", async () => {
    const { headers } = await createSignedInStaff(testApp.app, { role: "coordinator" });
    const attempt = (currentPassword: string) =>
      post("/api/account/password", { currentPassword, newPassword: GOOD_PASSWORD }, { headers });
    for (let count = 1; count <= 5; count++) expect((await attempt("not the password")).status).toBe(400);
    const locked = await attempt(TEST_STAFF_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.response.headers["retry-after"]).toBeDefined();
  });

  it("is for signed-in staff only", async () => {
    const response = await post("/api/account/password", {
      currentPassword: TEST_STAFF_PASSWORD,
      newPassword: GOOD_PASSWORD,
    });
    expect(response.status).toBe(401);
  });
});

describe("resetting a forgotten password by email", () => {
  it("answers the same whether or not the address has an account, and emails only a real one", async () => {
    const member = await createStaff(testApp.app.prisma, { role: "coordinator" });
    const nobody = `nobody.${Date.now()}@psu.example`;
    const known = await post("/api/account/password-reset", { email: member.email.toUpperCase() });
    const unknown = await post("/api/account/password-reset", { email: nobody });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.response.body).toBe(unknown.response.body);
    expect(Object.keys(known.response.headers).sort()).toEqual(Object.keys(unknown.response.headers).sort());

    expect(await testApp.app.prisma.outboxMessage.count({ where: { recipient: nobody } })).toBe(0);
    expect(await emailedToken(member.email, "staff_password_reset")).toMatch(/^[\w-]{43}$/);
    expect(await auditOf("PASSWORD_RESET_REQUESTED", member.id)).toEqual([
      { actorId: null, detail: { staffId: member.id } },
    ]);
  });

  it("sets the new password, ends every session of the member, keeps the second factor, and works once", async () => {
    const member = await createStaff(testApp.app.prisma, { role: "lead" });
    const session = await signInAs(testApp.app, member);
    const before = await testApp.app.prisma.staffMember.findUniqueOrThrow({
      where: { id: member.id },
      select: { totpEnabledAt: true, totpSecret: true },
    });
    expect(before.totpEnabledAt).not.toBeNull();
    expect((await post("/api/account/password-reset", { email: member.email })).status).toBe(202);
    const token = await emailedToken(member.email, "staff_password_reset");
    expect((await post("/api/account/password-reset/check", { token })).body).toEqual({
      name: member.name,
      email: member.email,
    });
    // An invitation link is not a reset link, nor the other way round.
    expect((await post("/api/account/invitation/check", { token })).status).toBe(404);

    expect((await post("/api/account/password-reset/complete", { token, password: GOOD_PASSWORD })).status).toBe(204);
    expect((await testApp.app.inject({ method: "GET", url: "/api/auth/me", headers: session })).statusCode).toBe(401);
    expect((await signInWithPassword(member.email, GOOD_PASSWORD)).body).toEqual({ next: "second-factor" });
    const after = await testApp.app.prisma.staffMember.findUniqueOrThrow({
      where: { id: member.id },
      select: { totpEnabledAt: true, totpSecret: true },
    });
    expect(after).toEqual(before);
    expect((await post("/api/account/password-reset/complete", { token, password: GOOD_PASSWORD })).status).toBe(404);
    expect(await auditOf("PASSWORD_RESET_COMPLETED", member.id)).toEqual([
      { actorId: member.id, detail: { staffId: member.id, sessionsEnded: 1 } },
    ]);
  });

  it("sends a link that works for one hour, and only the newest link works", async () => {
    const member = await createStaff(testApp.app.prisma, { role: "coordinator" });
    await post("/api/account/password-reset", { email: member.email });
    const first = await emailedToken(member.email, "staff_password_reset");
    await post("/api/account/password-reset", { email: member.email });
    const second = await emailedToken(member.email, "staff_password_reset");
    expect((await post("/api/account/password-reset/check", { token: first })).status).toBe(404);
    await moveClock(60 * 60_000 - 1_000);
    expect((await post("/api/account/password-reset/check", { token: second })).status).toBe(200);
    await moveClock(1_000);
    expect((await post("/api/account/password-reset/check", { token: second })).status).toBe(404);
  });

  it("sends no more than 3 emails an hour to one address, saying nothing different", async () => {
    const member = await createStaff(testApp.app.prisma, { role: "coordinator" });
    const answers = [];
    for (let count = 0; count < 5; count++)
      answers.push(await post("/api/account/password-reset", { email: member.email }));
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 202, 202]);
    expect(new Set(answers.map((answer) => answer.response.body)).size).toBe(1);
    expect(await testApp.app.prisma.outboxMessage.count({ where: { recipient: member.email } })).toBe(3);
  });

  it("refuses an IP after 10 requests in 15 minutes (429 with Retry-After), whatever the addresses", async () => {
    const ip = "198.51.100.77";
    const statuses = [];
    for (let count = 0; count < 11; count++) {
      const answer = await post("/api/account/password-reset", { email: `someone.${count}@psu.example` }, { ip });
      statuses.push(answer.status);
      if (answer.status === 429) expect(Number(answer.response.headers["retry-after"])).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([...Array(10).fill(202), 429]);
  });

  it("emails nobody who cannot sign in", async () => {
    const member = await createStaff(testApp.app.prisma, { role: "coordinator", active: false });
    expect((await post("/api/account/password-reset", { email: member.email })).status).toBe(202);
    expect(await testApp.app.prisma.outboxMessage.count({ where: { recipient: member.email } })).toBe(0);
  });

  it("names a malformed address (400)", async () => {
    const response = await post("/api/account/password-reset", { email: "not an address" });
    expect(response.status).toBe(400);
    expect(errorOf(response.body).fields?.map((field) => field.field)).toEqual(["email"]);
  });
});
