import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { expectNoAxeViolations, test } from "./fixtures";
import { continueOn, expectErrorOnEmptySubmit, expectQuestion, REFERENCE_PATTERN } from "./referral-steps";

/** A referral made in this test through the API (the wizard itself is covered by the referral specs). */
async function createReferral(page: Page, email: string): Promise<{ reference: string; triageDueOn: string }> {
  const response = await page.request.post("/api/referrals", {
    headers: { "Idempotency-Key": randomUUID() },
    data: {
      eligibility: { referrer: "self", region: "london", group: "caps_or_msw", concerns: [] },
      services: ["spoc"],
      details: {
        fullName: "Sam Status",
        personalEmail: email,
        phone: "020 7946 0000",
        preferredContact: "phone",
        registration: { register: "none", number: "" },
        programme: "Medical Support Worker programme",
        grade: "MSW",
        employer: "Example NHS Trust",
        workPattern: "full_time",
      },
      story: { whatIsHappening: "I would like to talk about my next steps.", howSoon: "when_possible" },
      consent: {
        acceptsConfidentialityPolicy: true,
        understandsSafetyOverride: true,
        consentsToSupervisorContact: false,
      },
    },
  });
  expect(response.status()).toBe(201);
  const { reference, triageDueOn } = await response.json();
  expect(reference).toMatch(REFERENCE_PATTERN);
  return { reference, triageDueOn };
}

/** "2026-06-03" as the pages write it: "3 June 2026". */
function formatLongDate(date: string): string {
  const options = { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" } as const;
  return new Date(`${date}T12:00:00Z`).toLocaleDateString("en-GB", options);
}

async function lookUp(page: Page, reference: string, email: string) {
  await page.getByLabel("Reference number").fill(reference);
  await page.getByLabel("Email address").fill(email);
  await continueOn(page, "Check status");
}

test("a trainee checks their referral's status and withdraws it", async ({ page }) => {
  // A referral through the whole wizard, then four pages each scanned by axe: over 30 s when
  // the machine is busy (it timed out once on the last page's scan).
  test.slow();
  const email = `status-${randomUUID()}@example.com`;
  const { reference, triageDueOn } = await createReferral(page, email);

  await page.goto("/");
  await page.getByRole("link", { name: "Check the status of a referral" }).click();
  await expectQuestion(page, "Check the status of your referral");
  await expectNoAxeViolations(page);
  await expectErrorOnEmptySubmit(
    page,
    "Enter your reference as it appears in your email, like PSU-7K3F-9QX4",
    "Check status",
  );

  // Typed loosely (lower case, no dashes) it still finds the referral.
  await lookUp(page, reference.toLowerCase().replaceAll("-", " "), email.toUpperCase());
  await expectQuestion(page, "Your referral");
  await expect(page.getByText(reference)).toBeVisible();
  await expect(page.getByText("Received", { exact: true })).toBeVisible();
  // The confirmation's promise, with the date the referral's receipt gave.
  await expect(
    page.getByText(`A PSU coordinator will review your referral by ${formatLongDate(triageDueOn)}.`, { exact: true }),
  ).toBeVisible();
  expect(page.url()).not.toContain(reference);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Withdraw your referral" }).click();
  await expectQuestion(page, "Are you sure you want to withdraw your referral?");
  await expectNoAxeViolations(page);
  await page.getByLabel("Why are you withdrawing your referral? (optional)").fill("I found support elsewhere.");
  await continueOn(page, "Yes, withdraw my referral");

  await expectQuestion(page, "Your referral has been withdrawn");
  await expect(page.getByText(reference)).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a reference and email that do not match get one generic answer", async ({ page }) => {
  const { reference } = await createReferral(page, `owner-${randomUUID()}@example.com`);
  await page.goto("/check-status");
  await lookUp(page, reference, "someone.else@example.com");
  await expect(page.getByRole("alert")).toContainText(
    "We could not find a referral with that reference and email address. Check both and try again.",
  );
  await expect(page.locator(".nhsuk-error-summary")).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page);
});

test("too many attempts are met with a plain instruction to wait", async ({ page }) => {
  // The limit itself is the API's (and tested there); here, what the trainee is told when it is hit.
  await page.route("**/api/referral-status", (route) =>
    route.fulfill({
      status: 429,
      contentType: "application/json",
      headers: { "Retry-After": "900" },
      body: JSON.stringify({ error: { code: "TOO_MANY_REQUESTS", message: "Too many attempts" } }),
    }),
  );
  await page.goto("/check-status");
  await lookUp(page, "PSU-7K3F-9QX4", "someone@example.com");
  await expect(page.getByRole("alert")).toContainText("Too many attempts. Wait 15 minutes then try again.");
  await expectNoAxeViolations(page);
});
