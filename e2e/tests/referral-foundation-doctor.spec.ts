import { expect } from "@playwright/test";
import { expectNoAxeViolations, test } from "./fixtures";
import {
  answerRadio,
  chooseConcerns,
  chooseServices,
  expectQuestion,
  fillDetailsToCheckYourAnswers,
  REFERENCE_PATTERN,
  startReferral,
  TRAINEE,
} from "./referral-steps";

const TRAINING_NUMBER_QUESTION = "Do you hold a London or Kent, Surrey and Sussex training number?";
const FOUNDATION_DOCTOR = { ...TRAINEE, programme: "Foundation Programme", grade: "FY1" };

test("a foundation doctor answers yes to the training number question, as its hint says, and their referral is sent", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await startReferral(page);
  await answerRadio(page, "Do you need urgent help right now?", "No");
  await answerRadio(page, "Who is making this referral?", "I am referring myself");
  await answerRadio(page, "Where do you work or train?", "London");
  await answerRadio(page, "Which of these describes you?", /postgraduate doctor or dentist/);

  await expectQuestion(page, TRAINING_NUMBER_QUESTION);
  const question = page.getByRole("group", { name: TRAINING_NUMBER_QUESTION });
  await expect(question).toHaveAccessibleDescription(
    /If you are a doctor in a London or KSS foundation programme, you count as holding one: answer yes\./,
  );
  await expectNoAxeViolations(page);
  await answerRadio(page, TRAINING_NUMBER_QUESTION, "Yes, I hold one now or I am in a foundation programme");

  await chooseServices(page, ["Coaching Service"]);
  await chooseConcerns(page, ["None of these"]);
  await fillDetailsToCheckYourAnswers(page, { trainee: FOUNDATION_DOCTOR });

  await expect(page.getByText("Yes, I hold one now or I am in a foundation programme", { exact: true })).toBeVisible();
  await expect(page.getByText("FY1", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Send referral" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Referral sent" })).toBeVisible();
  expect((await page.getByTestId("reference").textContent())?.trim()).toMatch(REFERENCE_PATTERN);
});
