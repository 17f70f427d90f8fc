import { createPrismaClient } from "@psu/prisma";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app";
import { parseConfig } from "../../config/env";
import { loadServerSecret } from "../../security/server-secret";
import { useTestApp } from "../../test/build-test-app";
import { createSignedInStaff, createSignedInTeam, signInAs, TEST_STAFF_PASSWORD } from "../../test/staff-fixtures";
import { SESSION_CACHE_MS } from "./session-cache";

// A clock that stands still unless a test moves it: whatever a request sees within
// SESSION_CACHE_MS of another, it sees because of the cache, not because time passed.
let clock = new Date("2026-11-24T09:00:00Z");
const testApp = useTestApp({ now: () => clock });

// A second instance of the API on the same database, as behind a load balancer.
let other: FastifyInstance;
beforeAll(async () => {
  const config = parseConfig({ NODE_ENV: "test", DATABASE_URL: testApp.database.url });
  other = await buildApp({
    config,
    serverSecret: await loadServerSecret(config.serverSecret),
    prisma: createPrismaClient(testApp.database.url, { max: 2 }),
    now: () => clock,
  });
});
afterAll(async () => {
  await other?.close();
});

function me(app: FastifyInstance, headers: Record<string, string>) {
  return app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: headers.cookie ?? "" } });
}

describe("signed-in sessions taken on trust for two seconds (decision 032)", () => {
  it("ends a session at sign-out at once on the instance that signed it out, however recently it was used", async () => {
    const { headers } = await createSignedInStaff(testApp.app, { role: "coordinator" });
    expect((await me(testApp.app, headers)).statusCode).toBe(200);
    const out = await testApp.app.inject({ method: "POST", url: "/api/auth/sign-out", headers });
    expect(out.statusCode).toBe(204);
    expect((await me(testApp.app, headers)).statusCode).toBe(401);
  });

  it("signs a deactivated member out at once on the instance that deactivated them", async () => {
    const { admin, lead } = await createSignedInTeam(testApp.app);
    expect((await me(testApp.app, lead.headers)).statusCode).toBe(200);
    const deactivated = await testApp.app.inject({
      method: "PATCH",
      url: `/api/staff/members/${lead.staff.id}`,
      headers: admin.headers,
      payload: { active: false },
    });
    expect(deactivated.statusCode).toBe(200);
    expect((await me(testApp.app, lead.headers)).statusCode).toBe(401);
    const queue = await testApp.app.inject({
      method: "POST",
      url: "/api/staff/queue",
      headers: lead.headers,
      payload: {},
    });
    expect(queue.statusCode).toBe(401);
  });

  it("ends a session everywhere after a password change, at once here and within two seconds on another instance", async () => {
    const { staff, headers: first } = await createSignedInStaff(testApp.app, { role: "coordinator" });
    // Its second session, used on the other instance just before the change.
    clock = new Date(clock.getTime() + 30_000);
    const second = await signInAs(testApp.app, staff);
    expect((await me(other, second)).statusCode).toBe(200);
    expect((await me(testApp.app, second)).statusCode).toBe(200);

    const changed = await testApp.app.inject({
      method: "POST",
      url: "/api/account/password",
      headers: first,
      payload: { currentPassword: TEST_STAFF_PASSWORD, newPassword: "a different long passphrase 2026" },
    });
    expect(changed.statusCode).toBe(200);
    expect((await me(testApp.app, second)).statusCode).toBe(401);
    expect((await me(testApp.app, first)).statusCode).toBe(200);

    // The other instance took the session on trust less than two seconds ago: it may still
    // answer for it until then, and not after.
    clock = new Date(clock.getTime() + SESSION_CACHE_MS);
    expect((await me(other, second)).statusCode).toBe(401);
  });

  it("answers many requests of one session at once from one look-up, and each of them rightly", async () => {
    const { staff, headers } = await createSignedInStaff(testApp.app, { role: "coordinator" });
    clock = new Date(clock.getTime() + SESSION_CACHE_MS);
    const answers = await Promise.all(Array.from({ length: 8 }, () => me(testApp.app, headers)));
    expect(answers.map((answer) => answer.statusCode)).toEqual(Array(8).fill(200));
    expect(answers.map((answer) => answer.json().staff.id)).toEqual(Array(8).fill(staff.id));
  });

  it("never keeps an unknown token: a made-up cookie is refused every time", async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await me(testApp.app, { cookie: "psu_session=made-up" })).statusCode).toBe(401);
    }
  });

  it("still ends a session after 30 minutes idle", async () => {
    const { headers } = await createSignedInStaff(testApp.app, { role: "coordinator" });
    expect((await me(testApp.app, headers)).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 31 * 60_000);
    expect((await me(testApp.app, headers)).statusCode).toBe(401);
  });
});
