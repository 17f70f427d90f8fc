import { createHash } from "node:crypto";
import { ResumedDraftSchema, SavedDraftSchema } from "@psu/domain";
import { describe, expect, it } from "vitest";
import { createAnonymousClient } from "../../test/anonymous-client";
import { useTestApp } from "../../test/build-test-app";
import { errorOf } from "../../test/error-body";
import { buildSubmission, newIdempotencyKey } from "../../test/referral-fixtures";
import { ANONYMOUS_LIMITS, EVERYONE } from "../rate-limit/anonymous-limits";
import { toRateLimitKey } from "../rate-limit/rate-limit.service";
import { deleteExpiredDrafts } from "./drafts.service";

const T0 = new Date("2026-06-01T10:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
let now = T0;
const testApp = useTestApp({ now: () => now });

const { post, nextIp } = createAnonymousClient(() => testApp.app);
const save = (body: unknown, ip?: string) => post("/api/drafts", body, ip);
const resume = (resumeCode: string, ip?: string) => post("/api/drafts/resume", { resumeCode }, ip);

const firstAnswers = { eligibility: { referrer: "self", region: "london" }, step: "group" };
const laterAnswers = {
  eligibility: { referrer: "self", region: "london", group: "doctor_or_dentist", trainingNumber: "current" },
  details: { fullName: "Alex Example", personalEmail: "alex@exam" },
  step: "details",
};

async function createDraft(data: unknown = firstAnswers) {
  const response = await save({ data });
  expect(response.status).toBe(201);
  return SavedDraftSchema.parse(response.body);
}

const hashOf = (resumeCode: string) => testApp.app.keyedHash("draft-resume-code", resumeCode.replaceAll("-", ""));
const countDrafts = (resumeCode: string) =>
  testApp.app.prisma.referralDraft.count({ where: { resumeCodeHash: hashOf(resumeCode) } });

function submitReferral(body: object, idempotencyKey = newIdempotencyKey()) {
  return testApp.app.inject({
    method: "POST",
    url: "/api/referrals",
    headers: { "idempotency-key": idempotencyKey },
    payload: body,
  });
}

describe("POST /api/drafts", () => {
  it("creates a draft with a new resume code, kept for 7 days", async () => {
    now = T0;
    const response = await save({ data: firstAnswers });
    expect(response.status).toBe(201);
    const saved = SavedDraftSchema.parse(response.body);
    expect(saved.resumeCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXY]{4}(-[23456789ABCDEFGHJKMNPQRSTVWXY]{4}){2}$/);
    expect(saved.expiresAt).toBe(new Date(T0.getTime() + 7 * DAY).toISOString());
  });

  it("gives every draft its own code", async () => {
    now = T0;
    const codes = new Set<string>();
    for (let draft = 0; draft < 5; draft++) codes.add((await createDraft()).resumeCode);
    expect(codes.size).toBe(5);
  });

  it("updates the draft under the same code and keeps it 7 days from the update", async () => {
    now = T0;
    const { resumeCode } = await createDraft();
    now = new Date(T0.getTime() + 2 * DAY);
    // Typed loosely, as a person might: lower case, spaces instead of hyphens.
    const response = await save({ data: laterAnswers, resumeCode: resumeCode.toLowerCase().replaceAll("-", " ") });
    expect(response.status).toBe(200);
    expect(SavedDraftSchema.parse(response.body)).toEqual({
      resumeCode,
      expiresAt: new Date(T0.getTime() + 9 * DAY).toISOString(),
    });
    const resumed = await resume(resumeCode);
    expect(ResumedDraftSchema.parse(resumed.body).data).toEqual(laterAnswers);
  });

  it("never keeps a draft past 30 days from its first save, however often it is saved", async () => {
    now = T0;
    const { resumeCode } = await createDraft();
    const expiries: string[] = [];
    for (const day of [6, 12, 18, 24, 29]) {
      now = new Date(T0.getTime() + day * DAY);
      const response = await save({ data: laterAnswers, resumeCode });
      expect(response.status).toBe(200);
      expiries.push(SavedDraftSchema.parse(response.body).expiresAt);
    }
    const capped = new Date(T0.getTime() + 30 * DAY).toISOString();
    expect(expiries).toEqual([
      new Date(T0.getTime() + 13 * DAY).toISOString(),
      new Date(T0.getTime() + 19 * DAY).toISOString(),
      new Date(T0.getTime() + 25 * DAY).toISOString(),
      capped,
      capped,
    ]);
    now = new Date(T0.getTime() + 29 * DAY);
    expect(ResumedDraftSchema.parse((await resume(resumeCode)).body).expiresAt).toBe(capped);
    now = new Date(T0.getTime() + 30 * DAY);
    expect((await save({ data: laterAnswers, resumeCode })).status).toBe(404);
    expect((await resume(resumeCode)).status).toBe(404);
    expect(await countDrafts(resumeCode)).toBe(0);
  });

  it("treats a draft first saved 30 days ago as expired, even if an old save moved its expiry later", async () => {
    now = T0;
    const code = "BCDEFGHJKMNP";
    // As the code before the cap left it: saved every few days, its expiry always 7 days ahead.
    await testApp.app.prisma.referralDraft.create({
      data: {
        resumeCodeHash: hashOf(code),
        data: laterAnswers,
        createdAt: new Date(T0.getTime() - 30 * DAY),
        updatedAt: new Date(T0.getTime() - DAY),
        expiresAt: new Date(T0.getTime() + 6 * DAY),
      },
    });
    expect((await resume(code)).status).toBe(404);
    expect((await save({ data: firstAnswers, resumeCode: code })).status).toBe(404);
    expect(await countDrafts(code)).toBe(0);
  });

  it("refuses to update with an unknown code rather than start a draft silently", async () => {
    now = T0;
    const before = await testApp.app.prisma.referralDraft.count();
    const response = await save({ data: firstAnswers, resumeCode: "2222-3333-4444" });
    expect(response.status).toBe(404);
    expect(errorOf(response.body).code).toBe("NOT_FOUND");
    expect(await testApp.app.prisma.referralDraft.count()).toBe(before);
  });

  it("refuses to update an expired draft", async () => {
    now = T0;
    const { resumeCode } = await createDraft();
    now = new Date(T0.getTime() + 8 * DAY);
    expect((await save({ data: laterAnswers, resumeCode })).status).toBe(404);
  });

  it("stores only a keyed hash of the resume code, not its plain SHA-256", async () => {
    now = T0;
    const { resumeCode } = await createDraft();
    const compact = resumeCode.replaceAll("-", "");
    const rows = await testApp.app.prisma.$queryRaw<unknown[]>`select * from referral_drafts`;
    const table = JSON.stringify(rows);
    expect(table).not.toContain(compact);
    expect(table).not.toContain(resumeCode);
    expect(table).not.toContain(createHash("sha256").update(compact).digest("hex"));
    expect(table).toContain(testApp.app.keyedHash("draft-resume-code", compact));
  });

  it("limits new drafts from everyone together, while existing drafts can still be saved", async () => {
    now = new Date(T0.getTime() + 30 * DAY);
    const { resumeCode } = await createDraft();
    // Everyone's counter at its limit, as if many addresses had each saved a few new drafts.
    const { scope, limit } = ANONYMOUS_LIMITS.draftCreateOverall;
    const key = toRateLimitKey(testApp.app.keyedHash, scope, EVERYONE);
    await testApp.app.prisma.rateLimitCounter.update({ where: { key }, data: { count: limit } });

    const refused = await save({ data: firstAnswers });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(errorOf(refused.body)).toEqual({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringContaining("Wait an hour"),
    });
    expect((await save({ data: laterAnswers, resumeCode })).status).toBe(200);
    // The other tests' clock goes back to T0: leave them an empty counter and no draft from the future.
    await testApp.app.prisma.rateLimitCounter.delete({ where: { key } });
    await testApp.app.prisma.referralDraft.deleteMany({ where: { createdAt: now } });
  });

  it.each([
    ["no answers", {}, "data"],
    ["an unknown choice", { data: { eligibility: { region: "mars" } } }, "data.eligibility.region"],
    [
      "a wrong type",
      { data: { consent: { consentsToSupervisorContact: "yes" } } },
      "data.consent.consentsToSupervisorContact",
    ],
    ["text that is too long", { data: { story: { whatIsHappening: "x".repeat(2001) } } }, "data.story.whatIsHappening"],
    ["a malformed resume code", { data: firstAnswers, resumeCode: "ABC" }, "resumeCode"],
  ])("answers %s with 400 naming the field", async (_case, body, field) => {
    const response = await save(body);
    expect(response.status).toBe(400);
    const error = errorOf(response.body);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fields?.map((issue) => issue.field)).toContain(field);
  });

  it("limits saves per client address", async () => {
    now = T0;
    const ip = nextIp();
    const statuses = [];
    for (let attempt = 0; attempt < 31; attempt++) statuses.push((await save({ data: firstAnswers }, ip)).status);
    expect(statuses).toEqual([...Array(30).fill(201), 429]);
  });
});

