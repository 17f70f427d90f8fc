import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

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

/** Signs in as a demo member of staff, as a person would, and waits for the staff pages. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
