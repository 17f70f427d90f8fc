import { randomUUID } from "node:crypto";
import { type Browser, expect, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn, test, totpCode } from "./fixtures";
import { countEmailsTo, waitForEmailedLink } from "./mailbox";

// Nobody chooses a password for anyone else: an admin invites by email, the member creates
// their own password; members change it, or reset it by email. The emails are the ones the app
// really sent over SMTP (tests/mailbox.ts).

// One admin session per screen size for the whole file: each sign-in spends an authenticator
// code, and the two screen sizes run at once.
test.describe.configure({ timeout: 120_000, mode: "serial" });
const ADMIN = "admin@psu.example";
const GOOD_PASSWORD = "plum kettle orbit lantern";

function uniqueEmail(who: string): string {
  return `${who}.${randomUUID().slice(0, 8)}@psu.example`;
}

/** Adds a member through the API as the admin, and returns the path of their invitation link. */
async function inviteThroughApi(admin: Page, baseURL: string | undefined, email: string): Promise<string> {
  const response = await admin.request.post("/api/staff/members", {
    headers: { Origin: baseURL ?? "" },
    data: { name: "Rowan Reset", email, role: "coordinator" },
  });
  expect(response.status()).toBe(201);
  return waitForEmailedLink(email, "/staff/invitation");
}

/** A member with their own password and authenticator, signed in on `page` (enrolled through the API, which the sign-in tests cover). */
async function becomeMember(page: Page, invitationPath: string, email: string): Promise<void> {
  const token = invitationPath.split("#")[1] ?? "";
  const accepted = await page.request.post("/api/account/invitation/accept", {
    data: { token, password: GOOD_PASSWORD },
  });
  expect(accepted.status()).toBe(204);
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(GOOD_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/staff\/sign-in\/set-up-authenticator$/);
  // From the page, so the Secure session cookie goes with the requests.
  const secret = await page.evaluate(async () => {
    const response = await fetch("/api/auth/enrolment");
    return ((await response.json()) as { secret: string }).secret;
  });
  const confirmed = await page.evaluate(
    async (code) =>
      (
        await fetch("/api/auth/enrolment", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ code }),
        })
      ).status,
    totpCode(secret, Math.floor(Date.now() / 30_000)),
  );
  expect(confirmed).toBe(200);
  await page.goto("/staff");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

let admin: Page;
test.beforeAll(async ({ browser }) => {
  admin = await newPage(browser);
  await signIn(admin, ADMIN);
});
test.afterAll(async () => {
  await admin.context().close();
});

test("an admin invites a member, who creates their own password and goes on to set up an authenticator", async ({
  browser,
}) => {
  const email = uniqueEmail("ivy");
  const name = `Ivy ${randomUUID().slice(0, 6)}`;
  const page = admin;
  await page.goto("/staff/leads/new");
  await expect(page.getByLabel(/password/i)).toHaveCount(0);
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Work email address").fill(email);
  await page.getByRole("radio", { name: "Coordinator" }).check();
  await page.getByRole("button", { name: "Add member of staff" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: `${name} has been added and emailed an invitation` }),
  ).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Invited, not accepted yet");
  await expectNoAxeViolations(page);
  const firstLink = await waitForEmailedLink(email, "/staff/invitation");

  // The admin sends a new invitation: the first link stops working.
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name: "Invitation" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Send a new invitation" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: `A new invitation has been emailed to ${name}` }),
  ).toBeVisible();
  await expect.poll(() => countEmailsTo(email), { timeout: 20_000 }).toBe(2);
  const link = await waitForEmailedLink(email, "/staff/invitation");
  expect(link).not.toBe(firstLink);

  const invitee = await newPage(browser);
  await invitee.goto(firstLink);
  await expect(
    invitee.getByRole("heading", { level: 1, name: "This link has expired or has already been used." }),
  ).toBeVisible();
  await expect(invitee.getByText("Ask an admin of PSU case management to send you a new invitation.")).toBeVisible();
  await expectNoAxeViolations(invitee);

  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { level: 1, name: "Create your password" })).toBeVisible();
  await expect(invitee.getByText(email)).toBeVisible();
  await expectNoAxeViolations(invitee);
  await invitee.getByRole("button", { name: "Create password" }).click();
  await expect(invitee.getByRole("link", { name: "Enter a password" })).toBeVisible();
  const field = invitee.getByLabel("Password", { exact: true });
  await field.fill("qwerty123456");
  await invitee.getByRole("button", { name: "Create password" }).click();
  await expect(
    invitee.getByRole("link", {
      name: "Choose a password that is harder to guess: this one is on a list of common passwords",
    }),
  ).toBeVisible();
  await expect(invitee).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(invitee);

  // One field, with Show and Hide, rather than typing it twice.
  await field.fill(GOOD_PASSWORD);
  await expect(field).toHaveAttribute("type", "password");
  await invitee.getByRole("button", { name: "Show password" }).click();
  await expect(field).toHaveAttribute("type", "text");
  await expect(invitee.getByText("Your password is visible")).toBeAttached();
  await invitee.getByRole("button", { name: "Hide password" }).click();
  await expect(field).toHaveAttribute("type", "password");
  await invitee.getByRole("button", { name: "Create password" }).click();
  await expect(invitee.getByRole("heading", { level: 1, name: "Your password has been created" })).toBeVisible();
  await expectNoAxeViolations(invitee);

  await invitee.getByRole("button", { name: "Sign in" }).click();
  await invitee.getByLabel("Email address").fill(email);
  await invitee.getByLabel("Password", { exact: true }).fill(GOOD_PASSWORD);
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await expect(invitee).toHaveURL(/\/staff\/sign-in\/set-up-authenticator$/);

  // The link worked once.
  await invitee.goto(link);
  await expect(
    invitee.getByRole("heading", { level: 1, name: "This link has expired or has already been used." }),
  ).toBeVisible();
  await page.goto("/staff/leads");
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Active");
});