describe("POST /api/drafts/resume", () => {
  it("gives back the saved answers and when they expire", async () => {
    now = T0;
    const saved = await createDraft(laterAnswers);
    now = new Date(T0.getTime() + DAY);
    const response = await resume(saved.resumeCode);
    expect(response.status).toBe(200);
    expect(ResumedDraftSchema.parse(response.body)).toEqual({ data: laterAnswers, expiresAt: saved.expiresAt });
  });

  it("answers an expired code like an unknown one, and deletes the expired draft", async () => {
    now = T0;
    const { resumeCode } = await createDraft();
    now = new Date(T0.getTime() + 8 * DAY);
    const expired = await resume(resumeCode);
    const unknown = await resume("2222-3333-4444");
    expect(expired.status).toBe(404);
    expect(expired.body).toEqual(unknown.body);
    expect(errorOf(expired.body)).toEqual({ code: "NOT_FOUND", message: expect.stringContaining("7 days") });
    const hash = testApp.app.keyedHash("draft-resume-code", resumeCode.replaceAll("-", ""));
    expect(await testApp.app.prisma.referralDraft.count({ where: { resumeCodeHash: hash } })).toBe(0);
  });

  it("resumes a draft saved before the hash was keyed, and moves it to the keyed hash", async () => {
    now = T0;
    const code = "ABCDEFGHJKMN";
    const unkeyed = createHash("sha256").update(code).digest("hex");
    await testApp.app.prisma.referralDraft.create({
      data: {
        resumeCodeHash: unkeyed,
        data: laterAnswers,
        createdAt: T0,
        updatedAt: T0,
        expiresAt: new Date(T0.getTime() + DAY),
      },
    });
    const response = await resume("ABCD-EFGH-JKMN");
    expect(response.status).toBe(200);
    expect(ResumedDraftSchema.parse(response.body).data).toEqual(laterAnswers);
    const hashes = (await testApp.app.prisma.referralDraft.findMany({ select: { resumeCodeHash: true } })).map(
      (row) => row.resumeCodeHash,
    );
    expect(hashes).not.toContain(unkeyed);
    expect(hashes).toContain(testApp.app.keyedHash("draft-resume-code", code));
    // Saving under the old code works too, now through the keyed hash.
    expect((await save({ data: firstAnswers, resumeCode: "ABCD-EFGH-JKMN" })).status).toBe(200);
  });

  it("limits attempts per client address so codes cannot be guessed, with a Retry-After", async () => {
    now = T0;
    const { resumeCode } = await createDraft();
    const ip = nextIp();
    const statuses = [];
    for (let attempt = 0; attempt < 10; attempt++) statuses.push((await resume("2222-3333-4444", ip)).status);
    expect(statuses).toEqual(Array(10).fill(404));
    // Even the right code is refused until the window is over.
    const refused = await resume(resumeCode, ip);
    expect(refused.status).toBe(429);
    expect(errorOf(refused.body).code).toBe("TOO_MANY_REQUESTS");
    expect(refused.headers["retry-after"]).toBe(String(15 * 60));
    expect((await resume(resumeCode, nextIp())).status).toBe(200);
  });

  it("answers a missing or malformed code with 400 naming it", async () => {
    for (const body of [{}, { resumeCode: "not-a-code" }, { resumeCode: 123456789012 }]) {
      const response = await post("/api/drafts/resume", body);
      expect(response.status).toBe(400);
      expect(errorOf(response.body).fields?.map((issue) => issue.field)).toContain("resumeCode");
    }
  });
});

