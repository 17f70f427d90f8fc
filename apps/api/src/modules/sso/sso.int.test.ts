import { randomUUID } from "node:crypto";
import { findFreePort } from "@psu/prisma";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp, useTestApp } from "../../test/build-test-app";
import { type OidcTestProvider, startOidcTestProvider, type TestAccountClaims } from "../../test/oidc-test-provider";
import { createStaff, SAME_ORIGIN_HEADERS, TEST_STAFF_PASSWORD } from "../../test/staff-fixtures";
import { createStaff as createStaffMember, resendInvitation } from "../staff-admin/staff-admin.service";

// The whole redirect dance against a real OpenID provider (oidc-provider), driven as a browser
// would: fetch with manual redirects and a cookie jar per site, the app listening on a real port.

const APP_CLIENT = { clientId: "psu-case-management", clientSecret: "app-client-secret-for-tests" };
const OTHER_CLIENT = { clientId: "another-app", clientSecret: "another-client-secret-for-tests" };

/** A browser's cookie jar and its way of following redirects, one hop at a time. */
function createBrowser() {
  const jars = new Map<string, Map<string, string>>();
  const jarFor = (url: string) => {
    const host = new URL(url).host;
    const jar = jars.get(host) ?? new Map<string, string>();
    jars.set(host, jar);
    return jar;
  };
  return {
    cookie(url: string, name: string): string | undefined {
      return jarFor(url).get(name);
    },
    async get(url: string, headers: Record<string, string> = {}): Promise<Response> {
      const jar = jarFor(url);
      const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
      const response = await fetch(url, { redirect: "manual", headers: { ...headers, ...(cookie ? { cookie } : {}) } });
      for (const line of response.headers.getSetCookie()) {
        const [pair = "", ...attributes] = line.split(";");
        const at = pair.indexOf("=");
        const name = pair.slice(0, at).trim();
        const value = pair.slice(at + 1).trim();
        const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
        if (expired || value === "") jar.delete(name);
        else jar.set(name, value);
      }
      return response;
    },
    /** Follows redirects from `url` until one leads somewhere `stop` accepts (or there is none); returns that URL. */
    async follow(url: string, stop: (next: URL) => boolean): Promise<URL> {
      let current = new URL(url);
      for (let hop = 0; hop < 20; hop++) {
        const response = await this.get(current.href);
        const location = response.headers.get("location");
        if (!location) throw new Error(`no redirect from ${current.pathname}: ${response.status}`);
        current = new URL(location, current);
        if (stop(current)) return current;
      }
      throw new Error("too many redirects");
    },
  };
}
type Browser = ReturnType<typeof createBrowser>;

interface SsoSite {
  test: TestApp;
  url: string;
}

/** The app on a real port, configured for single sign-on with `provider`. */
async function startSite(provider: OidcTestProvider, port: number, env: Record<string, string> = {}): Promise<SsoSite> {
  const url = `http://127.0.0.1:${port}`;
  const test = await buildTestApp({
    now: () => clock(),
    env: {
      OIDC_ISSUER_URL: provider.issuer,
      OIDC_CLIENT_ID: APP_CLIENT.clientId,
      OIDC_CLIENT_SECRET: APP_CLIENT.clientSecret,
      OIDC_REDIRECT_URL: `${url}/api/auth/sso/callback`,
      OIDC_BUTTON_LABEL: "Sign in with your NHS account",
      ...env,
    },
  });
  await test.app.listen({ port, host: "127.0.0.1" });
  return { test, url };
}

const METRICS_TOKEN = "metrics-token-for-sso-tests-0123456789";

let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);

let provider: OidcTestProvider;
let otherProvider: OidcTestProvider;
let site: SsoSite;
let otherSite: SsoSite;

