import { readFile } from "node:fs/promises";
import { expect, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn, test } from "./fixtures";

// Reports for coordinators and admins, against the real app and its demo data: a year of
// fictional history (apps/api/src/demo/demo-history.ts) seeded on the fresh database.

// Sign-ins are slow on purpose (argon2id) and axe runs on every page: more than 30 seconds.
test.describe.configure({ timeout: 120_000 });

/** The numbers in a table's last column, header row left out. */
async function readCounts(page: Page, caption: string): Promise<number[]> {
  const rows = page.getByRole("table", { name: caption }).locator("tbody tr");
  const texts = await rows.locator("td:last-child").allTextContents();
  return texts.map((text) => Number(text.replaceAll(",", "")));
}

test("a coordinator reads the reports, changes the period, downloads a table and sees equality monitoring in aggregate", async ({
  page,
}) => {
  await signIn(page, "coordinator@psu.example");
  await page.getByRole("link", { name: "Reports", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Reports", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page).toHaveTitle(/^Reports - /);

  // The last 12 months by default, every section with its numbers in a table.
  for (const heading of ["Referrals", "Response times", "Open cases", "Caseload per lead"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  const byMonth = await readCounts(page, "Referrals by month");
  expect(byMonth).toHaveLength(12);
  expect(byMonth.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(100);
  const byRegion = await readCounts(page, "Referrals by region");
  expect(byRegion.reduce((sum, count) => sum + count, 0)).toBe(byMonth.reduce((sum, count) => sum + count, 0));
  await expect(page.getByRole("table", { name: "Response times" })).toContainText("90th percentile");
  await expect(page.getByRole("table", { name: "Response times" })).toContainText(/\d+% \(\d+ of \d+\)/);
  await expect(
    page.getByRole("table", { name: "Caseload per lead" }).getByRole("row", { name: /Sam Spoc/ }),
  ).toBeVisible();
  const oldest = page.getByRole("table", { name: /oldest open case/ });
  await expect(oldest.getByRole("link").first()).toBeVisible();
  await expectNoAxeViolations(page);

  // One month only: the month table has one row, and the period is in the address.
  const thisMonth = await page.getByLabel("To month").inputValue();
  await page.getByLabel("From month").fill(thisMonth);
  await page.getByRole("button", { name: "Show figures" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${thisMonth}&to=${thisMonth}`));
  await expect(page.getByRole("table", { name: "Referrals by month" }).locator("tbody tr")).toHaveCount(1);

  // A wrong period is explained in the error summary, naming the field.
  await page.getByLabel("From month").fill("March 2026");
  await page.getByRole("button", { name: "Show figures" }).click();
  const problem = page.getByRole("link", { name: "Enter a month in the format YYYY-MM, for example 2026-11" });
  await expect(problem).toBeVisible();
  await expect(page).toHaveTitle(/^Error: Reports/);
  await expectNoAxeViolations(page);
  await problem.click();
  await expect(page.getByLabel("From month")).toBeFocused();

  // A wrong period in the address gets the API's own words.
  await page.goto("/staff/reports?from=2026-06&to=2026-01");
  await expect(
    page.getByRole("link", { name: "The end month must be the same as or after the start month" }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // Each table downloads as CSV, with a header row.
  await page.goto("/staff/reports");
  await expect(page.getByRole("table", { name: "Referrals by month" })).toBeVisible();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download this table as CSV (Referrals by month)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile(await download.path(), "utf8");
  const [header, ...lines] = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  expect(header?.toLowerCase()).toContain("month");
  expect(lines).toHaveLength(12);

  // Equality monitoring: aggregate only, small numbers hidden.
  await page.getByRole("link", { name: "Equality monitoring" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Equality monitoring" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Why some numbers are hidden" })).toBeVisible();
  await expect(page.getByRole("table").first()).toBeVisible();
  expect(await page.getByRole("table").count()).toBeGreaterThanOrEqual(7);
  await expect(page.getByRole("cell", { name: "fewer than 5" }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // One ended calendar quarter at a time (decision 019): the latest by default, older ones to choose.
  const quarter = page.getByLabel("Quarter");
  const offered = await quarter.locator("option").allTextContents();
  expect(offered.length).toBeGreaterThanOrEqual(4);
  for (const label of offered) expect(label).toMatch(/^(January|April|July|October) to \w+ \d{4}$/);
  await expect(page.getByText(`Figures for ${offered[0]}, worked out on`)).toBeVisible();
  await quarter.selectOption({ label: offered[1] as string });
  await page.getByRole("button", { name: "Show figures" }).click();
  await expect(page.getByText(`Figures for ${offered[1]}, worked out on`)).toBeVisible();
  expect(new URL(page.url()).searchParams.get("from")).toMatch(/^\d{4}-(01|04|07|10)$/);

  // Any other period, typed into the address, is refused with the reason, on the quarter choice.
  await page.goto("/staff/reports/equality?from=2026-09&to=2026-11");
  await expect(page.getByRole("alert")).toContainText("Equality figures are for one calendar quarter");
  await expect(page.getByRole("table")).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("a lead is not offered reports and is told so at their address", async ({ page }) => {
  await signIn(page, "spoc.lead@psu.example");
  await expect(page.getByRole("heading", { level: 1, name: "My cases" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Staff sections" }).getByRole("link")).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Reports", exact: true })).toHaveCount(0);

  await page.goto("/staff/reports");
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  await expect(page.getByText("Only coordinators and admins can see reports.")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.goto("/staff/reports/equality");
  await expect(page.getByText("Only coordinators and admins can see reports.")).toBeVisible();
  expect((await page.request.get("/api/staff/reports/csv/caseload?from=2026-01&to=2026-03")).status()).toBe(403);
});
