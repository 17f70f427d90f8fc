import { expect, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures";

// The referral wizard's steps as a trainee takes them: by the questions' labels and the buttons'
// names. `check` runs axe on each page as it appears and on each error state when asked.

export const REFERENCE_PATTERN = /^PSU-[A-Z0-9]{4}-[A-Z0-9]{4}$/;

/** The answers an eligible doctor gives; a test passes its own through `trainee` to change them. */
export const TRAINEE = {
  fullName: "Alex Example",
  email: "alex.example@example.com",
  phone: "07700 900982",
  gmcNumber: "1234567",
  programme: "General Practice",
  grade: "ST2",
  employer: "Example NHS Foundation Trust",
  whatIsHappening: "I am finding it hard to keep up since coming back from leave.",
};

export type Trainee = typeof TRAINEE;
export type StepOptions = { check?: boolean; trainee?: Trainee };

export async function expectQuestion(page: Page, question: string | RegExp): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, name: question })).toBeVisible();
}

export async function continueOn(page: Page, name = "Continue"): Promise<void> {
  await page.getByRole("button", { name, exact: true }).click();
}

/** Presses the page's button with nothing chosen and checks the NHS.UK error pattern, then axe. */
export async function expectErrorOnEmptySubmit(page: Page, message: string | RegExp, button = "Continue") {
  await continueOn(page, button);
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("There is a problem");
  await expect(summary.getByRole("link", { name: message })).toBeVisible();
  await expect(page.locator(".nhsuk-error-summary")).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.locator(".nhsuk-error-message").first()).toBeVisible();
  await expectNoAxeViolations(page);
}

/** Chooses a radio in the question's fieldset and continues. */
export async function answerRadio(page: Page, question: string, answer: string | RegExp, options: StepOptions = {}) {
  await expectQuestion(page, question);
  if (options.check) await expectNoAxeViolations(page);
  await page
    .getByRole("group", { name: question })
    .getByRole("radio", { name: answer, exact: typeof answer === "string" })
    .check();
  await continueOn(page);
}

export async function startReferral(page: Page, options: StepOptions = {}): Promise<void> {
  await page.goto("/");
  await page.getByRole("link", { name: "Start now" }).click();
  await expectQuestion(page, "Do you need urgent help right now?");
  if (options.check) await expectErrorOnEmptySubmit(page, "Select yes if you need urgent help now");
}

/** From "Do you need urgent help" to the services question, as an eligible doctor with a current training number. */
export async function answerEligibleDoctor(page: Page, options: StepOptions = {}): Promise<void> {
  await answerRadio(page, "Do you need urgent help right now?", "No", options);
  await answerRadio(page, "Who is making this referral?", "I am referring myself", options);
  if (options.check) {
    await expectQuestion(page, "Where do you work or train?");
    await expectErrorOnEmptySubmit(page, "Select where you work or train");
  }
  await answerRadio(page, "Where do you work or train?", "London", options);
  await answerRadio(page, "Which of these describes you?", /postgraduate doctor or dentist/, options);
  if (options.check) {
    await expectQuestion(page, /training number/);
    await expectErrorOnEmptySubmit(page, "Select whether you hold a London or KSS training number");
  }
  await answerRadio(
    page,
    "Do you hold a London or Kent, Surrey and Sussex training number?",
    "Yes, I hold one now or I am in a foundation programme",
    options,
  );
  await expectQuestion(page, "What support would you like?");
}

export async function chooseServices(page: Page, services: (string | RegExp)[], options: StepOptions = {}) {
  await expectQuestion(page, "What support would you like?");
  if (options.check) {
    await expectNoAxeViolations(page);
    await expectErrorOnEmptySubmit(page, "Select at least one service, or select that you are not sure");
  }
  const group = page.getByRole("group", { name: "What support would you like?" });
  for (const service of services) {
    await group.getByRole("checkbox", { name: service, exact: typeof service === "string" }).check();
  }
  await continueOn(page);
}

export async function chooseConcerns(page: Page, concerns: (string | RegExp)[], options: StepOptions = {}) {
  await expectQuestion(page, "Is what is happening about any of these?");
  if (options.check) {
    await expectNoAxeViolations(page);
    await expectErrorOnEmptySubmit(page, "Select any that apply, or select none of these");
  }
  const group = page.getByRole("group", { name: "Is what is happening about any of these?" });
  for (const concern of concerns) {
    await group.getByRole("checkbox", { name: concern, exact: typeof concern === "string" }).check();
  }
  await continueOn(page);
}

