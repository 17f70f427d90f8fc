import { expect } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, expectNoAxeViolations, signIn, test, totpCode } from "./fixtures";

// Signing in with a password and a second factor, as staff do: the first sign-in sets up an
// authenticator app (QR code or key, first code, recovery codes); later ones ask for a code.

test("first sign-in: set up an authenticator app, save the recovery codes, then sign in with a recovery code", async ({
  page,
}, testInfo) => {
  // The demo has one member not yet set up, and setting up happens once per demo database.
  test.skip(testInfo.project.name !== "desktop", "the one new starter can set up once per run");
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address").fill("new.starter@psu.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("heading", { name: "Set up an authenticator app", level: 1 })).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code to add new.starter@psu.example/ })).toBeVisible();
  await page.getByText("I cannot scan the QR code").click();
  const key = ((await page.locator(".app-authenticator-key").textContent()) ?? "").replaceAll(" ", "");
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  await expectNoAxeViolations(page);

  // A wrong code first: the error summary and the field say so.
  const code = page.getByLabel("Code from your authenticator app");
  await expect(code).toHaveAttribute("autocomplete", "one-time-code");
  await expect(code).toHaveAttribute("inputmode", "numeric");
  await code.fill("12");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the 6-digit code from your authenticator app");
  await expectNoAxeViolations(page);

  await code.fill(totpCode(key, Math.floor(Date.now() / 30_000)));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes", level: 1 })).toBeVisible();
  const recoveryCodes = await page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allInnerTexts();
  expect(recoveryCodes).toHaveLength(10);
  await expectNoAxeViolations(page);
  // Continuing needs the confirmation ticked.
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert")).toContainText("Confirm you have saved your recovery codes");
  await page.getByLabel("I have saved my recovery codes").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  // Signed out, then in again with a recovery code instead of the app.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("Email address").fill("new.starter@psu.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "Use a recovery code instead" }).click();
  await expect(page.getByRole("heading", { name: "Enter a recovery code", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Enter a recovery code").fill(recoveryCodes[0] ?? "");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("later sign-ins ask for the code from the app, and refuse a wrong one", async ({ page }) => {
  await page.goto("/staff/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to PSU case management" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Email address").fill("ist.lead@psu.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  const field = page.getByLabel("Enter the code from your authenticator app");
  await expect(field).toHaveAttribute("autocomplete", "one-time-code");
  await expect(field).toHaveAttribute("inputmode", "numeric");
  await expectNoAxeViolations(page);
  // A code from far in the future is not accepted.
  await field.fill(totpCode(DEMO_TOTP_SECRET, Math.floor(Date.now() / 30_000) + 5));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert")).toContainText("The code is not right");
  await expectNoAxeViolations(page);
  await expect(page).toHaveTitle(/^Error: /);
});

test("the signed-in pages open after the code", async ({ page }) => {
  await signIn(page, "spoc.lead@psu.example", { fresh: true });
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});
