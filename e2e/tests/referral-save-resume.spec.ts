import { expect } from "@playwright/test";
import { expectNoAxeViolations, test } from "./fixtures";
import {
  answerEligibleDoctor,
  chooseConcerns,
  chooseServices,
  continueOn,
  expectQuestion,
  fillDetailsToCheckYourAnswers,
  startReferral,
  TRAINEE,
} from "./referral-steps";

test("a trainee saves their answers, and comes back later with the resume code", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await startReferral(page);
  await answerEligibleDoctor(page);
  await chooseServices(page, ["Coaching Service"]);
  await chooseConcerns(page, ["None of these"]);
  await expectQuestion(page, "Your name and contact details");
  await page.getByLabel("Full name").fill(TRAINEE.fullName);
  await page.getByLabel("Personal email address").fill(TRAINEE.email);

  await page.getByRole("button", { name: "Save and come back later" }).click();
  await expectQuestion(page, "Your answers have been saved");
  const code = (await page.getByTestId("resume-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await expect(page.getByText(/Your code will work until \d{1,2} \w+ \d{4}/)).toBeVisible();
  await expect(page.getByText(/never more than 30 days after you first saved them/)).toBeVisible();
  await expect(page.getByText(/only way back to your answers/)).toBeVisible();
  expect(page.url()).not.toContain(code);
  expect(page.url()).not.toContain(code.replaceAll("-", ""));
  await expectNoAxeViolations(page);

  // Later, in a new browser session: nothing is left in this one's storage to help.
  const later = await browser.newContext();
  const laterPage = await later.newPage();
  await laterPage.goto("/");
  await laterPage.getByRole("link", { name: "Continue a saved referral" }).click();
  await expectQuestion(laterPage, "Enter your resume code");
  await expectNoAxeViolations(laterPage);

  await laterPage.getByLabel("Enter your resume code").fill("ABCD-2345-EFGH");
  await continueOn(laterPage);
  await expect(laterPage.getByRole("alert")).toContainText("We could not find saved answers with that code");
  await expectNoAxeViolations(laterPage);

  await laterPage.getByLabel("Enter your resume code").fill(code.toLowerCase());
  await continueOn(laterPage);
  await expectQuestion(laterPage, "Your name and contact details");
  await expect(laterPage.getByLabel("Full name")).toHaveValue(TRAINEE.fullName);
  await expect(laterPage.getByLabel("Personal email address")).toHaveValue(TRAINEE.email);
  expect(laterPage.url()).not.toContain(code);

  // The earlier answers came back too: Back goes through them, filled in.
  await laterPage.getByRole("link", { name: "Back" }).click();
  await expectQuestion(laterPage, "Is what is happening about any of these?");
  await expect(laterPage.getByRole("checkbox", { name: "None of these" })).toBeChecked();

  // Finished and sent from the resumed answers: the saved draft is deleted with the referral.
  await continueOn(laterPage);
  await fillDetailsToCheckYourAnswers(laterPage);
  await laterPage.getByRole("button", { name: "Send referral" }).click();
  await expectQuestion(laterPage, /Referral sent|Thank you/);
  await later.close();

  const afterSending = await browser.newContext();
  const afterPage = await afterSending.newPage();
  await afterPage.goto("/refer/resume");
  await expectQuestion(afterPage, "Enter your resume code");
  await expect(afterPage.getByText(/We keep saved answers 7 days after you last saved them/)).toBeVisible();
  await afterPage.getByLabel("Enter your resume code").fill(code);
  await continueOn(afterPage);
  await expect(afterPage.getByRole("alert")).toContainText("We could not find saved answers with that code");
  await afterSending.close();
});
