import { expect, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn, test } from "./fixtures";

// An admin sets the address of one of the unit's documents, and the trainee pages link to it at
// once; before that (and after it is removed) they say how to ask the coordinators for it.

test.describe.configure({ timeout: 120_000 });

// The two screen sizes run side by side on one database: each changes a document of its own.
const DOCUMENTS = {
  desktop: {
    title: "Confidentiality Policy",
    heading: "Confidentiality Policy (November 2018)",
    footer: "Confidentiality policy",
    url: "https://documents.example.org/psu-confidentiality.pdf",
  },
  mobile: {
    title: "Complaints Policy",
    heading: "Complaints Policy (December 2016)",
    footer: "Complaints policy",
    url: "https://documents.example.org/psu-complaints.pdf",
  },
} as const;

function footerLink(page: Page, name: string) {
  return page.getByRole("contentinfo").getByRole("link", { name, exact: true });
}

test("an admin sets a document's link and the trainee pages show it", async ({ page, browser }, testInfo) => {
  const document = testInfo.project.name === "mobile" ? DOCUMENTS.mobile : DOCUMENTS.desktop;
  const trainee = await (await browser.newContext()).newPage();

  // Before: the documents page lists all six and says how to ask for this one; the footer leads there.
  await trainee.goto("/documents");
  await expect(trainee.getByRole("heading", { level: 1, name: "Documents" })).toBeVisible();
  await expect(trainee.getByRole("main").getByRole("heading", { level: 2 })).toHaveCount(6);
  const entry = trainee.getByRole("listitem").filter({ has: trainee.getByRole("heading", { name: document.heading }) });
  await expect(entry).toContainText("There is no link to this document yet");
  await expect(entry.getByRole("link", { name: "psu.lase@hee.nhs.uk" })).toHaveAttribute(
    "href",
    `mailto:psu.lase@hee.nhs.uk?subject=${encodeURIComponent(`Copy of ${document.title}`)}`,
  );
  await expect(footerLink(trainee, document.footer)).toHaveAttribute("href", "/documents");
  await expectNoAxeViolations(trainee);

  // The admin's page: every document and resource, and a form for this one.
  await signIn(page, "admin@psu.example");
  await page.getByRole("link", { name: "Documents and links", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Documents and links" })).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(11);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: `Change the address of ${document.title}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: document.heading })).toBeVisible();
  await expectNoAxeViolations(page);

  // A plain-HTTP address is refused with the NHS.UK error pattern.
  await page.getByLabel("Web address").fill(document.url.replace("https://", "http://"));
  await page.getByRole("button", { name: "Save address" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("There is a problem");
  await expect(summary.getByRole("link", { name: "Enter a web address that starts with https://" })).toBeVisible();
  await expect(page.locator(".nhsuk-error-message")).toContainText("Enter a web address that starts with https://");
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page);

  await page.getByLabel("Web address").fill(document.url);
  await page.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByRole("status").filter({ hasText: document.title })).toContainText(
    `The address of ${document.title} has been saved.`,
  );
  const row = page.getByRole("row").filter({ hasText: document.heading });
  await expect(row).toContainText(document.url);
  await expect(row).toContainText("by Ari Admin");
  await expectNoAxeViolations(page);

  // After: the trainee pages link to the document itself.
  await trainee.goto("/documents");
  await expect(trainee.getByRole("link", { name: document.heading })).toHaveAttribute("href", document.url);
  await expect(entry).not.toContainText("There is no link to this document yet");
  await expect(footerLink(trainee, document.footer)).toHaveAttribute("href", document.url);
  await expectNoAxeViolations(trainee);

  // Taking the link down brings back the ask-the-coordinators wording.
  await page.getByRole("link", { name: `Change the address of ${document.title}` }).click();
  await page.getByRole("button", { name: "Remove the link" }).click();
  await expect(page.getByRole("status").filter({ hasText: document.title })).toContainText(
    `The link to ${document.title} has been removed.`,
  );
  await trainee.goto("/documents");
  await expect(entry).toContainText("There is no link to this document yet");
  await expect(footerLink(trainee, document.footer)).toHaveAttribute("href", "/documents");
  await trainee.context().close();
});
