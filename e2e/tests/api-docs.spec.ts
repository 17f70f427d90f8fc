import { expect, type Page } from "@playwright/test";
import { expectNoAxeViolations, test } from "./fixtures";

// The interactive API reference (decision 028) runs under the app's own Content Security
// Policy, with no inline script or style allowed: anything of Swagger UI's the policy blocks
// shows here as a securitypolicyviolation event or a console error.

// Swagger UI is a 1.7 MB script drawing some sixty operations, and axe then scans them all:
// about 15 s a test on this busy machine.
test.describe.configure({ timeout: 60_000 });

/** Collects console errors, uncaught page errors and CSP violations from the page's first script on. */
async function watchForErrors(page: Page): Promise<() => Promise<string[]>> {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  // Init scripts run before the page's own and are not subject to its policy.
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.assign(window, { cspViolations: violations });
    document.addEventListener("securitypolicyviolation", (event) => {
      violations.push(
        `csp: ${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return async () => [
    ...errors,
    ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
  ];
}

test("a developer opens /api/docs and reads the API reference, with nothing blocked by the page's policy", async ({
  page,
}) => {
  const readErrors = await watchForErrors(page);
  const response = await page.goto("/api/docs");
  expect(response?.headers()["content-type"]).toBe("text/html; charset=utf-8");
  expect(response?.headers()["content-security-policy"]).toContain("script-src 'self';style-src 'self'");

  await expect(page).toHaveTitle(/API reference/);
  // Drawn by Swagger UI from /api/docs/openapi.json.
  await expect(page.getByRole("heading", { level: 1, name: /PSU referrals API/ })).toBeVisible();
  await expect(page.getByText("/api/eligibility", { exact: true })).toBeVisible();
  await expect(page.getByText("/api/staff/cases/{caseId}/assign", { exact: true })).toBeVisible();

  expect(await readErrors()).toEqual([]);
  await expectNoAxeViolations(page);
});

test("the reference is interactive: it calls a public endpoint and shows the answer", async ({ page }) => {
  const readErrors = await watchForErrors(page);
  await page.goto("/api/docs");
  await page.getByRole("button", { name: /^GET \/api\/crisis-contacts/ }).click();
  await page.getByRole("button", { name: "Try it out" }).click();
  await page.getByRole("button", { name: "Execute" }).click();

  await expect(page.getByRole("heading", { name: "Server response" })).toBeVisible();
  const answer = page.locator(".live-responses-table");
  await expect(answer.getByRole("cell", { name: "200", exact: true })).toBeVisible();
  await expect(answer.getByRole("code").filter({ hasText: '"contacts"' })).toContainText("Samaritans");

  expect(await readErrors()).toEqual([]);
  await expectNoAxeViolations(page);
});
