import { expect, type Locator, type Page } from "@playwright/test";
import { test } from "./fixtures";
import { expectQuestion, REFERENCE_PATTERN, TRAINEE } from "./referral-steps";

// The whole journey with the keyboard alone: Tab to move, Space to tick or choose, Enter to
// follow a link or press a button, and typing into fields. No mouse, no arrow keys: every
// choice below is reachable with Tab (the first radio of a group is its tab stop), and the
// route through the crisis page shows "Continue with your referral" works by keyboard too.

async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element.matches(":focus"))) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

async function tabAndPress(page: Page, target: Locator, key: "Space" | "Enter") {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

async function tabAndType(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

async function onPage(page: Page, heading: string) {
  await expectQuestion(page, heading);
  // Focus starts at the page's heading after each move, as after a page load.
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeFocused();
}

const continueButton = (page: Page) => page.getByRole("button", { name: "Continue", exact: true });

test("the whole journey can be done with the keyboard alone", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await tabAndPress(page, page.getByRole("link", { name: "Start now" }), "Enter");

  await onPage(page, "Do you need urgent help right now?");
  // Submitting with nothing chosen: the error summary takes focus, its link leads to the field.
  await tabAndPress(page, continueButton(page), "Enter");
  await expect(page.locator(".nhsuk-error-summary")).toBeFocused();
  await tabAndPress(page, page.getByRole("link", { name: "Select yes if you need urgent help now" }), "Enter");
  await expect(page.getByRole("radio", { name: "Yes, I need help now" })).toBeFocused();
  await page.keyboard.press("Space");
  await tabAndPress(page, continueButton(page), "Enter");

  await onPage(page, "Get help now");
  await tabAndPress(page, page.getByRole("link", { name: "Continue with your referral" }), "Enter");

  await onPage(page, "Who is making this referral?");
  await tabAndPress(page, page.getByRole("radio", { name: "I am referring myself" }), "Space");
  await tabAndPress(page, continueButton(page), "Enter");

  await onPage(page, "Where do you work or train?");
  await tabAndPress(page, page.getByRole("radio", { name: "London", exact: true }), "Space");
  await tabAndPress(page, continueButton(page), "Enter");

  await onPage(page, "Which of these describes you?");
  await tabAndPress(page, page.getByRole("radio", { name: /postgraduate doctor or dentist/ }), "Space");
  await tabAndPress(page, continueButton(page), "Enter");

  await onPage(page, "Do you hold a London or Kent, Surrey and Sussex training number?");
  await tabAndPress(page, page.getByRole("radio", { name: "Yes, I hold one now" }), "Space");
  await tabAndPress(page, continueButton(page), "Enter");

  await onPage(page, "What support would you like?");
  await tabAndPress(page, page.getByRole("checkbox", { name: "Careers Unit" }), "Space");
  await tabAndPress(page, continueButton(page), "Enter");

  await onPage(page, "Is what is happening about any of these?");
  await tabAndPress(page, page.getByRole("checkbox", { name: "None of these" }), "Space");
  await tabAndPress(page, continueButton(page), "Enter");

  await onPage(page, "Your name and contact details");
  await tabAndType(page, page.getByLabel("Full name"), TRAINEE.fullName);
  await tabAndType(page, page.getByLabel("Personal email address"), TRAINEE.email);
  await tabAndType(page, page.getByLabel("UK phone number"), TRAINEE.phone);
  await tabAndPress(page, page.getByRole("radio", { name: "Email", exact: true }), "Space");
  await tabAndPress(page, continueButton(page), "Enter");

  await onPage(page, "Which professional register are you on?");
  await tabAndPress(page, page.getByRole("radio", { name: "General Medical Council (GMC)" }), "Space");
  await tabAndType(page, page.getByLabel("Registration number"), TRAINEE.gmcNumber);
  await tabAndPress(page, continueButton(page), "Enter");

  await onPage(page, "Your training and work");
  await tabAndType(page, page.getByLabel("Specialty or training programme"), TRAINEE.programme);
  await tabAndType(page, page.getByLabel("Grade"), TRAINEE.grade);
  await tabAndType(page, page.getByLabel("Trust or employer"), TRAINEE.employer);
  await tabAndPress(page, page.getByRole("radio", { name: "Full time", exact: true }), "Space");
  await tabAndPress(page, continueButton(page), "Enter");

  await onPage(page, "Your situation");
  await tabAndType(page, page.getByLabel("What is happening?"), TRAINEE.whatIsHappening);
  await tabAndPress(page, page.getByRole("radio", { name: "Within a week" }), "Space");
  await tabAndPress(page, continueButton(page), "Enter");

  await onPage(page, "Confidentiality and consent");
  await tabAndPress(page, page.getByRole("checkbox", { name: "I have read the confidentiality policy" }), "Space");
  await tabAndPress(page, page.getByRole("checkbox", { name: /may share information without my consent/ }), "Space");
  await tabAndPress(page, page.getByRole("radio", { name: "Yes", exact: true }), "Space");
  await tabAndPress(page, continueButton(page), "Enter");

  await onPage(page, "Check your answers before sending your referral");
  await tabAndPress(page, page.getByRole("button", { name: "Send referral" }), "Enter");

  await expect(page.getByRole("heading", { level: 1, name: "Referral sent" })).toBeFocused();
  expect((await page.getByTestId("reference").textContent())?.trim()).toMatch(REFERENCE_PATTERN);
});

test("Exit this page can be reached with Tab and pressed with Enter", async ({ page }) => {
  await page.route("https://www.bbc.co.uk/weather**", (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>BBC Weather</title><h1>Weather</h1>" }),
  );
  await page.goto("/refer");
  await expectQuestion(page, "Do you need urgent help right now?");
  await tabAndPress(page, page.getByRole("button", { name: "Exit this page" }), "Enter");
  await expect(page).toHaveURL("https://www.bbc.co.uk/weather");
});