export async function fillContactDetails(page: Page, options: StepOptions = {}) {
  const trainee = options.trainee ?? TRAINEE;
  await expectQuestion(page, "Your name and contact details");
  if (options.check) {
    await expectNoAxeViolations(page);
    await expectErrorOnEmptySubmit(page, "Enter your full name");
  }
  await page.getByLabel("Full name").fill(trainee.fullName);
  await page.getByLabel("Personal email address").fill(trainee.email);
  await page.getByLabel("UK phone number").fill(trainee.phone);
  await page
    .getByRole("group", { name: "How would you like us to contact you?" })
    .getByRole("radio", { name: "Email", exact: true })
    .check();
  await continueOn(page);
}

export async function fillRegistration(page: Page, options: StepOptions = {}) {
  const trainee = options.trainee ?? TRAINEE;
  await expectQuestion(page, "Which professional register are you on?");
  if (options.check) {
    await expectNoAxeViolations(page);
    await expectErrorOnEmptySubmit(page, "Select the register you are on, or that you are not on one yet");
  }
  await page.getByRole("radio", { name: "General Medical Council (GMC)" }).check();
  if (options.check) {
    await page.getByLabel("Registration number").fill("12");
    await continueOn(page);
    await expect(page.getByRole("alert")).toContainText("Enter your GMC number: 7 digits");
    await expectNoAxeViolations(page);
  }
  await page.getByLabel("Registration number").fill(trainee.gmcNumber);
  await continueOn(page);
}

export async function fillTrainingAndWork(page: Page, options: StepOptions = {}) {
  const trainee = options.trainee ?? TRAINEE;
  await expectQuestion(page, "Your training and work");
  if (options.check) {
    await expectNoAxeViolations(page);
    await expectErrorOnEmptySubmit(page, "Enter your specialty or training programme");
  }
  await page.getByLabel("Specialty or training programme").fill(trainee.programme);
  await page.getByLabel("Grade").fill(trainee.grade);
  await page.getByLabel("Trust or employer").fill(trainee.employer);
  await page
    .getByRole("group", { name: "Do you work full time or less than full time?" })
    .getByRole("radio", { name: "Less than full time", exact: true })
    .check();
  await continueOn(page);
}

export async function fillSituation(page: Page, options: StepOptions = {}) {
  const trainee = options.trainee ?? TRAINEE;
  await expectQuestion(page, "Your situation");
  if (options.check) {
    await expectNoAxeViolations(page);
    await expectErrorOnEmptySubmit(page, "Enter what is happening");
  }
  await page.getByLabel("What is happening?").fill(trainee.whatIsHappening);
  await page
    .getByRole("group", { name: "How soon would you like support?" })
    .getByRole("radio", { name: "Within a month", exact: true })
    .check();
  await continueOn(page);
}

export async function giveConsent(page: Page, options: StepOptions = {}) {
  await expectQuestion(page, "Confidentiality and consent");
  if (options.check) {
    await expectNoAxeViolations(page);
    await expectErrorOnEmptySubmit(page, "Confirm you have read the confidentiality policy");
  }
  await page.getByRole("checkbox", { name: "I have read the confidentiality policy" }).check();
  await page.getByRole("checkbox", { name: /may share information without my consent/ }).check();
  await page
    .getByRole("group", { name: /contact your educational or clinical supervisor/ })
    .getByRole("radio", { name: "No", exact: true })
    .check();
  await continueOn(page);
}

/** The trainee's details, situation and consent: from "Your name and contact details" to "Check your answers". */
export async function fillDetailsToCheckYourAnswers(page: Page, options: StepOptions = {}) {
  await fillContactDetails(page, options);
  await fillRegistration(page, options);
  await fillTrainingAndWork(page, options);
  await fillSituation(page, options);
  await giveConsent(page, options);
  await expectQuestion(page, "Check your answers before sending your referral");
}

/** The whole journey for an eligible doctor up to "Check your answers". */
export async function reachCheckYourAnswers(page: Page, options: StepOptions = {}) {
  await startReferral(page, options);
  await answerEligibleDoctor(page, options);
  await chooseServices(page, ["Coaching Service"], options);
  await chooseConcerns(page, ["None of these"], options);
  await fillDetailsToCheckYourAnswers(page, options);
}
