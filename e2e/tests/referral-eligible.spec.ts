import { expect } from "@playwright/test";
import { expectNoAxeViolations, test } from "./fixtures";
import {
  answerRadio,
  continueOn,
  expectQuestion,
  REFERENCE_PATTERN,
  reachCheckYourAnswers,
  TRAINEE,
} from "./referral-steps";

test("an eligible doctor refers themselves and gets a reference, with every page and error state accessible", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await reachCheckYourAnswers(page, { check: true });
  await expectNoAxeViolations(page);
  await expect(page.getByText(TRAINEE.fullName)).toBeVisible();
  await expect(page.getByText("Coaching Service", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Send referral" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Referral sent" })).toBeVisible();
  const reference = (await page.getByTestId("reference").textContent())?.trim() ?? "";
  expect(reference).toMatch(REFERENCE_PATTERN);
  // The promise staff are measured by: triage by the due date, then contact after allocation.
  await expect(page.getByText(/^A PSU coordinator will review your referral by \d{1,2} \w+ \d{4}\.$/)).toBeVisible();
  await expect(page.getByText(/they will contact you within 5 working days/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Call 116 123" })).toBeVisible();
  await expect(page.getByRole("link", { name: "check the status of your referral" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Optional equality questions: clearly optional, "prefer not to say" everywhere, stored apart.
  await page.getByRole("link", { name: "Answer equality questions" }).click();
  await expectQuestion(page, "Equality monitoring questions (optional)");
  await expect(page.getByRole("link", { name: "Skip these questions" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("group", { name: "What is your age?" }).getByLabel("25 to 29").check();
  await page.getByRole("group", { name: "What is your religion?" }).getByLabel("Prefer not to say").check();
  const sent = page.waitForResponse((response) => response.url().endsWith("/api/equality-responses"));
  await continueOn(page, "Send answers");
  expect((await sent).status()).toBe(204);
  await expectQuestion(page, "Thank you");
  // No promise the confirmation page did not make.
  await expect(page.getByText(/^A PSU coordinator will review your referral by \d{1,2} \w+ \d{4}\.$/)).toBeVisible();
  await expect(page.getByText(/in touch/)).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("a Change link on check your answers goes to the question and comes back after saving", async ({ page }) => {
  test.setTimeout(90_000);
  await reachCheckYourAnswers(page);

  await page.getByRole("link", { name: "Change your grade" }).click();
  await expectQuestion(page, "Your training and work");
  await expect(page.getByLabel("Grade")).toHaveValue(TRAINEE.grade);
  await page.getByLabel("Grade").fill("ST4");
  await continueOn(page);

  await expectQuestion(page, "Check your answers before sending your referral");
  await expect(page.getByText("ST4", { exact: true })).toBeVisible();

  // Changing an eligibility answer asks the follow-up questions it needs, then returns.
  await page.getByRole("link", { name: "Change which describes you" }).click();
  await answerRadio(page, "Which of these describes you?", /on the Clinical Apprenticeship Scheme/);
  await expectQuestion(page, "Check your answers before sending your referral");
  await expect(page.getByText(/Clinical Apprenticeship Scheme/)).toBeVisible();
});

test("personal details never reach the URL, browser storage or cookies, and a refresh keeps only the eligibility answers", async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const addresses: string[] = [];
  page.on("framenavigated", (frame) => addresses.push(frame.url()));

  await reachCheckYourAnswers(page);
  // Evaluated as text: the specs are compiled without the DOM's types.
  const storage = {
    session: await page.evaluate<string>("JSON.stringify({ ...sessionStorage })"),
    local: await page.evaluate<string>("JSON.stringify({ ...localStorage })"),
  };
  const cookies = JSON.stringify(await context.cookies());
  for (const secret of [TRAINEE.fullName, TRAINEE.email, TRAINEE.phone, TRAINEE.gmcNumber, TRAINEE.whatIsHappening]) {
    expect(storage.session).not.toContain(secret);
    expect(storage.local).not.toContain(secret);
    expect(cookies).not.toContain(secret);
    for (const address of addresses) expect(decodeURIComponent(address)).not.toContain(secret);
  }
  expect(storage.session).toContain("doctor_or_dentist");

  // After a refresh the details are gone: the page sends the trainee to the first question still
  // to answer. The eligibility answers are still there, so that is not the first question.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(
    "Check your answers before sending your referral",
  );
  await expect(page).not.toHaveURL(/check-your-answers|urgent-help|who-is-referring/);
  await page.goto("/refer/your-group");
  await expect(page.getByRole("radio", { name: /postgraduate doctor or dentist/ })).toBeChecked();
});

test("the first question's answer sends someone who needs help now to the crisis page, and they can continue", async ({
  page,
}) => {
  await page.goto("/refer");
  await answerRadio(page, "Do you need urgent help right now?", "Yes, I need help now");

  await expect(page).toHaveURL(/\/refer\/get-help-now$/);
  await expectQuestion(page, "Get help now");
  await expect(page.getByRole("link", { name: "Call 116 123" })).toHaveAttribute("href", "tel:116123");
  await expect(page.getByRole("link", { name: /Call 999/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Continue with your referral" }).click();
  await expectQuestion(page, "Who is making this referral?");
  await page.getByRole("link", { name: "Back" }).click();
  await expectQuestion(page, "Do you need urgent help right now?");
});

test("signposting pages follow the concerns that have somewhere better to start", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto("/refer");
  await answerRadio(page, "Do you need urgent help right now?", "No");
  await answerRadio(page, "Who is making this referral?", "I am referring myself");
  await answerRadio(page, "Where do you work or train?", "Kent, Surrey or Sussex");
  await answerRadio(page, "Which of these describes you?", /in pharmacy training/i);
  await answerRadio(page, "Which of these describes your pharmacy training?", /Foundation trainee pharmacist/);
  // Mental health services are for doctors and dentists only.
  await expect(page.getByRole("checkbox", { name: /mental health/i })).toHaveCount(0);
  // A self-serve resource, shown without a checkbox (whether its link is published yet or not).
  await expect(page.getByText("Wellbeing and self-management resources")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /Wellbeing/ })).toHaveCount(0);
  await page.getByRole("checkbox", { name: /I'm not sure/ }).check();
  await continueOn(page);

  const concerns = page.getByRole("group", { name: "Is what is happening about any of these?" });
  await concerns.getByRole("checkbox", { name: "Your contract, pay or terms of employment" }).check();
  await concerns.getByRole("checkbox", { name: "Your rotation or placement" }).check();
  await continueOn(page);

  await expectQuestion(page, "Questions about your contract");
  await expect(page.getByText(/GP Lead Employer Organisation/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Continue with your referral" }).click();
  await expectQuestion(page, "Questions about your rotation");
  await page.getByRole("button", { name: "Continue with your referral" }).click();
  await expectQuestion(page, "Your name and contact details");
});
