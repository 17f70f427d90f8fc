import { expect, type Page } from "@playwright/test";
import { expectNoAxeViolations, test } from "./fixtures";
import { answerRadio, continueOn, expectErrorOnEmptySubmit, expectQuestion } from "./referral-steps";

async function beginEligibility(page: Page) {
  await page.goto("/refer");
  await answerRadio(page, "Do you need urgent help right now?", "No");
}

/** The unit's advice for everyone, eligible or not: contract, physical health and rotation. */
async function expectAdviceForEveryone(page: Page) {
  await expect(page.getByRole("heading", { level: 3, name: "Questions about your contract" })).toBeVisible();
  await expect(page.getByText(/GP Lead Employer Organisation/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Your physical health" })).toBeVisible();
  await expect(page.getByText(/Occupational Health service, who can also advise/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Questions about your rotation" })).toBeVisible();
  await expect(page.getByText(/Training Programme Director can answer questions about rotations/)).toBeVisible();
}

/** The exit page: why (every reason), where to go instead, all the unit's advice, and the crisis lines. */
async function expectExitPage(page: Page, reason: RegExp) {
  await expectQuestion(page, "You cannot use this service");
  await expect(page).toHaveURL(/\/refer\/not-eligible$/);
  await expect(page.getByRole("main").getByRole("listitem").filter({ hasText: reason })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Where to get support instead" })).toBeVisible();
  await expectAdviceForEveryone(page);
  await expect(page.getByRole("link", { name: "Call 116 123" })).toHaveAttribute("href", "tel:116123");
  await expectNoAxeViolations(page);
}

test("someone outside London and KSS is told why and where to go instead", async ({ page }) => {
  await beginEligibility(page);
  await answerRadio(page, "Who is making this referral?", "I am referring myself");
  await answerRadio(page, "Where do you work or train?", "Somewhere else");
  await answerRadio(page, "Which of these describes you?", /on the Clinical Apprenticeship Scheme/);
  await expectExitPage(page, /London and Kent, Surrey and Sussex only/);
});

test("someone referring another person is told on the next page how to help them refer themselves", async ({
  page,
}) => {
  await beginEligibility(page);
  await answerRadio(page, "Who is making this referral?", "I am referring someone else");

  // At once: no questions about "you", no verdict to wait for.
  await expectQuestion(page, "The trainee needs to refer themselves");
  await expect(page).toHaveURL(/\/refer\/referring-someone-else$/);
  await expect(page.getByText(/only take a referral from the trainee themselves/)).toBeVisible();
  const startPage = page.getByRole("link", { name: /^https?:\/\/[^/]+\/$/ });
  await expect(startPage).toHaveAttribute("href", "/");
  await expect(page.getByRole("main").getByRole("link", { name: "psu.lase@hee.nhs.uk", exact: true })).toHaveAttribute(
    "href",
    "mailto:psu.lase@hee.nhs.uk",
  );
  await expectAdviceForEveryone(page);
  await expect(page.getByRole("link", { name: "Call 116 123" })).toHaveAttribute("href", "tel:116123");
  await expect(page.getByRole("heading", { name: "Where do you work or train?" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // A trainee who chose this by mistake goes back and changes the answer.
  await page.getByRole("link", { name: "Back" }).click();
  await expectQuestion(page, "Who is making this referral?");
  await expect(page.getByRole("radio", { name: "I am referring someone else" })).toBeChecked();
  await answerRadio(page, "Who is making this referral?", "I am referring myself");
  await expectQuestion(page, "Where do you work or train?");
});

test("someone who said they refer another person cannot reach the questions about themselves by address", async ({
  page,
}) => {
  await beginEligibility(page);
  await answerRadio(page, "Who is making this referral?", "I am referring someone else");
  await expectQuestion(page, "The trainee needs to refer themselves");
  await page.goto("/refer/your-group");
  await expectQuestion(page, "The trainee needs to refer themselves");
});

test("someone in none of the groups is told which groups the PSU supports", async ({ page }) => {
  await beginEligibility(page);
  await answerRadio(page, "Who is making this referral?", "I am referring myself");
  await answerRadio(page, "Where do you work or train?", "London");
  await expectQuestion(page, "Which of these describes you?");
  await expectErrorOnEmptySubmit(page, "Select the group you belong to");
  await answerRadio(page, "Which of these describes you?", "None of these");
  await expectExitPage(page, /We support postgraduate doctors and dentists/);
});

test("a band 9 healthcare professional is told the bands the PSU supports", async ({ page }) => {
  await beginEligibility(page);
  await answerRadio(page, "Who is making this referral?", "I am referring myself");
  await answerRadio(page, "Where do you work or train?", "Kent, Surrey or Sussex");
  await answerRadio(page, "Which of these describes you?", /healthcare professional on a training scheme/);
  await expectQuestion(page, "What is your Agenda for Change band?");
  await expectErrorOnEmptySubmit(page, "Select your Agenda for Change band");
  await answerRadio(page, "What is your Agenda for Change band?", "Band 9");
  await answerRadio(page, "Are you in a recognised training scheme?", "Yes");
  await expectExitPage(page, /bands 5 to 8/);
});

test("a doctor whose training number ended more than 3 months ago is told the grace period has passed", async ({
  page,
}) => {
  await beginEligibility(page);
  await answerRadio(page, "Who is making this referral?", "I am referring myself");
  await answerRadio(page, "Where do you work or train?", "London");
  await answerRadio(page, "Which of these describes you?", /postgraduate doctor or dentist/);
  await answerRadio(
    page,
    "Do you hold a London or Kent, Surrey and Sussex training number?",
    "I did, but it has ended",
  );

  await expectQuestion(page, "When did your training number end?");
  await expectErrorOnEmptySubmit(page, "Enter the date your training number ended");
  const group = page.getByRole("group", { name: "When did your training number end?" });
  await group.getByLabel("Day").fill("31");
  await group.getByLabel("Month").fill("2");
  await group.getByLabel("Year").fill("2024");
  await continueOn(page);
  await expect(page.getByRole("alert")).toContainText("must be a real date");
  await expectNoAxeViolations(page);

  const lastYear = new Date().getFullYear() - 1;
  await group.getByLabel("Day").fill("15");
  await group.getByLabel("Month").fill("1");
  await group.getByLabel("Year").fill(String(lastYear));
  await continueOn(page);
  await expectExitPage(page, /Your training number ended on 15 January/);
});
