import { randomUUID } from "node:crypto";
import { type Browser, expect, type Page } from "@playwright/test";
import { buildExampleSubmission } from "@psu/domain";
import { expectNoAxeViolations, signIn, test } from "./fixtures";

// Least privilege (decision record 017): an admin manages staff and reads the audit log, and
// reads a case only by break-glass, giving a reason that the audit log keeps with the read.

test.describe.configure({ timeout: 120_000 });

async function makeReferral(page: Page, fullName: string): Promise<string> {
  const response = await page.request.post("/api/referrals", {
    headers: { "Idempotency-Key": randomUUID() },
    data: buildExampleSubmission({ fullName, services: ["spoc"] }),
  });
  expect(response.status()).toBe(201);
  const body: unknown = await response.json();
  const reference = typeof body === "object" && body !== null && "reference" in body ? body.reference : undefined;
  if (typeof reference !== "string") throw new Error("The referral's receipt had no reference");
  return reference;
}

async function signInElsewhere(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test("an admin has no cases, and reads one only by break-glass, which the audit log shows with the reason", async ({
  page,
  browser,
}) => {
  const traineeName = `Trainee ${randomUUID().slice(0, 8)}`;
  const reference = await makeReferral(page, traineeName);

  // A coordinator opens the case the ordinary way (the admin is given its address).
  await signIn(page, "coordinator@psu.example");
  await page.getByLabel("Search cases").fill(reference);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(reference) })).toBeVisible();
  const caseUrl = new URL(page.url()).pathname;

  // The admin starts on the staff list: no Cases section, no queue, no way to record a referral.
  const admin = await signInElsewhere(browser, "admin@psu.example");
  await expect(admin).toHaveURL(/\/staff\/leads$/);
  const sections = admin.getByRole("navigation", { name: "Staff sections" });
  await expect(sections.getByRole("link", { name: "Audit log" })).toBeVisible();
  await expect(sections.getByRole("link", { name: "Cases" })).toHaveCount(0);
  await admin.goto("/staff/referrals/new");
  await expect(admin.getByText("Only coordinators can record referrals.")).toBeVisible();

  // The case's address gives the break-glass page, not the case.
  await admin.goto(caseUrl);
  await expect(admin.getByRole("heading", { level: 1, name: "Read this case by break-glass" })).toBeVisible();
  await expect(admin.getByText("You do not have routine access to case content")).toBeVisible();
  await expect(admin.getByText(traineeName)).toHaveCount(0);
  await expect(admin.getByText(reference)).toHaveCount(0);
  await expectNoAxeViolations(admin);

  // Nothing given: every field named.
  await admin.getByRole("button", { name: "Read the case" }).click();
  const summary = admin.getByRole("alert");
  await expect(summary).toContainText("Choose why you need to read this case");
  await expect(summary).toContainText("Enter the request or concern this read is for");
  await expect(summary).toContainText("Confirm that you need to read this case");
  await expectNoAxeViolations(admin);

  await admin.getByLabel("A complaint about how the case was handled").check();
  await admin.getByLabel("Which request or concern is this for?").fill("Complaint ticket CMP-2026-118");
  await admin.getByLabel(/I need to read this case for the reason given/).check();
  await admin.getByRole("button", { name: "Read the case" }).click();

  // The case, read-only, with the break-glass notice.
  await expect(admin.getByRole("heading", { level: 1, name: new RegExp(reference) })).toBeVisible();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText(traineeName);
  await expect(admin.getByText("This read is recorded in the audit log with your reason.")).toBeVisible();
  await expect(admin.getByRole("heading", { name: "Change status" })).toHaveCount(0);
  await expect(admin.getByRole("button", { name: "Add note" })).toHaveCount(0);
  await expectNoAxeViolations(admin);

  // Leaving the page leaves nothing behind: coming back asks for a reason again.
  await admin.goto("/staff/leads");
  await admin.goto(caseUrl);
  await expect(admin.getByRole("heading", { level: 1, name: "Read this case by break-glass" })).toBeVisible();
  await expect(admin.getByText(traineeName)).toHaveCount(0);

  // The audit log shows the read with its own action and the reason.
  await admin.getByRole("navigation", { name: "Staff sections" }).getByRole("link", { name: "Audit log" }).click();
  await admin.getByText("Filter entries").click();
  await admin.getByLabel("Action").selectOption({ label: "Case read by break-glass" });
  await admin.getByRole("button", { name: "Apply filters" }).click();
  const row = admin.getByRole("row").filter({ hasText: reference });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("CASE_BREAK_GLASS_VIEWED");
  await expect(row).toContainText("COMPLAINT");
  await expect(row).toContainText("Complaint ticket CMP-2026-118");
  await expectNoAxeViolations(admin);
});