test("a member changes their password: the current one first, the new one checked", async ({ page, baseURL }) => {
  const email = uniqueEmail("casey");
  await becomeMember(page, await inviteThroughApi(admin, baseURL, email), email);

  await page.getByRole("link", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change your password" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Current password").fill("not my password at all");
  await page.getByLabel("New password").fill("rowan kettle harbour");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("link", { name: "Your current password is not right" })).toBeVisible();
  await page.getByLabel("Current password").fill(GOOD_PASSWORD);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("link", { name: "Your password must be at least 12 characters" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("New password").fill("rowan kettle harbour");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Your password has been changed" })).toBeFocused();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(GOOD_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: "The email address or password is not right" })).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill("rowan kettle harbour");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/staff\/sign-in\/code$/);
});

test("a forgotten password is reset by email, without saying whether an account exists", async ({
  page,
  browser,
  baseURL,
}) => {
  const email = uniqueEmail("rowan");
  const member = await newPage(browser);
  await becomeMember(member, await inviteThroughApi(admin, baseURL, email), email);

  await page.goto("/staff/sign-in");
  await page.getByRole("link", { name: "Forgotten your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("link", { name: "Enter your email address" })).toBeVisible();
  await expectNoAxeViolations(page);

  // An address with no account gets the same answer, and no email.
  const nobody = uniqueEmail("nobody");
  await page.getByLabel("Your work email address").fill(nobody);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  const answerForNobody = (await page.getByRole("main").textContent()) ?? "";
  await expectNoAxeViolations(page);

  await page.goto("/staff/password-reset");
  await page.getByLabel("Your work email address").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  expect(((await page.getByRole("main").textContent()) ?? "").replace(email, "ADDRESS")).toBe(
    answerForNobody.replace(nobody, "ADDRESS"),
  );
  const link = await waitForEmailedLink(email, "/staff/password-reset/new");
  expect(countEmailsTo(nobody)).toBe(0);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Password", { exact: true }).fill(`my ${email.split("@")[0]} password`);
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page.getByRole("link", { name: /must not contain your email address/ })).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill("orchard lantern quiet river");
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your password has been reset" })).toBeVisible();
  await expectNoAxeViolations(page);

  // The member's open session has ended; the second factor is still asked for.
  await member.reload();
  await expect(member).toHaveURL(/\/staff\/sign-in$/);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("orchard lantern quiet river");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/staff\/sign-in\/code$/);

  await page.goto(link);
  await expect(
    page.getByRole("heading", { level: 1, name: "This link has expired or has already been used." }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});
