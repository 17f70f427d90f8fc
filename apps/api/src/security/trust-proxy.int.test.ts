import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../modules/audit/audit.repository";
import { ANONYMOUS_LIMITS } from "../modules/rate-limit/anonymous-limits";
import { type TestApp, useTestApp } from "../test/build-test-app";
import { buildSubmission, newIdempotencyKey } from "../test/referral-fixtures";

// Whom a request came from, as the rate limits and the audit log see it, behind a proxy at
// 10.0.0.5 that appends the address it saw to X-Forwarded-For (as every proxy does). A client
// can put anything to the left of that; nothing it puts there may count.

const PROXY = "10.0.0.5";

type ProxiedApp = Pick<TestApp, "app">;

/** The app with TRUST_PROXY set, for the tests of one describe block. */
function useAppBehindProxy(trustProxy: string): ProxiedApp {
  const testApp = useTestApp({ env: { TRUST_PROXY: trustProxy } });
  beforeAll(() => {
    // What the audited routes do: `request.ip` into recordAudit. A test route keeps this file
    // about the address, apart from any one staff route's access rules.
    testApp.app.get("/test/whoami", async (request) => ({ ip: request.ip }));
    testApp.app.post("/test/audit", async (request) => {
      await recordAudit(testApp.app.prisma, { actorId: null, action: "SIGN_IN_FAILED", ip: request.ip });
      return { ok: true };
    });
  });
  return testApp;
}

function via(forwardedFor: string | undefined, peer = PROXY) {
  return { remoteAddress: peer, headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor } };
}

async function whoami(testApp: ProxiedApp, forwardedFor: string | undefined, peer?: string): Promise<string> {
  const response = await testApp.app.inject({ method: "GET", url: "/test/whoami", ...via(forwardedFor, peer) });
  return (response.json() as { ip: string }).ip;
}

async function submitReferral(testApp: ProxiedApp, forwardedFor: string) {
  const { remoteAddress, headers } = via(forwardedFor);
  return testApp.app.inject({
    method: "POST",
    url: "/api/referrals",
    remoteAddress,
    headers: { ...headers, "idempotency-key": newIdempotencyKey() },
    payload: buildSubmission(),
  });
}

describe.each([
  { setting: "1", description: "a hop count of 1" },
  { setting: "10.0.0.0/8, 192.168.1.1", description: "a list of trusted proxies" },
])("TRUST_PROXY as $description", ({ setting }) => {
  const testApp = useAppBehindProxy(setting);

  it("takes the client's address from what the proxy appended, whatever the client forged before it", async () => {
    expect(await whoami(testApp, "198.51.100.20")).toBe("198.51.100.20");
    expect(await whoami(testApp, "203.0.113.66, 198.51.100.20")).toBe("198.51.100.20");
    expect(await whoami(testApp, "1.2.3.4, 5.6.7.8, 198.51.100.20")).toBe("198.51.100.20");
  });

  it("counts one client's referrals against its own limit, however it varies the forged part", async () => {
    const { limit } = ANONYMOUS_LIMITS.referralPerIp;
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= limit; attempt++) {
      statuses.push((await submitReferral(testApp, `203.0.113.${attempt}, 198.51.100.30`)).statusCode);
    }
    expect(statuses).toEqual([...Array(limit).fill(201), 429]);
    // Another client behind the same proxy has its own allowance.
    expect((await submitReferral(testApp, "203.0.113.1, 198.51.100.31")).statusCode).toBe(201);
  });

  it("writes the same keyed address hash to the audit log whatever the client forged", async () => {
    for (const forwardedFor of ["198.51.100.40", "203.0.113.9, 198.51.100.40", "10.9.9.9, 198.51.100.40"]) {
      const response = await testApp.app.inject({ method: "POST", url: "/test/audit", ...via(forwardedFor) });
      expect(response.statusCode).toBe(200);
    }
    const rows = await testApp.app.prisma.auditEntry.findMany({ select: { ipHash: true } });
    // Keyed: the plain SHA-256 of the address (what the log used to hold) is not what is stored.
    const unkeyed = createHash("sha256").update("198.51.100.40").digest("hex").slice(0, 16);
    expect(rows.map((row) => row.ipHash)).not.toContain(unkeyed);
    expect(rows.map((row) => row.ipHash)).toEqual(
      Array(3).fill(testApp.app.keyedHash("audit:ip", "198.51.100.40").slice(0, 16)),
    );
  });
});

describe("TRUST_PROXY as a list", () => {
  const testApp = useAppBehindProxy("10.0.0.0/8");

  it("ignores X-Forwarded-For from a peer that is not on the list", async () => {
    expect(await whoami(testApp, "198.51.100.20", "192.0.2.9")).toBe("192.0.2.9");
  });

  it("does not believe the proxy's neighbour on the left unless it is on the list too", async () => {
    // 10.1.1.1 is on the list, so the address it saw (198.51.100.50) is the client's.
    expect(await whoami(testApp, "203.0.113.1, 198.51.100.50, 10.1.1.1")).toBe("198.51.100.50");
  });
});

describe("TRUST_PROXY=false", () => {
  const testApp = useAppBehindProxy("false");

  it("ignores X-Forwarded-For: the address is the connection's", async () => {
    expect(await whoami(testApp, "198.51.100.20", "192.0.2.10")).toBe("192.0.2.10");
  });

  it("counts every forged address as the one connection it came from", async () => {
    const { limit } = ANONYMOUS_LIMITS.referralPerIp;
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= limit; attempt++) {
      statuses.push((await submitReferral(testApp, `198.51.100.${attempt}`)).statusCode);
    }
    expect(statuses).toEqual([...Array(limit).fill(201), 429]);
  });
});
