import { expect } from "@playwright/test";
import { expectNoAxeViolations, test } from "./fixtures";

test("a trainee opens the start page and sees the PSU's services", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Professional Support Unit/);
  await expect(
    page.getByRole("heading", { level: 1, name: "Get support from the Professional Support Unit" }),
  ).toBeVisible();

  // These come from GET /api/services, not from the page's own code.
  const referralList = page
    .getByRole("heading", { name: "Support you can ask to be referred to" })
    .locator("xpath=following-sibling::ul[1]");
  await expect(referralList.getByRole("listitem")).toHaveCount(8);
  await expect(referralList).toContainText("Individual Support Team");
  await expect(page.getByText("Wellbeing and self-management resources")).toBeVisible();
  await expect(page.getByRole("link", { name: "Start now" })).toBeVisible();

  // Only what the unit's own page says: independent and impartial, and who can use the service.
  await expect(
    page.getByText(/works independently of Specialty Schools, training programmes and Trusts/),
  ).toBeVisible();
  await expect(
    page.getByText(/not sure which of our services would help you, or if you would like more than one/),
  ).toBeVisible();
  const whoCanUse = page
    .getByRole("heading", { name: "Who can use this service" })
    .locator("xpath=following-sibling::ul[1]");
  await expect(whoCanUse).toContainText(
    "a doctor in a London or KSS foundation programme counts as holding a training number",
  );
  await expect(whoCanUse).toContainText("gave up their training number in the last 3 months");
  await expect(whoCanUse).toContainText("18-month GP pharmacist training pathway");

  await expectNoAxeViolations(page);
});

test("a trainee in distress reaches the crisis contacts in one click from the start page", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Get help now" }).first().click();

  await expect(page).toHaveURL(/\/get-help-now$/);
  await expect(page.getByRole("heading", { level: 1, name: "Get help now" })).toBeFocused();
  await expect(page.getByRole("link", { name: "Call 116 123" })).toHaveAttribute("href", "tel:116123");
  await expect(page.getByRole("link", { name: "Text FRONTLINE to 85258" })).toHaveAttribute("href", "sms:85258");
  await expect(page.getByRole("link", { name: /Call 999/ })).toBeVisible();
  // The three organisations the unit's page links to, each to its own site.
  await expect(page.getByRole("link", { name: "Visit bma.org.uk" })).toHaveAttribute("href", "https://www.bma.org.uk/");
  await expect(page.getByRole("link", { name: "Visit samaritans.org" })).toHaveAttribute(
    "href",
    "https://www.samaritans.org/",
  );
  await expect(page.getByRole("link", { name: "Visit practitionerhealth.nhs.uk" })).toHaveAttribute(
    "href",
    "https://www.practitionerhealth.nhs.uk/",
  );

  await expectNoAxeViolations(page);
});

test("the crisis contacts show even when the API cannot be reached", async ({ page }) => {
  await page.route("**/api/crisis-contacts", (route) => route.abort());
  await page.goto("/get-help-now");
  await expect(page.getByRole("link", { name: "Call 0300 131 7000" })).toBeVisible();
});

test("every page has a skip link to the main content and the Get help now link", async ({ page }) => {
  for (const path of ["/", "/get-help-now", "/refer", "/no-such-page"]) {
    await page.goto(path);
    await expect(page.getByRole("link", { name: "Get help now" }).first()).toBeVisible();
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
  }
});

test("an unknown page says it was not found, accessibly", async ({ page }) => {
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expectNoAxeViolations(page);
});
