import { expect } from "@playwright/test";
import { SSO_BUTTON_LABEL } from "../sso-settings";
import { expectNoAxeViolations, test } from "./fixtures";

// Single sign-on in the browser against a real OpenID provider (oidc-provider-setup.ts): the
// button, the provider's login, and back into the staff pages, or back to sign-in with a reason.

test("a member of staff signs in by single sign-on and reaches the queue", async ({ page }) => {
  await page.goto("/staff/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to PSU case management" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: SSO_BUTTON_LABEL }).click();
  await expect(page.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
  await page.getByLabel("Email address").fill("coaching.lead@psu.example");
  await page.getByRole("button", { name: "Sign in to the test provider" }).click();

  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page).toHaveURL(/\/staff$/);
  await expectNoAxeViolations(page);
});

test("an organisation account with no staff account comes back to sign-in with a clear message", async ({ page }) => {
  await page.goto("/staff/sign-in");
  await page.getByRole("link", { name: SSO_BUTTON_LABEL }).click();
  await page.getByLabel("Email address").fill("not.on.the.staff@trust.nhs.example");
  await page.getByRole("button", { name: "Sign in to the test provider" }).click();

  await expect(page).toHaveURL(/\/staff\/sign-in\?sso-error=no-account$/);
  const problem = page.getByRole("alert");
  await expect(problem).toContainText("There is no active PSU staff account");
  await expect(problem).not.toContainText("not.on.the.staff");
  // The password form is still there for those who have one.
  await expect(page.getByLabel("Password")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a sign-in link used twice says it has expired", async ({ page }) => {
  await page.goto("/api/auth/sso/callback?state=made-up&code=made-up");
  await expect(page).toHaveURL(/\/staff\/sign-in\?sso-error=expired$/);
  await expect(page.getByRole("alert")).toContainText("Signing in took too long, or the sign-in link was already used");
  await expect(page).toHaveTitle(/Sign in/);
  await expectNoAxeViolations(page);
});

test("with password sign-in switched off, the page offers single sign-on alone", async ({ page }) => {
  // This run's server keeps password sign-in on (other journeys need it), so the server's answer
  // is replaced here; the API's own refusal of passwords is proved in sso.int.test.ts.
  await page.route("**/api/auth/options", (route) =>
    route.fulfill({ json: { passwordSignIn: false, singleSignOn: { label: SSO_BUTTON_LABEL } } }),
  );
  await page.goto("/staff/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to PSU case management" })).toBeVisible();
  await expect(page.getByRole("link", { name: SSO_BUTTON_LABEL })).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Sign in" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
