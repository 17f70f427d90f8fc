import { randomUUID } from "node:crypto";
import { type Browser, expect, type Page } from "@playwright/test";
import { buildExampleSubmission } from "@psu/domain";
import { DEMO_PASSWORD, enterAuthenticatorCode, expectNoAxeViolations, newTestAddress, signIn, test } from "./fixtures";

// The staff side, as coordinators, leads and admins use it, against the real app and its demo
// staff (seeded on the fresh embedded database the e2e server starts with).

// These journeys sign several people in (argon2id is slow on purpose) and run axe on each page,
// in up to four browser contexts: more than the default 30 seconds on a small, busy machine.
test.describe.configure({ timeout: 120_000 });
const COORDINATOR = "coordinator@psu.example";
const ADMIN = "admin@psu.example";
const SPOC_LEAD = "spoc.lead@psu.example";
const IST_LEAD = "ist.lead@psu.example";

/** A complete, valid referral for the SPOC, as the wizard would send it (the domain's example). */
function buildSubmission(fullName: string) {
  return buildExampleSubmission({ fullName, services: ["spoc"] });
}

/** Makes a referral through the API (the wizard is tested on its own), from a trainee's own address; returns its reference. */
async function makeReferral(page: Page, fullName: string): Promise<string> {
  const response = await page.request.post("/api/referrals", {
    headers: { "Idempotency-Key": randomUUID(), "X-Forwarded-For": newTestAddress() },
    data: buildSubmission(fullName),
  });
  expect(response.status()).toBe(201);
  const body: unknown = await response.json();
  const reference = typeof body === "object" && body !== null && "reference" in body ? body.reference : undefined;
  if (typeof reference !== "string") throw new Error("The referral's receipt had no reference");
  return reference;
}

/** A name no other test (or the other screen size running alongside) uses. */
function uniqueTraineeName(): string {
  return `Trainee ${randomUUID().slice(0, 8)}`;
}

/** A second person at another computer: their own browser context, cookies and all. */
async function signInElsewhere(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

async function searchQueue(page: Page, text: string): Promise<void> {
  await page.getByLabel("Search cases").fill(text);
  await page.getByRole("button", { name: "Search", exact: true }).click();
}

async function openCase(page: Page, reference: string): Promise<void> {
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(reference) })).toBeVisible();
}