beforeAll(async () => {
  const [port, otherPort] = [await findFreePort(), await findFreePort()];
  const redirectUris = [port, otherPort].map((each) => `http://127.0.0.1:${each}/api/auth/sso/callback`);
  const clients = { app: APP_CLIENT, other: OTHER_CLIENT };
  provider = await startOidcTestProvider({ port: await findFreePort(), clients, redirectUris });
  // Another issuer that knows the same client: its tokens must not pass for the first one's.
  otherProvider = await startOidcTestProvider({
    port: await findFreePort(),
    clients,
    redirectUris,
    claimsInIdToken: true,
  });
  site = await startSite(provider, port);
  otherSite = await startSite(otherProvider, otherPort, { METRICS_TOKEN });
});

afterAll(async () => {
  await Promise.all([site?.test.close(), otherSite?.test.close()]);
  await Promise.all([provider?.close(), otherProvider?.close()]);
});

const onApp = (target: SsoSite) => (next: URL) =>
  next.origin === target.url && !next.pathname.startsWith("/api/auth/sso/");

/** Starts at the app, signs in at the provider as `claims`, and returns where the app sent the browser last. */
async function signInBySso(browser: Browser, claims: TestAccountClaims | null, target = site, startQuery = "") {
  (target === site ? provider : otherProvider).signInAs(claims);
  return browser.follow(`${target.url}/api/auth/sso/start${startQuery}`, onApp(target));
}

/** Starts at the app and follows the provider's login until it redirects back: the callback URL, not yet opened. */
async function callbackFor(browser: Browser, claims: TestAccountClaims, startQuery = ""): Promise<URL> {
  provider.signInAs(claims);
  return browser.follow(
    `${site.url}/api/auth/sso/start${startQuery}`,
    (next) => next.pathname === "/api/auth/sso/callback",
  );
}

async function providerUrlFromStart(browser: Browser): Promise<URL> {
  const response = await browser.get(`${site.url}/api/auth/sso/start`);
  expect(response.status).toBe(303);
  return new URL(response.headers.get("location") ?? "");
}

async function me(browser: Browser, target = site): Promise<{ status: number; staffId?: string }> {
  const response = await browser.get(`${target.url}/api/auth/me`);
  const body = (await response.json()) as { staff?: { id: string } };
  return { status: response.status, staffId: body.staff?.id };
}

async function auditRows(target: SsoSite, action: "SSO_SIGN_IN_SUCCEEDED" | "SSO_SIGN_IN_REFUSED") {
  return target.test.app.prisma.auditEntry.findMany({
    where: { action },
    orderBy: { id: "asc" },
    select: { actorId: true, detail: true, ipHash: true },
  });
}

async function lastRefusal(target = site) {
  return (await auditRows(target, "SSO_SIGN_IN_REFUSED")).at(-1);
}

function newEmail(): string {
  return `sso.${randomUUID().slice(0, 8)}@trust.nhs.example`;
}

function signInError(url: URL): string | null {
  expect(url.pathname).toBe("/staff/sign-in");
  return url.searchParams.get("sso-error");
}