describe("POST /api/referrals with the draft's resume code", () => {
  it("deletes the draft the referral was made from, in the same transaction, and only that one", async () => {
    now = T0;
    const used = await createDraft(laterAnswers);
    const other = await createDraft(laterAnswers);
    const key = newIdempotencyKey();
    const response = await submitReferral({ ...buildSubmission(), resumeCode: used.resumeCode }, key);
    expect(response.statusCode).toBe(201);
    expect(await countDrafts(used.resumeCode)).toBe(0);
    expect(await countDrafts(other.resumeCode)).toBe(1);
    expect((await resume(used.resumeCode)).status).toBe(404);
    // A retry (double click) replays the receipt: the draft is already gone, nothing else is touched.
    const retry = await submitReferral({ ...buildSubmission(), resumeCode: used.resumeCode }, key);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(await countDrafts(other.resumeCode)).toBe(1);
  });

  it("accepts the code as the trainee typed it, and keeps only the keyed hash: the code is stored nowhere", async () => {
    now = T0;
    const { resumeCode } = await createDraft(laterAnswers);
    const typed = resumeCode.toLowerCase().replaceAll("-", " ");
    const response = await submitReferral({ ...buildSubmission(), resumeCode: typed });
    expect(response.statusCode).toBe(201);
    expect(await countDrafts(resumeCode)).toBe(0);
    const compact = resumeCode.replaceAll("-", "");
    for (const table of ["referrals", "idempotency_keys", "case_events", "outbox_messages"]) {
      const rows = await testApp.app.prisma.$queryRawUnsafe<unknown[]>(`select * from ${table}`);
      const text = JSON.stringify(rows, (_key, value) => (typeof value === "bigint" ? String(value) : value));
      expect(text, table).not.toContain(compact);
      expect(text, table).not.toContain(hashOf(resumeCode));
    }
  });

  it("still takes the referral when the code is unknown or expired, deleting nothing", async () => {
    now = T0;
    const kept = await createDraft();
    const before = await testApp.app.prisma.referralDraft.count();
    const response = await submitReferral({ ...buildSubmission(), resumeCode: "2222-3333-4444" });
    expect(response.statusCode).toBe(201);
    expect(await testApp.app.prisma.referralDraft.count()).toBe(before);
    expect(await countDrafts(kept.resumeCode)).toBe(1);
  });

  it("refuses a malformed code with 400 naming it, storing nothing", async () => {
    now = T0;
    const before = await testApp.app.prisma.referral.count();
    const response = await submitReferral({ ...buildSubmission(), resumeCode: "not a code" });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response.json()).fields?.map((issue) => issue.field)).toContain("resumeCode");
    expect(await testApp.app.prisma.referral.count()).toBe(before);
  });

  it("leaves the draft when the referral is refused", async () => {
    now = T0;
    const { resumeCode } = await createDraft(laterAnswers);
    const submission = buildSubmission();
    const notEligible = { ...submission, eligibility: { ...submission.eligibility, region: "elsewhere" } };
    const response = await submitReferral({ ...notEligible, resumeCode });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(await countDrafts(resumeCode)).toBe(1);
  });
});

