import { SavedDraftSchema } from "@psu/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { createAnonymousClient } from "../../test/anonymous-client";
import { useTestApp } from "../../test/build-test-app";
import { createSignedInStaff, createTestCase, type TestCase } from "../../test/staff-fixtures";
import { DRAFT_COLUMNS } from "./personal-data";

// Saved drafts are linked to no referral, but they hold the trainee's email address inside their
// answers: subject access finds them by it, and erasure of the trainee's referral deletes them.

const NOW = new Date("2026-11-24T09:00:00Z");
const EMAIL = "jo.bloggs@example.com";
let adminHeaders: Record<string, string>;
let referral: TestCase;
let otherReferral: TestCase;
const drafts: Record<"typedLoosely" | "expired" | "other" | "noEmail", string> = {
  typedLoosely: "",
  expired: "",
  other: "",
  noEmail: "",
};

const { post } = createAnonymousClient(() => testApp.app);
let clock = NOW;

async function saveDraft(data: object): Promise<string> {
  const response = await post("/api/drafts", { data });
  expect(response.status).toBe(201);
  return SavedDraftSchema.parse(response.body).resumeCode;
}
const hashOf = (code: string) => testApp.app.keyedHash("draft-resume-code", code.replaceAll("-", ""));
const draftExists = async (code: string) =>
  (await testApp.app.prisma.referralDraft.count({ where: { resumeCodeHash: hashOf(code) } })) === 1;

const testApp = useTestApp({ now: () => clock });
beforeAll(async () => {
  adminHeaders = (await createSignedInStaff(testApp.app, { role: "admin" })).headers;
  referral = await createTestCase(testApp.app.prisma, { fullName: "Jo Bloggs", email: EMAIL });
  otherReferral = await createTestCase(testApp.app.prisma, { fullName: "Pat Other", email: "pat@example.com" });
  // Saved 8 days ago and not come back to: expired, not yet cleaned up, so still held.
  clock = new Date(NOW.getTime() - 8 * 24 * 60 * 60 * 1000);
  drafts.expired = await saveDraft({ details: { personalEmail: EMAIL }, step: "details" });
  clock = NOW;
  drafts.typedLoosely = await saveDraft({
    details: { fullName: "Jo Bloggs", personalEmail: "  Jo.Bloggs@Example.COM " },
    story: { whatIsHappening: "Struggling on nights." },
    step: "story",
  });
  drafts.other = await saveDraft({ details: { personalEmail: "pat@example.com" }, step: "details" });
  drafts.noEmail = await saveDraft({ eligibility: { region: "london" }, step: "group" });
});

const postAsAdmin = (path: "subject-access" | "erasure", payload: object) =>
  testApp.app.inject({ method: "POST", url: `/api/staff/data-protection/${path}`, headers: adminHeaders, payload });
const exportFor = (body: object) => postAsAdmin("subject-access", body);
const erase = (reference: string, ticket: string) =>
  postAsAdmin("erasure", { reference, reason: "trainee_request", ticket });

describe("subject access includes saved drafts", () => {
  it("exports every draft with the trainee's email, as typed, expired or not, every registry column", async () => {
    const response = await exportFor({ email: EMAIL });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.referrals.map((row: { reference: string }) => row.reference)).toEqual([referral.reference]);
    expect(document.drafts).toHaveLength(2);
    for (const draft of document.drafts) {
      expect(Object.keys(draft).sort()).toEqual(Object.keys(DRAFT_COLUMNS.columns).sort());
    }
    const hashes = document.drafts.map((draft: { resumeCodeHash: string }) => draft.resumeCodeHash);
    expect(hashes).toEqual([hashOf(drafts.expired), hashOf(drafts.typedLoosely)]);
    expect(document.drafts[1].data).toMatchObject({ story: { whatIsHappening: "Struggling on nights." } });
    expect(response.body).not.toContain("pat@example.com");
    const audit = await testApp.app.prisma.auditEntry.findFirstOrThrow({
      where: { action: "SUBJECT_ACCESS_EXPORTED" },
      orderBy: { id: "desc" },
    });
    expect(audit.detail).toEqual({ caseIds: [referral.caseId], drafts: 2, by: "email" });
  });

  it("finds the drafts by the referral's email when asked by reference", async () => {
    const response = await exportFor({ reference: referral.reference });
    expect(response.statusCode).toBe(200);
    expect(response.json().drafts).toHaveLength(2);
  });

  it("exports drafts alone when the trainee never sent a referral, and 404 only when nothing is held", async () => {
    clock = NOW;
    const code = await saveDraft({ details: { personalEmail: "sam.new@example.com" }, step: "details" });
    const response = await exportFor({ email: "sam.new@example.com" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ referrals: [], drafts: [{ resumeCodeHash: hashOf(code) }] });
    const missing = await exportFor({ email: "nobody@example.com" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe("We hold no referral or saved answers for that trainee.");
  });
});

describe("erasure deletes saved drafts", () => {
  it("deletes every draft with the referral's email in the erasure's transaction, and no one else's", async () => {
    const response = await erase(referral.reference, "DPR-9");
    expect(response.statusCode).toBe(200);
    expect(await draftExists(drafts.typedLoosely)).toBe(false);
    expect(await draftExists(drafts.expired)).toBe(false);
    expect(await draftExists(drafts.other)).toBe(true);
    expect(await draftExists(drafts.noEmail)).toBe(true);
    const audit = await testApp.app.prisma.auditEntry.findFirstOrThrow({ where: { action: "DATA_ERASED" } });
    expect(audit.detail).toMatchObject({ ticket: "DPR-9", draftsDeleted: 2 });
    expect((await exportFor({ email: EMAIL })).statusCode).toBe(404);
    // The other trainee's referral and draft are still theirs to export.
    const other = await exportFor({ email: "pat@example.com" });
    expect(other.json().drafts).toHaveLength(1);
    expect(other.json().referrals[0].reference).toBe(otherReferral.reference);
  });

  it("deletes no draft for a referral recorded without an email address", async () => {
    const recorded = await createTestCase(testApp.app.prisma, { fullName: "Lee Phone" });
    await testApp.app.prisma.referral.update({ where: { id: recorded.referralId }, data: { email: null } });
    const before = await testApp.app.prisma.referralDraft.count();
    const response = await erase(recorded.reference, "DPR-10");
    expect(response.statusCode).toBe(200);
    expect(await testApp.app.prisma.referralDraft.count()).toBe(before);
  });
});