describe("single sign-on over OpenID Connect", () => {
  it("signs an existing member of staff in: a signed-in SSO session that reaches /api/auth/me, audited without the email", async () => {
    const staff = await createStaff(site.test.app.prisma, { role: "coordinator", email: newEmail() });
    const browser = createBrowser();

    const landed = await signInBySso(browser, { sub: randomUUID(), email: staff.email, email_verified: true });

    expect(landed.pathname).toBe("/staff");
    expect(await me(browser)).toEqual({ status: 200, staffId: staff.id });
    const sessions = await site.test.app.prisma.staffSession.findMany({
      where: { staffId: staff.id },
      select: { method: true, stage: true },
    });
    expect(sessions).toEqual([{ method: "sso", stage: "signed-in" }]);
    const success = (await auditRows(site, "SSO_SIGN_IN_SUCCEEDED")).at(-1);
    expect(success).toMatchObject({ actorId: staff.id, detail: { method: "sso" } });
    expect(success?.ipHash).toEqual(expect.any(String));
    expect(JSON.stringify(success)).not.toContain(staff.email);
    // The attempt was used up.
    expect(await site.test.app.prisma.oidcSignInAttempt.count()).toBe(0);
  });

  it("matches the email whatever its case, and works with a provider that puts the claims in the ID token", async () => {
    const staff = await createStaff(otherSite.test.app.prisma, { role: "lead", email: newEmail() });
    const browser = createBrowser();

    const landed = await signInBySso(
      browser,
      { sub: randomUUID(), email: staff.email.toUpperCase(), email_verified: true },
      otherSite,
    );

    expect(landed.pathname).toBe("/staff");
    expect(await me(browser, otherSite)).toEqual({ status: 200, staffId: staff.id });
  });

  it("goes back to the staff page it was started from, and refuses a return address off the staff side", async () => {
    const staff = await createStaff(site.test.app.prisma, { role: "coordinator", email: newEmail() });
    const landed = await signInBySso(
      createBrowser(),
      { sub: randomUUID(), email: staff.email, email_verified: true },
      site,
      "?returnTo=%2Fstaff%2Fcases%2F123",
    );
    expect(landed.pathname).toBe("/staff/cases/123");

    for (const returnTo of ["//evil.example/staff", "https://evil.example/staff", "/staff/../api", "/referral"]) {
      const response = await createBrowser().get(
        `${site.url}/api/auth/sso/start?returnTo=${encodeURIComponent(returnTo)}`,
      );
      expect(response.status, returnTo).toBe(400);
    }
  });

  type EmailClaims = { email?: string; email_verified?: boolean };
  it.each<[string, () => EmailClaims, string, string]>([
    [
      "an email nobody on the staff has",
      () => ({ email: newEmail(), email_verified: true }),
      "no-account",
      "UNKNOWN_EMAIL",
    ],
    [
      "an email the provider has not verified",
      () => ({ email: newEmail(), email_verified: false }),
      "no-verified-email",
      "EMAIL_UNVERIFIED",
    ],
    [
      "an email the provider does not vouch for either way",
      () => ({ email: newEmail() }),
      "no-verified-email",
      "EMAIL_UNVERIFIED",
    ],
    ["no email at all", () => ({}), "no-verified-email", "EMAIL_MISSING"],
  ])("refuses %s: back to sign-in with a code, no session, audited", async (_name, claims, code, reason) => {
    const browser = createBrowser();
    const extra = claims();
    // Even a member of staff with that address, when the email is not verified, is refused.
    if (extra.email && extra.email_verified === false)
      await createStaff(site.test.app.prisma, { role: "admin", email: extra.email });

    const landed = await signInBySso(browser, { sub: randomUUID(), ...extra });

    expect(signInError(landed)).toBe(code);
    expect(landed.search).not.toContain("@");
    expect(browser.cookie(site.url, "psu_session")).toBeUndefined();
    expect((await me(browser)).status).toBe(401);
    const refusal = await lastRefusal();
    expect(refusal).toMatchObject({ actorId: null, detail: { reason } });
    if (extra.email) expect(JSON.stringify(refusal)).not.toContain(extra.email);
  });

  it("refuses a disabled member of staff, audited against them", async () => {
    const staff = await createStaff(site.test.app.prisma, { role: "lead", email: newEmail(), active: false });
    const browser = createBrowser();

    const landed = await signInBySso(browser, { sub: randomUUID(), email: staff.email, email_verified: true });

    expect(signInError(landed)).toBe("no-account");
    expect((await me(browser)).status).toBe(401);
    expect(await lastRefusal()).toMatchObject({ actorId: staff.id, detail: { reason: "ACCOUNT_DISABLED" } });
  });

  it("creates nobody: an unknown email stays unknown", async () => {
    const email = newEmail();
    await signInBySso(createBrowser(), { sub: randomUUID(), email, email_verified: true });
    expect(await site.test.app.prisma.staffMember.count({ where: { email } })).toBe(0);
  });

  it("counts each refusal in the metrics by its code, never by who", async () => {
    const email = newEmail();
    const landed = await signInBySso(createBrowser(), { sub: randomUUID(), email, email_verified: true }, otherSite);
    expect(signInError(landed)).toBe("no-account");
    const metrics = await otherSite.test.app.inject({
      url: "/metrics",
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(metrics.body).toContain('psu_sign_in_failures_total{step="sso",reason="no-account"} 1\n');
    expect(metrics.body).not.toContain(email);
  });

  it("says so when the person cancels at the provider", async () => {
    const landed = await signInBySso(createBrowser(), null);
    expect(signInError(landed)).toBe("denied");
    expect(await lastRefusal()).toMatchObject({ detail: { reason: "PROVIDER_DENIED" } });
  });

  it("uses a state once: the same callback replayed is refused, and so is a forged state", async () => {
    const staff = await createStaff(site.test.app.prisma, { role: "coordinator", email: newEmail() });
    const browser = createBrowser();
    const callback = await callbackFor(browser, { sub: randomUUID(), email: staff.email, email_verified: true });

    const first = await browser.get(callback.href);
    expect(first.headers.get("location")).toBe("/staff");

    const attacker = createBrowser();
    const replay = new URL((await attacker.get(callback.href)).headers.get("location") ?? "", site.url);
    expect(signInError(replay)).toBe("expired");
    expect(await lastRefusal()).toMatchObject({ detail: { reason: "ATTEMPT_UNKNOWN" } });
    expect(attacker.cookie(site.url, "psu_session")).toBeUndefined();

    const forged = new URL(callback);
    forged.searchParams.set("state", "forged-state-the-app-never-issued");
    const answer = new URL((await attacker.get(forged.href)).headers.get("location") ?? "", site.url);
    expect(signInError(answer)).toBe("expired");

    const noState = new URL(callback);
    noState.searchParams.delete("state");
    const answerWithout = new URL((await attacker.get(noState.href)).headers.get("location") ?? "", site.url);
    expect(signInError(answerWithout)).toBe("expired");
    expect(await lastRefusal()).toMatchObject({ detail: { reason: "STATE_MISSING" } });
  });

  it("two callbacks at once with one state: only one signs in", async () => {
    const staff = await createStaff(site.test.app.prisma, { role: "coordinator", email: newEmail() });
    const browser = createBrowser();
    const callback = await callbackFor(browser, { sub: randomUUID(), email: staff.email, email_verified: true });

    const answers = await Promise.all([createBrowser().get(callback.href), createBrowser().get(callback.href)]);

    const places = answers.map((answer) => answer.headers.get("location")).sort();
    expect(places).toEqual(["/staff", "/staff/sign-in?sso-error=expired"]);
  });

  it("a code from a second attempt cannot be redeemed with the first attempt's state (PKCE and nonce belong to their attempt)", async () => {
    const staff = await createStaff(site.test.app.prisma, { role: "coordinator", email: newEmail() });
    const browser = createBrowser();
    const firstAttempt = await providerUrlFromStart(browser);
    const secondCallback = await callbackFor(browser, { sub: randomUUID(), email: staff.email, email_verified: true });

    const mixed = new URL(secondCallback);
    mixed.searchParams.set("state", firstAttempt.searchParams.get("state") ?? "");
    const answer = new URL((await browser.get(mixed.href)).headers.get("location") ?? "", site.url);

    expect(signInError(answer)).toBe("failed");
    expect(await lastRefusal()).toMatchObject({ detail: { reason: "RESPONSE_INVALID" } });
    expect(browser.cookie(site.url, "psu_session")).toBeUndefined();
  });

  it("refuses a code issued to another client (another audience) for the same attempt", async () => {
    const staff = await createStaff(site.test.app.prisma, { role: "coordinator", email: newEmail() });
    const browser = createBrowser();
    const authorization = await providerUrlFromStart(browser);
    authorization.searchParams.set("client_id", OTHER_CLIENT.clientId);
    provider.signInAs({ sub: randomUUID(), email: staff.email, email_verified: true });

    const landed = await browser.follow(authorization.href, onApp(site));

    expect(signInError(landed)).toBe("failed");
    expect((await me(browser)).status).toBe(401);
  });

  it("refuses an answer from another issuer, even one that knows this client", async () => {
    const staff = await createStaff(site.test.app.prisma, { role: "coordinator", email: newEmail() });
    const browser = createBrowser();
    const authorization = await providerUrlFromStart(browser);
    const elsewhere = new URL(authorization.pathname + authorization.search, otherProvider.issuer);
    otherProvider.signInAs({ sub: randomUUID(), email: staff.email, email_verified: true });

    const landed = await browser.follow(elsewhere.href, onApp(site));

    expect(signInError(landed)).toBe("failed");
    expect((await me(browser)).status).toBe(401);
  });

  it("refuses an attempt older than 10 minutes", async () => {
    const staff = await createStaff(site.test.app.prisma, { role: "coordinator", email: newEmail() });
    const browser = createBrowser();
    const callback = await callbackFor(browser, { sub: randomUUID(), email: staff.email, email_verified: true });

    offsetMs = 10 * 60_000 + 1_000;
    try {
      const answer = new URL((await browser.get(callback.href)).headers.get("location") ?? "", site.url);
      expect(signInError(answer)).toBe("expired");
      expect(await lastRefusal()).toMatchObject({ detail: { reason: "ATTEMPT_EXPIRED" } });
    } finally {
      offsetMs = 0;
    }
  });

  it("clears away abandoned attempts as new ones start", async () => {
    await providerUrlFromStart(createBrowser());
    offsetMs = 11 * 60_000;
    try {
      await providerUrlFromStart(createBrowser());
      expect(await site.test.app.prisma.oidcSignInAttempt.count()).toBe(1);
    } finally {
      offsetMs = 0;
    }
  });

  it("tells the web app the button's words and that password sign-in is on", async () => {
    const response = await createBrowser().get(`${site.url}/api/auth/options`);
    expect(await response.json()).toEqual({
      passwordSignIn: true,
      singleSignOn: { label: "Sign in with your NHS account" },
    });
  });
});

describe("single sign-on when the provider is down", () => {
  let down: TestApp;
  let nobody: number;
  beforeAll(async () => {
    nobody = await findFreePort();
    down = await buildTestApp({
      env: {
        OIDC_ISSUER_URL: `http://127.0.0.1:${nobody}`,
        OIDC_CLIENT_ID: APP_CLIENT.clientId,
        OIDC_CLIENT_SECRET: APP_CLIENT.clientSecret,
        OIDC_REDIRECT_URL: "http://127.0.0.1:3000/api/auth/sso/callback",
      },
    });
  });
  afterAll(() => down?.close());

  it("sends the browser back to sign-in with a clear code, not a 500, and keeps no attempt", async () => {
    const response = await down.app.inject({ method: "GET", url: "/api/auth/sso/start" });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/staff/sign-in?sso-error=unavailable");
    expect(await down.app.prisma.oidcSignInAttempt.count()).toBe(0);
  });

  it("answers a flood from one address with a clear code before it reaches the provider, and other addresses still get through", async () => {
    const from = (remoteAddress: string, url: string) => down.app.inject({ method: "GET", url, remoteAddress });
    for (let hit = 0; hit < 30; hit++) {
      expect((await from("198.51.100.7", "/api/auth/sso/start")).headers.location).toContain("unavailable");
      expect((await from("198.51.100.7", "/api/auth/sso/callback?state=x&code=y")).statusCode).toBe(303);
    }
    for (const url of ["/api/auth/sso/start", "/api/auth/sso/callback?state=x&code=y"]) {
      expect((await from("198.51.100.7", url)).headers.location).toBe("/staff/sign-in?sso-error=too-many");
    }
    expect((await from("198.51.100.8", "/api/auth/sso/start")).headers.location).toContain("unavailable");
  });

  it("uses the provider again once it is back, without a restart (a failed discovery is not kept)", async () => {
    const back = await startOidcTestProvider({
      port: nobody,
      clients: { app: APP_CLIENT },
      redirectUris: ["http://127.0.0.1:3000/api/auth/sso/callback"],
    });
    try {
      const response = await down.app.inject({ method: "GET", url: "/api/auth/sso/start" });
      expect(response.statusCode).toBe(303);
      const location = new URL(String(response.headers.location));
      expect(`${location.origin}${location.pathname}`).toBe(`${back.issuer}/auth`);
      expect(location.searchParams.get("code_challenge_method")).toBe("S256");
    } finally {
      await back.close();
    }
  });
});

describe("password sign-in switched off", () => {
  const noPasswords = useTestApp({
    env: {
      OIDC_ISSUER_URL: "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0",
      OIDC_CLIENT_ID: APP_CLIENT.clientId,
      OIDC_CLIENT_SECRET: APP_CLIENT.clientSecret,
      OIDC_REDIRECT_URL: "https://psu.example.nhs.uk/api/auth/sso/callback",
      PASSWORD_SIGN_IN: "false",
    },
  });

  it("refuses the right password and says so in the options", async () => {
    const staff = await createStaff(noPasswords.app.prisma, { role: "admin" });
    const response = await noPasswords.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      headers: SAME_ORIGIN_HEADERS,
      payload: { email: staff.email, password: TEST_STAFF_PASSWORD },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect(response.cookies).toEqual([]);

    const options = await noPasswords.app.inject({ method: "GET", url: "/api/auth/options" });
    expect(options.json()).toEqual({
      passwordSignIn: false,
      singleSignOn: { label: "Sign in with your organisation account" },
    });
  });

  it("adds a member without an invitation (they sign in by single sign-on), and will not send one", async () => {
    const admin = await createStaff(noPasswords.app.prisma, { role: "admin" });
    const context = {
      staff: { id: admin.id, name: admin.name, email: admin.email, role: admin.role },
      ip: "192.0.2.1",
      now: new Date(),
    };
    const settings = { keyedHash: noPasswords.app.keyedHash, publicUrl: "https://psu.example", passwordSignIn: false };
    const member = await createStaffMember(
      noPasswords.app.prisma,
      settings,
      {
        name: "Sol Sso",
        email: `sso.${randomUUID()}@psu.example`,
        role: "coordinator",
        leadKinds: [],
        capacity: 0,
        affiliations: [],
      },
      context,
    );
    const prisma = noPasswords.app.prisma;
    expect(await prisma.staffToken.count({ where: { staffId: member.id } })).toBe(0);
    expect(await prisma.outboxMessage.count({ where: { recipient: member.email } })).toBe(0);
    await expect(resendInvitation(prisma, settings, member.id, context)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it.each([
    ["POST", "/api/auth/second-factor"],
    ["GET", "/api/auth/enrolment"],
    ["POST", "/api/auth/enrolment"],
    ["POST", "/api/account/invitation/check"],
    ["POST", "/api/account/invitation/accept"],
    ["POST", "/api/account/password-reset"],
    ["POST", "/api/account/password-reset/check"],
    ["POST", "/api/account/password-reset/complete"],
    ["POST", "/api/account/password"],
  ] as const)("refuses %s %s too: no way to set or use a password is left open", async (method, url) => {
    const response = await noPasswords.app.inject({ method, url, headers: SAME_ORIGIN_HEADERS, payload: {} });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
  });
});

describe("without single sign-on configured", () => {
  const plain = useTestApp();

  it("has no SSO routes to start and tells the web app so", async () => {
    expect((await plain.app.inject({ method: "GET", url: "/api/auth/sso/start" })).statusCode).toBe(404);
    expect((await plain.app.inject({ method: "GET", url: "/api/auth/sso/callback?state=x&code=y" })).statusCode).toBe(
      404,
    );
    const options = await plain.app.inject({ method: "GET", url: "/api/auth/options" });
    expect(options.json()).toEqual({ passwordSignIn: true, singleSignOn: null });
  });
});
