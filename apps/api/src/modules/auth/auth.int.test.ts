import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-test-app";
import { hashPassword } from "./password";

let testApp: TestApp;
let clock = new Date("2026-11-24T09:00:00Z");
const PASSWORD = "correct horse battery staple";
const ORIGIN = { origin: "http://localhost:80", host: "localhost:80" };

beforeAll(async () => {
  testApp = await buildTestApp({ now: () => clock });
  const passwordHash = await hashPassword(PASSWORD);
  await testApp.app.prisma.staffMember.createMany({
    data: [
      {
        email: "coordinator@test.example",
        name: "Casey",
        role: "coordinator",
        passwordHash,
        leadKinds: [],
        affiliations: [],
      },
      {
        email: "locked@test.example",
        name: "Lee",
        role: "lead",
        passwordHash,
        leadKinds: ["spoc"],
        capacity: 3,
        affiliations: [],
      },
      {
        email: "gone@test.example",
        name: "Gone",
        role: "lead",
        passwordHash,
        active: false,
        leadKinds: [],
        affiliations: [],
      },
    ],
  });
});
afterAll(async () => {
  await testApp.close();
});

async function signIn(email: string, password = PASSWORD) {
  return testApp.app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    headers: ORIGIN,
    payload: { email, password },
  });
}

function sessionCookie(response: Awaited<ReturnType<typeof signIn>>): string {
  const cookie = response.cookies.find((candidate) => candidate.name === "psu_session");
  if (!cookie) throw new Error("no session cookie");
  return `psu_session=${cookie.value}`;
}

async function me(cookie: string) {
  return testApp.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
}

describe("staff sign-in and sessions", () => {
  it("signs in with the right password, setting an HttpOnly SameSite=Strict cookie", async () => {
    const response = await signIn("Coordinator@Test.Example");
    expect(response.statusCode).toBe(200);
    expect(response.json().staff).toMatchObject({ email: "coordinator@test.example", role: "coordinator" });
    const cookie = response.cookies.find((candidate) => candidate.name === "psu_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect((await me(sessionCookie(response))).json().staff.name).toBe("Casey");
  });

  it("stores only a hash of the session token", async () => {
    const response = await signIn("coordinator@test.example");
    const token = sessionCookie(response).split("=")[1] ?? "";
    const rows = await testApp.app.prisma.staffSession.findMany({ select: { tokenHash: true } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.tokenHash.includes(token))).toBe(false);
  });

  it("gives a new session id at every sign-in", async () => {
    const first = sessionCookie(await signIn("coordinator@test.example"));
    const second = sessionCookie(await signIn("coordinator@test.example"));
    expect(first).not.toBe(second);
  });

  it("answers a wrong password, an unknown email and a disabled account alike with 401", async () => {
    const answers = await Promise.all([
      signIn("coordinator@test.example", "wrong"),
      signIn("nobody@test.example"),
      signIn("gone@test.example"),
    ]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([401, 401, 401]);
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
  });

  it("locks an account after 10 failed sign-ins in 5 minutes, even for the right password", async () => {
    for (let attempt = 1; attempt <= 10; attempt++)
      expect((await signIn("locked@test.example", "wrong")).statusCode).toBe(401);
    const locked = await signIn("locked@test.example");
    expect(locked.statusCode).toBe(429);
    expect(locked.headers["retry-after"]).toBeDefined();
    clock = new Date(clock.getTime() + 5 * 60_000 + 1_000);
    expect((await signIn("locked@test.example")).statusCode).toBe(200);
  });

  it("ends a session after 30 minutes idle", async () => {
    const cookie = sessionCookie(await signIn("coordinator@test.example"));
    clock = new Date(clock.getTime() + 29 * 60_000);
    expect((await me(cookie)).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 31 * 60_000);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it("ends a session 12 hours after sign-in, however active", async () => {
    const cookie = sessionCookie(await signIn("coordinator@test.example"));
    // Every 29 minutes: never idle. 24 steps is 11 h 36 min (still in); the 25th is 12 h 5 min.
    for (let step = 1; step <= 25; step++) {
      clock = new Date(clock.getTime() + 29 * 60_000);
      expect((await me(cookie)).statusCode).toBe(step <= 24 ? 200 : 401);
    }
  });

  it("ends the session on the server at sign-out", async () => {
    const cookie = sessionCookie(await signIn("coordinator@test.example"));
    const out = await testApp.app.inject({ method: "POST", url: "/api/auth/sign-out", headers: { ...ORIGIN, cookie } });
    expect(out.statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it("refuses a write carrying the cookie from another origin", async () => {
    const cookie = sessionCookie(await signIn("coordinator@test.example"));
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
