import { createHmac } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { type Cookie, expect, type Page, test } from "@playwright/test";

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

// Each worker keeps its demo sessions: a TOTP step is accepted once per account, so signing the
// same account in for every test would mean waiting up to 30 s each time. A test that signs
// out ends its session; the next one then signs in afresh.
const sessions = new Map<string, Cookie[]>();
const lastStepUsed = new Map<string, number>();

/** Signs in as a demo member of staff (password, then the authenticator code), and waits for the staff pages. */
export async function signIn(page: Page, email: string): Promise<void> {
  const kept = sessions.get(email);
  if (kept) {
    await page.context().addCookies(kept);
    await page.goto("/staff");
    const signOut = page.getByRole("button", { name: "Sign out" });
    const signInHeading = page.getByRole("heading", { name: "Sign in to PSU case management" });
    await expect(signOut.or(signInHeading)).toBeVisible();
    if (await signOut.isVisible()) return;
    sessions.delete(email);
  }
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await enterAuthenticatorCode(page, email);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  sessions.set(
    email,
    (await page.context().cookies()).filter((cookie) => cookie.name.endsWith("psu_session")),
  );
}

/**
 * On the code page: the code for the first step this account has not used (now, or the next one,
 * which the server accepts a step early); past that, waits for the next step. Another worker may
 * have used the step: then the server refuses it and the next one is tried.
 */
export async function enterAuthenticatorCode(page: Page, email: string): Promise<void> {
  // Up to six steps of 30 s when both workers sign the same account in at once.
  test.info().setTimeout(test.info().timeout + 200_000);
  const field = page.getByLabel("Enter the code from your authenticator app");
  for (let attempt = 1; attempt <= 6; attempt++) {
    await expect(field).toBeVisible();
    const step = Math.max(currentStep(), (lastStepUsed.get(email) ?? 0) + 1);
    const waitMs = (step - 1) * STEP_SECONDS * 1000 - Date.now();
    if (waitMs > 0) await page.waitForTimeout(waitMs + 200);
    lastStepUsed.set(email, step);
    await field.fill(totpCode(DEMO_TOTP_SECRET, step));
    const answer = page.waitForResponse((response) => response.url().endsWith("/api/auth/second-factor"));
    await page.getByRole("button", { name: "Continue" }).click();
    const status = (await answer).status();
    if (status === 200) return;
    // 401: the step was used (by another worker); anything else is a real failure.
    if (status !== 401) throw new Error(`the code step answered ${status}`);
  }
  throw new Error(`no code was accepted for ${email}`);
}