test("a coordinator assigns a new referral to the suggested SPOC lead, who alone can see it, and the admin sees both reads", async ({
  page,
  browser,
}) => {
  const traineeName = uniqueTraineeName();
  const reference = await makeReferral(page, traineeName);

  // The coordinator finds the referral by its reference and opens it.
  await signIn(page, COORDINATOR);
  await expect(page.getByRole("heading", { level: 1, name: "Cases" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Unassigned/ })).toHaveAttribute("aria-current", "page");
  await expectNoAxeViolations(page);
  await searchQueue(page, reference);
  const row = page.getByRole("row").filter({ hasText: reference });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(traineeName);
  await expect(row).toContainText("New");
  await expect(row).toContainText(/On track: due|Due soon|Due today/);
  await expectNoAxeViolations(page);
  await openCase(page, reference);
  const caseUrl = page.url();
  const caseId = caseUrl.split("/").at(-1) ?? "";

  // The suggestions come first, with their reasons; the SPOC lead is suggested.
  const leads = page.getByRole("group", { name: "Choose a lead" });
  await expect(leads.getByRole("radio").first()).toHaveAccessibleName("Sam Spoc");
  await expect(leads.getByRole("radio", { name: "Sam Spoc" })).toHaveAccessibleDescription(/^Suggested/);
  await expectNoAxeViolations(page);
  await leads.getByRole("radio", { name: "Sam Spoc" }).check();
  await page.getByRole("button", { name: "Assign lead" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Case assigned to Sam Spoc" })).toBeFocused();
  const summary = page.locator("dl").first();
  await expect(summary).toContainText("Allocated");
  await expect(summary).toContainText("Sam Spoc");
  await expect(page.getByText("Allocated to Sam Spoc")).toBeVisible();

  // The SPOC lead sees it in My cases, and nothing but their own cases.
  const lead = await signInElsewhere(browser, SPOC_LEAD);
  await expect(lead.getByRole("heading", { level: 1, name: "My cases" })).toBeVisible();
  await expect(lead.getByRole("navigation", { name: "Saved views" })).toHaveCount(0);
  await expect(lead.getByRole("link", { name: reference })).toBeVisible();
  await expectNoAxeViolations(lead);
  await openCase(lead, reference);
  await expect(lead.getByRole("button", { name: "Record first contact" })).toBeVisible();
  await expect(lead.getByRole("group", { name: "Choose a lead" })).toHaveCount(0);
  await expectNoAxeViolations(lead);

  // Another lead is told the page does not exist: need-to-know, without saying the case is there.
  const otherLead = await signInElsewhere(browser, IST_LEAD);
  await otherLead.goto(caseUrl);
  await expect(otherLead.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(otherLead.getByText(reference)).toHaveCount(0);
  await expectNoAxeViolations(otherLead);

  // The admin finds both reads in the audit log, filtered by the case.
  const admin = await signInElsewhere(browser, ADMIN);
  await admin.getByRole("link", { name: "Audit log" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await admin.getByText("Filter entries").click();
  await admin.getByLabel("Case id").fill(caseId);
  await admin.getByRole("button", { name: "Apply filters" }).click();
  await expect(admin).toHaveURL(new RegExp(`caseId=${caseId}`));
  const reads = admin.getByRole("row").filter({ hasText: "CASE_VIEWED" });
  await expect(reads.filter({ hasText: "Casey Coordinator" }).first()).toBeVisible();
  await expect(reads.filter({ hasText: "Sam Spoc" }).first()).toBeVisible();
  await expect(admin.getByRole("row").filter({ hasText: "CASE_ASSIGNED" })).toHaveCount(1);
  // The other lead's attempt is there too, as a refusal, not a read.
  await expect(reads.filter({ hasText: "Indra Ist" })).toHaveCount(0);
  await expect(admin.getByRole("row").filter({ hasText: "Indra Ist" })).toContainText("CASE_VIEW_REFUSED");
  await expectNoAxeViolations(admin);
  // The actions offered are the audit log's own vocabulary.
  await admin.getByLabel("Action").selectOption({ label: "Case allocated" });
  await admin.getByRole("button", { name: "Apply filters" }).click();
  await expect(admin).toHaveURL(/action=CASE_ASSIGNED/);
  await expect(admin.getByRole("row").filter({ hasText: "CASE_ASSIGNED" })).toHaveCount(1);
  await expect(admin.getByRole("row").filter({ hasText: "CASE_VIEWED" })).toHaveCount(0);
});

test("signing out ends the session on the server, so the staff pages ask to sign in again", async ({ page }) => {
  await signIn(page, COORDINATOR, { fresh: true });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
  await expect(page.getByRole("heading", { name: "You have signed out" })).toBeVisible();
  await expectNoAxeViolations(page);

  expect((await page.request.get("/api/auth/me")).status()).toBe(401);
  await page.goBack();
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to PSU case management" })).toBeVisible();
});

test("when the session ends while a page is open, the page signs itself out and says why", async ({
  page,
  baseURL,
}) => {
  await signIn(page, COORDINATOR, { fresh: true });
  await page.getByRole("link", { name: /^All cases/ }).click();
  await expect(page.getByRole("region", { name: "All cases" })).toBeVisible();
  // The session ends elsewhere (as after 30 minutes idle): here, ended on the server directly.
  const ended = await page.request.post("/api/auth/sign-out", { headers: { Origin: baseURL ?? "" } });
  expect(ended.status()).toBe(204);

  // Coming back to the tab asks who is signed in; any other staff request answering 401 does the same.
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange", { bubbles: true })));
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
  await expect(page.getByRole("heading", { name: "You have been signed out" })).toBeVisible();
  await expect(page.getByRole("region", { name: "All cases" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Signing in again returns to where they were, filters and all.
  await page.getByLabel("Email address").fill(COORDINATOR);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await enterAuthenticatorCode(page, COORDINATOR);
  await expect(page).toHaveURL(/\/staff\?view=all$/);
  await expect(page.getByRole("region", { name: "All cases" })).toBeVisible();
});

test("a change based on an old version of the case is refused and says someone else changed it", async ({
  page,
  browser,
}) => {
  const reference = await makeReferral(page, uniqueTraineeName());
  await signIn(page, COORDINATOR);
  await searchQueue(page, reference);
  await openCase(page, reference);
  const other = await signInElsewhere(browser, COORDINATOR);
  await other.goto(page.url());
  await expect(other.getByRole("heading", { level: 1, name: new RegExp(reference) })).toBeVisible();

  // The first coordinator changes the case...
  await page.getByLabel("Add a note").fill("Called the trainee's preferred number, no answer.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Note added" })).toBeVisible();

  // ...so the second, still looking at the old version, is told who did what and loses nothing.
  const note = "Left a voicemail asking for a good time to talk.";
  await other.getByLabel("Add a note").fill(note);
  await other.getByRole("button", { name: "Add note" }).click();
  const conflict = other.getByRole("alert").filter({ hasText: "Someone else changed this case" });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("Casey Coordinator changed this case");
  await expect(other.getByLabel("Add a note")).toHaveValue(note);
  await expectNoAxeViolations(other);

  await other.getByRole("button", { name: "Reload the case" }).click();
  await expect(conflict).toHaveCount(0);
  await expect(other.getByText("Called the trainee's preferred number, no answer.")).toBeVisible();
  await other.getByRole("button", { name: "Add note" }).click();
  await expect(other.getByRole("alert").filter({ hasText: "Note added" })).toBeVisible();
  await expect(other.getByText(note).first()).toBeVisible();
});

test("sign-in explains a wrong password, and a locked account, accessibly", async ({ page }, testInfo) => {
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: "Enter your email address" })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page);

  // Each screen size locks its own (non-existent) account, so the two runs do not meet.
  const email = `nobody.${testInfo.project.name}.${randomUUID().slice(0, 8)}@psu.example`;
  await page.getByLabel("Email address").fill(email);
  for (let attempt = 1; attempt <= 11; attempt++) {
    await page.getByLabel("Password").fill("not-the-password");
    // Each attempt must reach the server: a click while the last one is still on its way is ignored.
    const answered = page.waitForResponse((response) => response.url().endsWith("/api/auth/sign-in"));
    await page.getByRole("button", { name: "Sign in" }).click();
    await answered;
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    if (attempt === 1) {
      await expect(page.getByRole("link", { name: "The email address or password is not right" })).toBeVisible();
      await expectNoAxeViolations(page);
    }
  }
  await expect(page.getByText(/Too many failed sign-ins/).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the queue is quick from the keyboard: / jumps to search, and an empty result says so", async ({ page }) => {
  await signIn(page, COORDINATOR);
  await expect(page.getByRole("heading", { level: 1, name: "Cases" })).toBeVisible();
  await page.getByRole("link", { name: /^All cases/ }).click();
  await expect(page.getByRole("link", { name: /^All cases/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("region", { name: "All cases" })).toBeVisible();

  await page.getByRole("heading", { level: 1, name: "Cases" }).click();
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search cases")).toBeFocused();
  await page.keyboard.type("no-such-trainee-anywhere");
  await page.keyboard.press("Enter");
  await expect(page.getByText("No cases in all cases match your search.")).toBeVisible();
  await expectNoAxeViolations(page);

  // The filters open from the keyboard and apply with their button.
  await page.getByRole("button", { name: "Clear search" }).click();
  await page.locator("summary").filter({ hasText: "Filter cases" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("checkbox", { name: /^New/ }).check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/status=new/);
  await expect(page.getByText("Filter cases (1 filter applied)")).toBeVisible();
  const statuses = page.getByRole("region", { name: "All cases" }).getByRole("row");
  await expect(statuses.nth(1)).toContainText("New");
  await expectNoAxeViolations(page);
});

test("the queue pages through a long result with Next page and Previous page", async ({ page }) => {
  // 26 referrals sharing a surname no other test uses: one more than a page holds.
  const surname = `Pager${randomUUID().slice(0, 8)}`;
  for (let index = 1; index <= 26; index++) await makeReferral(page, `Trainee${index} ${surname}`);

  await signIn(page, COORDINATOR);
  await searchQueue(page, surname);
  const rows = page.getByRole("region", { name: "Unassigned" }).getByRole("row");
  // The previous results stay on screen until the search's arrive: wait for those.
  await expect(rows.nth(1)).toContainText(surname);
  await expect(rows).toHaveCount(26); // the header row and 25 cases
  const firstReference = await rows.nth(1).getByRole("link").textContent();

  await page.getByRole("button", { name: "Next page" }).click();
  const secondPage = page.getByRole("region", { name: "Unassigned, page 2" });
  await expect(secondPage).toBeFocused();
  await expect(secondPage.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("button", { name: "Next page" })).toHaveCount(0);

  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(rows).toHaveCount(26);
  await expect(rows.nth(1).getByRole("link")).toHaveText(firstReference ?? "");
  await expect(page.getByRole("button", { name: "Previous page" })).toHaveCount(0);
});

test("the Breaching soon view says how many cases it holds, and lists as many", async ({ page }) => {
  await signIn(page, COORDINATOR);
  const view = page
    .getByRole("navigation", { name: "Saved views" })
    .getByRole("link", { name: /^Breaching soon \(\d+\)$/ });
  const count = Number(/\((\d+)\)/.exec((await view.textContent()) ?? "")?.[1]);
  await view.click();
  await expect(view).toHaveAttribute("aria-current", "page");

  // What each page shows, as announced once its own cases have arrived.
  const shown = page.getByRole("status").filter({ hasText: /cases? shown$/ });
  let listed = 0;
  for (let pageNumber = 1; count > 0 && pageNumber <= 20; pageNumber += 1) {
    const prefix = pageNumber > 1 ? `Page ${pageNumber}: ` : "";
    await expect(shown).toHaveText(new RegExp(`^${prefix}\\d+ cases? shown$`));
    listed += Number(/(\d+) cases? shown/.exec((await shown.textContent()) ?? "")?.[1]);
    const next = page.getByRole("button", { name: "Next page" });
    if ((await next.count()) === 0) break;
    await next.click();
  }
  if (count === 0) await expect(page.getByText("No cases are close to or past their SLA.")).toBeVisible();
  expect(listed).toBe(count);
});

test("coordinators read the staff list; admins manage staff", async ({ page, browser }) => {
  await signIn(page, COORDINATOR);
  await page.getByRole("link", { name: "Staff and leads" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Staff and leads" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Sam Spoc" })).toContainText("SPOC");
  await expect(page.getByRole("link", { name: "Add a member of staff" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  const admin = await signInElsewhere(browser, ADMIN);
  await admin.goto("/staff/leads");
  await admin.getByRole("link", { name: "Kit Coach" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: /Kit Coach/ })).toBeVisible();
  await expectNoAxeViolations(admin);
  await admin.getByRole("button", { name: "Add leave" }).click();
  await expect(admin.getByRole("link", { name: "Enter the first day of leave as a real date" })).toBeVisible();
  await expectNoAxeViolations(admin);

  await admin.goto("/staff/leads/new");
  await admin.getByRole("button", { name: "Add member of staff" }).click();
  await expect(admin.getByRole("link", { name: "Choose a role" })).toBeVisible();
  await expectNoAxeViolations(admin);
});
