import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

/**
 * Playwright's test, where each test comes from an address of its own. The e2e server trusts
 * its loopback peer as a proxy (TRUST_PROXY=loopback, as behind a load balancer), so the
 * X-Forwarded-For header below is each test's address: the per-address limits on anonymous
 * use (decision 015) then count each test as one person, as they would count trainees.
 */
export const test = base.extend({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use) => {
    await use({ ...extraHTTPHeaders, "X-Forwarded-For": newTestAddress() });
  },
});

/** A random address in 198.18.0.0/15, the range RFC 2544 sets aside for tests: one person's computer. */
export function newTestAddress(): string {
  const [a = 0, b = 0, c = 0] = randomBytes(3);
  return `198.${18 + (a & 1)}.${b}.${c}`;
}

/**
 * Runs axe (WCAG 2.2 A and AA, plus best practice) on the page as it is, and expects nothing.
 * Legacy mode runs axe in the page itself; the default opens a blank page per scan to combine
 * results from cross-origin iframes, which this app has none of. Same rules and results, half
 * the time (1.25 s against 0.6 s a scan here), and the journeys scan every page.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .setLegacyMode(true)
    .analyze();
  const summary = results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  }));
  expect(summary).toEqual([]);
}

/** Every demo account's password (apps/api/src/demo/demo-seed.ts, printed in the README). */
export const DEMO_PASSWORD = "demo-password-2026";

/** Every demo account's authenticator secret (apps/api/src/demo/demo-seed.ts, printed in the README). */
export const DEMO_TOTP_SECRET = "DEMO2FACTORKEYFORTHEPSUDEMOSTAFF";

const STEP_SECONDS = 30;

/** The RFC 6238 code for a time step (SHA-1, 6 digits), written here so the tests check the server's otplib. */
export function totpCode(secret: string, step: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const bits = [...secret].map((char) => alphabet.indexOf(char).toString(2).padStart(5, "0")).join("");
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => Number.parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = createHmac("sha1", key).update(counter).digest();
  const offset = (digest.at(-1) ?? 0) & 0x0f;
  return String((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

function currentStep(): number {
  return Math.floor(Date.now() / 1000 / STEP_SECONDS);
}

// A TOTP step is accepted once per account (RFC 6238), and several browser tests sign the same
// demo account in at once. Steps are claimed per account through files created with O_EXCL, so
// no two workers (nor the sign-in set-up) ever send the same account's code for the same step.
const RUN_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  `../../.data/e2e-sessions-${process.env.E2E_PORT ?? "3100"}`,
);

/** The first step from now this process may use for the account: the server accepts one step early. */
export function claimCodeStep(email: string): number {
  mkdirSync(RUN_DIR, { recursive: true });
  for (let step = currentStep(); ; step++) {
    try {
      writeFileSync(join(RUN_DIR, `${email}.step-${step}`), "", { flag: "wx" });
      return step;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/**
 * Waits until the server accepts a claimed step's code (from one step before it), by this
 * process's own clock: a test may have faked the page's (page.clock).
 */
export async function waitForStep(step: number): Promise<void> {
  const waitMs = (step - 1) * STEP_SECONDS * 1000 - Date.now();
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs + 200));
}

/** Where the set-up project (demo-sessions.setup.ts) keeps each demo account's session cookie. */
export function sessionFile(email: string): string {
  return join(RUN_DIR, `${email}.session`);
}

export const SESSION_COOKIE = "__Host-psu_session";

/**
 * Signs in as a demo member of staff. By default the page joins the session the set-up project
 * opened for that account (one per run, shared by the tests, as colleagues' tabs would be); a
 * test that ends its session asks for `fresh`, and signs in by the pages, password and code.
 */
export async function signIn(
  page: Page,
  email: string,
  { fresh = false, step }: { fresh?: boolean; step?: number } = {},
): Promise<void> {
  if (!fresh && existsSync(sessionFile(email))) {
    const value = readFileSync(sessionFile(email), "utf8");
    await page.context().addCookies([
      {
        name: SESSION_COOKIE,
        value,
        domain: "127.0.0.1",
        path: "/",
        httpOnly: true,
        secure: true,
        sameSite: "Strict",
      },
    ]);
    await page.goto("/staff");
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    return;
  }
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await enterAuthenticatorCode(page, email, step);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** Claims a code step for the account and waits until it can be used: for a sign-in that must not wait itself. */
export async function readyCodeStep(email: string): Promise<number> {
  const step = claimCodeStep(email);
  await waitForStep(step);
  return step;
}

/** On the code page: the code for a step claimed for this account (or the one given), sent once the server takes it. */
export async function enterAuthenticatorCode(page: Page, email: string, readyStep?: number): Promise<void> {
  const field = page.getByLabel("Enter the code from your authenticator app");
  await expect(field).toBeVisible();
  test.info().setTimeout(test.info().timeout + STEP_SECONDS * 1000);
  const step = readyStep ?? (await readyCodeStep(email));
  await field.fill(totpCode(DEMO_TOTP_SECRET, step));
  const answer = page.waitForResponse((response) => response.url().endsWith("/api/auth/second-factor"));
  await page.getByRole("button", { name: "Continue" }).click();
  expect((await answer).status()).toBe(200);
}