describe("deleteExpiredDrafts", () => {
  it("deletes the drafts that have expired and keeps the rest", async () => {
    now = new Date(T0.getTime() + 20 * DAY);
    const fresh = await createDraft();
    const cleanupAt = new Date(now.getTime() + DAY);
    const deleted = await deleteExpiredDrafts(testApp.app.prisma, cleanupAt);
    expect(deleted).toBeGreaterThan(0);
    const left = await testApp.app.prisma.referralDraft.findMany({ select: { expiresAt: true } });
    expect(left.map((draft) => draft.expiresAt.toISOString())).toEqual([fresh.expiresAt]);
  });

  it("deletes a draft first saved 30 days ago whatever its expiry says", async () => {
    now = T0;
    await testApp.app.prisma.referralDraft.deleteMany();
    const old = await testApp.app.prisma.referralDraft.create({
      data: {
        resumeCodeHash: hashOf("CDEFGHJKMNPQ"),
        data: firstAnswers,
        createdAt: new Date(T0.getTime() - 30 * DAY),
        updatedAt: T0,
        expiresAt: new Date(T0.getTime() + 7 * DAY),
      },
      select: { id: true },
    });
    const young = await createDraft();
    expect(await deleteExpiredDrafts(testApp.app.prisma, T0)).toBe(1);
    expect(await testApp.app.prisma.referralDraft.count({ where: { id: old.id } })).toBe(0);
    expect(await countDrafts(young.resumeCode)).toBe(1);
  });
});
