import { expect, type Page } from "@playwright/test";
import { signIn, test } from "./fixtures";
import { continueOn, REFERENCE_PATTERN, reachCheckYourAnswers, TRAINEE } from "./referral-steps";

// A trainee refers themselves with a unique canary in every personal field; then a coordinator
// finds and opens the case. The canary must reach no request URL and no browser storage.

test.describe.configure({ timeout: 120_000 });

/** Everything the page keeps in the browser, as one string: storage, cookies, IndexedDB, caches. */
async function readBrowserStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    for (const storage of [localStorage, sessionStorage]) {
      for (let index = 0; index < storage.length; index++) {
        const key = storage.key(index) ?? "";
        parts.push(key, storage.getItem(key) ?? "");
      }
    }
    parts.push(document.cookie);
    if ("databases" in indexedDB) {
      for (const database of await indexedDB.databases()) parts.push(database.name ?? "");
    }
    if ("caches" in window) {
      for (const name of await caches.keys()) {
        parts.push(name);
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          parts.push(request.url);
          const response = await cache.match(request);
          if (response) parts.push(await response.text());
        }
      }
    }
    return parts.join("\n");
  });
}

test("the canary reaches no URL and no browser storage, on the trainee's side or the staff side", async ({
  page,
}, testInfo) => {
  // A canary per screen size: the projects share one database.
  const canary = `zqxj${testInfo.project.name}`;
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));

  const trainee = {
    ...TRAINEE,
    fullName: `Canary ${canary}`,
    email: `canary.${canary}@example.org`,
    programme: `Programme ${canary}`,
    grade: `Grade ${canary}`,
    employer: `Employer ${canary}`,
    whatIsHappening: `Story ${canary}`,
  };
  await reachCheckYourAnswers(page, { trainee });
  await expect(page.getByText(`Canary ${canary}`)).toBeVisible();
  await continueOn(page, "Send referral");
  const reference = (await page.getByTestId("reference").textContent())?.trim() ?? "";
  expect(reference).toMatch(REFERENCE_PATTERN);
  const traineeStorage = await readBrowserStorage(page);
  expect(traineeStorage.toLowerCase()).not.toContain(canary);

  // The staff side: sign in, search for the canary's name, open the case.
  await signIn(page, "coordinator@psu.example");
  await page.getByLabel("Search cases").fill(`Canary ${canary}`);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(reference) })).toBeVisible();
  await expect(page.getByText(`Story ${canary}`)).toBeVisible();
  const staffStorage = await readBrowserStorage(page);
  expect(staffStorage.toLowerCase()).not.toContain(canary);

  expect(urls.length).toBeGreaterThan(10);
  expect(urls.filter((url) => url.toLowerCase().includes(canary))).toEqual([]);
});
