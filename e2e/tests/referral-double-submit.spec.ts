import { expect, type Request } from "@playwright/test";
import { expectNoAxeViolations, test } from "./fixtures";
import { REFERENCE_PATTERN, reachCheckYourAnswers } from "./referral-steps";

const isSubmission = (request: Request) => request.method() === "POST" && request.url().endsWith("/api/referrals");

test("a double-clicked Send creates exactly one referral", async ({ page }) => {
  test.setTimeout(90_000);
  await reachCheckYourAnswers(page);
  const requests: Request[] = [];
  page.on("request", (request) => {
    if (isSubmission(request)) requests.push(request);
  });
  // Slow the answer down so the second click lands while the first is still on its way.
  await page.route("**/api/referrals", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await route.continue();
  });

  await page.getByRole("button", { name: "Send referral" }).dblclick();

  await expect(page.getByRole("heading", { level: 1, name: "Referral sent" })).toBeVisible();
  const reference = (await page.getByTestId("reference").textContent())?.trim() ?? "";
  expect(reference).toMatch(REFERENCE_PATTERN);

  // Whatever the browser sent carried one Idempotency-Key, and every answer names the same referral.
  expect(requests.length).toBeGreaterThanOrEqual(1);
  const keys = new Set(requests.map((request) => request.headers()["idempotency-key"]));
  expect(keys.size).toBe(1);
  for (const request of requests) {
    const response = await request.response();
    expect(response?.status()).toBe(201);
    expect((await response?.json())?.reference).toBe(reference);
  }

  // Sending the same attempt again (what a second click that got through would do) returns the same referral.
  const [first] = requests;
  const [key] = [...keys];
  const replay = await page.request.post("/api/referrals", {
    headers: { "Idempotency-Key": key ?? "", "Content-Type": "application/json" },
    data: first?.postData() ?? "",
  });
  expect(replay.status()).toBe(201);
  expect(replay.headers()["idempotent-replayed"]).toBe("true");
  expect((await replay.json()).reference).toBe(reference);
});

test("after a failed send, trying again reuses the same Idempotency-Key", async ({ page }) => {
  test.setTimeout(90_000);
  await reachCheckYourAnswers(page);
  const keys: string[] = [];
  let attempts = 0;
  await page.route("**/api/referrals", async (route) => {
    keys.push(route.request().headers()["idempotency-key"] ?? "");
    attempts += 1;
    // The first attempt never gets an answer, as on a dropped connection.
    if (attempts === 1) await route.abort("connectionreset");
    else await route.continue();
  });

  await page.getByRole("button", { name: "Send referral" }).click();
  await expect(page.getByRole("alert")).toContainText("Sorry, we could not send your referral");
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Send referral" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Referral sent" })).toBeVisible();
  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  expect(keys[1]).toBe(keys[0]);
});
