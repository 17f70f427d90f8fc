import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn, test } from "./fixtures";

// A referral that came by phone, recorded by a coordinator from the staff side, against the
// real app and its demo staff.

const COORDINATOR = "coordinator@psu.example";
// Signing in (argon2id) and axe on a long form take time on a small, busy machine.
test.describe.configure({ timeout: 120_000 });

function radioIn(page: Page, question: string, answer: string | RegExp) {
  return page.getByRole("group", { name: question }).getByRole("radio", { name: answer, exact: true });
}

test("a coordinator records a phoned-in referral and finds it in the queue with its channel", async ({ page }) => {
  const traineeName = `Caller ${randomUUID().slice(0, 8)}`;
  await signIn(page, COORDINATOR);
  await page.getByRole("link", { name: "Record a referral received by email or phone" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Record a referral" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Sending it empty lists every missing answer, and each is said again at its field.
  await page.getByRole("button", { name: "Record referral" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: "Select whether the referral came by email or phone" })).toBeVisible();
  await expect(page.getByRole("group", { name: "How did the referral arrive?" })).toContainText(
    "Error: Select whether the referral came by email or phone",
  );
  await expectNoAxeViolations(page);

  // Someone outside London and KSS is refused, with the reason, before anything is sent.
  await radioIn(page, "How did the referral arrive?", "By phone").check();
  await radioIn(page, "Who made the referral?", "The trainee, for themselves").check();
  await radioIn(page, "Where does the trainee work or train?", "Somewhere else").check();
  await radioIn(page, "Which group is the trainee in?", /^A postgraduate doctor or dentist/).check();
  await radioIn(page, "Do they hold a London or KSS training number (NTN or DRN)?", /^Yes, they hold one now/).check();
  await expect(page.getByRole("heading", { name: "The trainee is not eligible" })).toBeVisible();
  await expectNoAxeViolations(page);
  await radioIn(page, "Where does the trainee work or train?", "London").check();
  await expect(page.getByText("The trainee is eligible for the unit's support.")).toBeVisible();

  await page.getByRole("checkbox", { name: "Not sure: talk it through with the SPOC" }).check();
  await page.getByLabel("Full name").fill(traineeName);
  await page.getByLabel("Phone number").fill("07700 900123");
  await radioIn(page, "How would they like us to contact them?", "Email").check();
  await radioIn(page, "Which professional register are they on?", "General Medical Council (GMC)").check();
  await page.getByLabel("Registration number").fill("7654321");
  await page.getByLabel("Specialty or training programme").fill("Core Surgical Training");
  await page.getByLabel("Grade").fill("CT1");
  await page.getByLabel("Trust or employer").fill("Example NHS Trust");
  await radioIn(page, "Do they work full time or less than full time?", "Full time").check();
  await page.getByLabel("What is happening").fill("Rang the unit about exam stress.");
  await radioIn(page, "How soon would they like support?", "Within a month").check();
  await page.getByRole("checkbox", { name: "I went through the unit's confidentiality policy with them" }).check();
  await page.getByRole("checkbox", { name: /we may share information without their consent/ }).check();
  await radioIn(page, "May we contact their supervisor?", "No").check();

  // No email address, so email cannot be how they are contacted: said at that field.
  await page.getByRole("button", { name: "Record referral" }).click();
  await expect(summary.getByRole("link", { name: /Preferred contact cannot be email/ })).toBeVisible();
  await summary.getByRole("link", { name: /Preferred contact cannot be email/ }).click();
  await expect(radioIn(page, "How would they like us to contact them?", "Email")).toBeFocused();
  await radioIn(page, "How would they like us to contact them?", "Phone").check();

  await page.getByRole("button", { name: "Record referral" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Referral recorded" })).toBeVisible();
  const reference = (await page.locator(".nhsuk-panel strong").textContent()) ?? "";
  expect(reference).toMatch(/^PSU-[2-9A-Y]{4}-[2-9A-Y]{4}$/);
  await expect(page.getByText("no confirmation email is sent")).toBeVisible();
  await expectNoAxeViolations(page);

  // The case says how it arrived and who recorded it.
  await page.getByRole("link", { name: "Open the case" }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(reference) })).toBeVisible();
  await expect(page.locator("dl").first()).toContainText("Phone (recorded by staff)");
  await expect(page.getByText("Referral recorded by staff from a phone call")).toBeVisible();

  // The queue shows it with its channel, and the channel filter finds it.
  await page.goto("/staff?view=all&channel=phone");
  await page.getByLabel("Search cases").fill(reference);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const row = page.getByRole("row").filter({ hasText: reference });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(traineeName);
  await expect(row.getByRole("cell", { name: "Phone", exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a lead who opens the page is told at once that recording referrals is for coordinators", async ({ page }) => {
  await signIn(page, "spoc.lead@psu.example");
  await expect(page.getByRole("link", { name: "Record a referral" })).toHaveCount(0);
  await page.goto("/staff/referrals/new");
  await expect(page.getByText("Only coordinators can record referrals.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Record referral" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
