import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import { toRateLimitKey } from "../rate-limit/rate-limit.service";
import { SIGN_IN_LIMITS } from "./auth.service";
import { hashPassword } from "./password";

// Every sign-in limit is counted before the password is hashed: a refused attempt must cost no
// argon2 hash. The real password module runs; this only counts its calls.
const hashing = vi.hoisted(() => ({ verifications: 0 }));
vi.mock("./password", async (importOriginal) => {
  const real = await importOriginal<typeof import("./password")>();
  return {
    ...real,
    verifyPassword: async (hash: string, password: string) => {
      hashing.verifications += 1;
      return real.verifyPassword(hash, password);
    },
  };
});

let clock = new Date("2026-11-24T09:00:00Z");
const PASSWORD = "correct horse battery staple";
const ORIGIN = { origin: "http://localhost:80", host: "localhost:80" };

const testApp = useTestApp({ now: () => clock });
beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  await testApp.app.prisma.staffMember.createMany({
    data: ["burst", "address", "overall"].map((name) => ({
      email: `${name}@test.example`,
      name,
      role: "coordinator",
      passwordHash,
      leadKinds: [],
      affiliations: [],
    })),
  });
});

function signIn(email: string, password: string, remoteAddress = "198.51.100.1") {
  return testApp.app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    headers: ORIGIN,
    remoteAddress,
    payload: { email, password },
  });
}

/** Uses up a limit as if its hits had already come, through the limiter's own keyed key. */
async function fillLimit(rule: { scope: string; limit: number }, subject: string): Promise<void> {
  const key = toRateLimitKey(testApp.app.keyedHash, rule.scope, subject);
  await testApp.app.prisma.rateLimitCounter.upsert({
    where: { key },
    create: { key, windowStart: clock, count: rule.limit },
    update: { windowStart: clock, count: rule.limit },
  });
}

describe("sign-in throttling, counted before hashing", () => {
  it("lets a parallel burst against one account hash no more than the account's attempts allow", async () => {
    hashing.verifications = 0;
    const burst = SIGN_IN_LIMITS.accountAttempts.limit + 20;
    const answers = await Promise.all(
      Array.from({ length: burst }, (_, index) =>
        signIn("burst@test.example", `guess ${index}`, `198.51.100.${index}`),
      ),
    );
    expect(hashing.verifications).toBeLessThanOrEqual(SIGN_IN_LIMITS.accountAttempts.limit);
    const refused = answers.filter((answer) => answer.statusCode === 429);
    expect(refused.length).toBeGreaterThanOrEqual(20);
    expect(answers.every((answer) => [401, 429].includes(answer.statusCode))).toBe(true);
    expect(refused.every((answer) => Number(answer.headers["retry-after"]) > 0)).toBe(true);
    clock = new Date(clock.getTime() + 16 * 60_000);
  });

  it("refuses an address past its limit without hashing, while other addresses still sign in", async () => {
    await fillLimit(SIGN_IN_LIMITS.ip, "203.0.113.9");
    hashing.verifications = 0;
    const refused = await signIn("address@test.example", PASSWORD, "203.0.113.9");
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toMatch(/from your network/);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(hashing.verifications).toBe(0);
    expect((await signIn("address@test.example", PASSWORD, "203.0.113.10")).statusCode).toBe(200);
    expect(hashing.verifications).toBe(1);
  });

  it("refuses everyone past the overall limit without hashing, and audits the lock-out once", async () => {
    await fillLimit(SIGN_IN_LIMITS.overall, "everyone");
    hashing.verifications = 0;
    for (const address of ["192.0.2.1", "192.0.2.2"]) {
      const refused = await signIn("overall@test.example", PASSWORD, address);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.message).toMatch(/too many sign-in attempts/);
    }
    expect(hashing.verifications).toBe(0);
    const lockOuts = await testApp.app.prisma.auditEntry.findMany({
      where: { action: "SIGN_IN_LOCKED_OUT", detail: { path: ["limit"], equals: "overall" } },
      select: { actorId: true },
    });
    expect(lockOuts).toHaveLength(1);
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await signIn("overall@test.example", PASSWORD, "192.0.2.3")).statusCode).toBe(200);
  });

  it("refuses a locked account without hashing", async () => {
    await fillLimit(SIGN_IN_LIMITS.accountFailures, "address@test.example");
    hashing.verifications = 0;
    expect((await signIn("address@test.example", PASSWORD, "192.0.2.50")).statusCode).toBe(429);
    expect(hashing.verifications).toBe(0);
  });
});
