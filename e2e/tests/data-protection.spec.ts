import { readFile } from "node:fs/promises";
import { expect } from "@playwright/test";
import { expectNoAxeViolations, signIn, test } from "./fixtures";

// An admin exports what is held about a demo trainee, then erases that trainee's referral.

test.describe.configure({ timeout: 120_000 });

test("an admin downloads a subject access export and erases the trainee's data", async ({
  page,
  browser,
}, testInfo) => {
  // Each project (desktop, mobile) erases a different demo trainee: they share one database.
  const trainee = testInfo.project.name === "mobile" ? "taylor.fictional" : "robin.sample";
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  await signIn(page, "admin@psu.example");
  // An admin has no queue (decision record 017): they start on the staff list.
  await expect(page).toHaveURL(/\/staff\/leads$/);
  await page.getByRole("link", { name: "Data protection", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Data protection" })).toBeVisible();
  await expectNoAxeViolations(page);

  // The empty form names the field.
  await page.getByRole("button", { name: "Download the export" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the trainee's email address or referral reference");
  await expectNoAxeViolations(page);

  await page.getByLabel("Email address or referral reference").fill(`${trainee}@example.com`);
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the export" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^subject-access-\d{4}-\d{2}-\d{2}\.json$/);
  const document = JSON.parse(await readFile(await download.path(), "utf8"));
  expect(document.referrals.length).toBeGreaterThan(0);
  expect(document.referrals[0].referral.email).toBe(`${trainee}@example.com`);
  const reference: string = document.referrals[0].reference;

  // Erasure: a missing reason and ticket are named, then the check page, then the confirmation.
  await page.getByLabel("Referral reference", { exact: true }).fill(reference);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert")).toContainText("Choose why the data is being erased");
  await expect(page.getByRole("alert")).toContainText("Enter the ticket number of the request");
  await expectNoAxeViolations(page);
  await page.getByLabel("The trainee asked us to erase their data").check();
  await page.getByLabel("Ticket number of the request").fill("DPR-2026/114");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check before you erase" })).toBeVisible();
  await expect(page.getByText(reference)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Erase this trainee's data" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Trainee's data erased" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Nothing about the trainee went into a URL.
  expect(urls.filter((url) => url.includes(trainee) || url.includes(reference))).toEqual([]);

  // The case is still there for the unit's records, without the person. Admins read no cases
  // (decision record 017), so a coordinator looks.
  const coordinator = await (await browser.newContext()).newPage();
  await signIn(coordinator, "coordinator@psu.example");
  await coordinator.getByLabel("Search cases").fill(reference);
  await coordinator.getByRole("button", { name: "Search", exact: true }).click();
  // The erasure withdrew the open case, so it is no longer in the coordinator's first view.
  await coordinator.getByRole("link", { name: "Search all cases" }).click();
  await coordinator.getByRole("link", { name: reference }).click();
  await expect(coordinator.getByRole("heading", { level: 1, name: new RegExp(reference) })).toContainText(
    "Details removed",
  );
  await expect(coordinator.getByText(/personal details and their own words were removed/)).toBeVisible();
  await expect(coordinator.getByText(`${trainee}@example.com`)).toHaveCount(0);
  await expectNoAxeViolations(coordinator);
});

test("coordinators do not see the data protection page", async ({ page }) => {
  await signIn(page, "coordinator@psu.example");
  await expect(page.getByRole("link", { name: "Data protection", exact: true })).toHaveCount(0);
});
