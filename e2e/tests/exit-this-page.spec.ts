import { expect, type Page } from "@playwright/test";
import { expectNoAxeViolations, test } from "./fixtures";
import { answerRadio, expectQuestion } from "./referral-steps";

const NEUTRAL_SITE = "https://www.bbc.co.uk/weather";

/** The tests have no internet: the neutral site is a stand-in page. */
async function standInForNeutralSite(page: Page) {
  await page.route(`${NEUTRAL_SITE}**`, (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>BBC Weather</title><h1>Weather</h1>" }),
  );
}

async function expectOnNeutralSite(page: Page) {
  await expect(page).toHaveURL(NEUTRAL_SITE);
  await expect(page.getByRole("heading", { name: "Weather" })).toBeVisible();
}

test("Exit this page replaces the page with a neutral site, and Back does not bring the service back", async ({
  page,
}) => {
  await standInForNeutralSite(page);
  await page.goto("/");
  await page.getByRole("link", { name: "Start now" }).click();
  await answerRadio(page, "Do you need urgent help right now?", "No");
  await answerRadio(page, "Who is making this referral?", "I am referring myself");
  await expectQuestion(page, "Where do you work or train?");
  await expectNoAxeViolations(page);
  expect(await page.evaluate<number>("sessionStorage.length")).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Exit this page" }).click();
  await expectOnNeutralSite(page);

  // Back reaches the service's earlier pages (a site cannot delete history), which send the
  // person straight on to the neutral site again without showing anything.
  await page.goBack();
  await expectOnNeutralSite(page);
  await expect(page.getByText("Professional Support Unit")).toHaveCount(0);
});

test("pressing Shift three times exits, and the answers are gone from the tab", async ({ page }) => {
  await standInForNeutralSite(page);
  await page.goto("/refer");
  await answerRadio(page, "Do you need urgent help right now?", "No");
  await answerRadio(page, "Who is making this referral?", "I am referring myself");
  await expectQuestion(page, "Where do you work or train?");

  // Typing a capital letter (Shift held) does not count.
  await page.keyboard.press("Shift+A");
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  await expect(page).toHaveURL(/\/refer\/where-you-work$/);
  await page.keyboard.press("Shift");
  await expectOnNeutralSite(page);

  // Opening the service again in the same tab starts afresh: the answers were cleared.
  await page.goto("/refer");
  await expectQuestion(page, "Do you need urgent help right now?");
  const stored = await page.evaluate<string | null>('sessionStorage.getItem("psu.referral")');
  expect(stored).not.toContain("self");
  await page.goto("/refer/where-you-work");
  await expectQuestion(page, "Do you need urgent help right now?");
});

test("every kind of page has the Exit this page button", async ({ page }) => {
  for (const path of ["/", "/get-help-now", "/refer", "/check-status", "/refer/resume", "/no-such-page"]) {
    await page.goto(path);
    await expect(page.getByRole("button", { name: "Exit this page" })).toBeVisible();
  }
});
