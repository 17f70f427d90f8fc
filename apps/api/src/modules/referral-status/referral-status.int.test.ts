import type { CaseStatus } from "@psu/domain";
import { ReferralStatusSchema } from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { describe, expect, it } from "vitest";
import { createAnonymousClient } from "../../test/anonymous-client";
import { useTestApp } from "../../test/build-test-app";
import { errorOf } from "../../test/error-body";
import { createTestCase } from "../../test/staff-fixtures";
import { withdrawCaseIfUnchanged } from "./referral-status.repository";
import { REFERRAL_NOT_FOUND_MESSAGE } from "./referral-status.service";

const NOW = new Date("2026-06-01T10:00:00Z");

/** A referral and its case, submitted a month before NOW unless said otherwise. */
function insertReferral(
  prisma: PrismaClient,
  options: { email?: string; status?: CaseStatus; submittedAt?: Date } = {},
) {
  const { submittedAt = new Date("2026-05-01T09:00:00Z"), ...rest } = options;
  return createTestCase(prisma, { ...rest, openedAt: submittedAt });
}
const testApp = useTestApp({ now: () => NOW });

const { post, nextIp } = createAnonymousClient(() => testApp.app);
const lookUp = (body: unknown, ip?: string) => post("/api/referral-status", body, ip);
const withdraw = (body: unknown, ip?: string) => post("/api/referral-status/withdraw", body, ip);

const NOT_FOUND = { error: { code: "NOT_FOUND", message: REFERRAL_NOT_FOUND_MESSAGE } };

async function readCase(caseId: string) {
  return testApp.app.prisma.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      status: true,
      version: true,
      closedAt: true,
      // The events after submission (the fixture writes the submission's own).
      events: { where: { kind: { not: "referral_submitted" } }, select: { actorType: true, kind: true, data: true } },
    },
  });
}

describe("POST /api/referral-status", () => {
  it("shows the status of a referral found by its reference and email address", async () => {
    // Submitted late on 31 May UTC, which is 1 June in London.
    const referral = await insertReferral(testApp.app.prisma, { submittedAt: new Date("2026-05-31T23:30:00Z") });
    const response = await lookUp({ reference: referral.reference, email: referral.email });
    expect(response.status).toBe(200);
    expect(ReferralStatusSchema.parse(response.body)).toEqual({
      reference: referral.reference,
      status: "received",
      submittedOn: "2026-06-01",
      // Two working days after Monday 1 June: the date the confirmation page promised.
      triageDueOn: "2026-06-03",
      canWithdraw: true,
    });
  });

  it("moves the triage due date on by the days the clock was paused, as the staff's clock does", async () => {
    // Thursday 28 May; without the pause, due Monday 1 June.
    const referral = await insertReferral(testApp.app.prisma, { submittedAt: new Date("2026-05-28T09:00:00Z") });
    await testApp.app.prisma.case.update({
      where: { id: referral.caseId },
      data: { pauses: [{ from: "2026-05-28T12:00:00.000Z", to: "2026-06-01T09:00:00.000Z" }] },
    });
    const response = await lookUp({ reference: referral.reference, email: referral.email });
    expect(ReferralStatusSchema.parse(response.body).triageDueOn).toBe("2026-06-02");
  });

  it("ignores the case of the email address and tidies the reference as typed", async () => {
    const referral = await insertReferral(testApp.app.prisma, { email: "sam.jones@example.nhs.uk" });
    const typed = referral.reference.toLowerCase().replaceAll("-", " ");
    const response = await lookUp({ reference: typed, email: "  Sam.Jones@Example.NHS.uk " });
    expect(response.status).toBe(200);
    expect(ReferralStatusSchema.parse(response.body).reference).toBe(referral.reference);
  });

  it("says a closed referral can no longer be withdrawn", async () => {
    const referral = await insertReferral(testApp.app.prisma, { status: "closed" });
    const response = await lookUp({ reference: referral.reference, email: referral.email });
    expect(ReferralStatusSchema.parse(response.body)).toMatchObject({ status: "closed", canWithdraw: false });
  });

  it("gives a wrong email, an unknown reference and both the same 404, naming neither", async () => {
    const referral = await insertReferral(testApp.app.prisma);
    const other = await insertReferral(testApp.app.prisma);
    await testApp.app.prisma.referral.delete({ where: { reference: other.reference } });

    const wrongEmail = await lookUp({ reference: referral.reference, email: "someone.else@example.com" });
    const unknownReference = await lookUp({ reference: other.reference, email: referral.email });
    const bothWrong = await lookUp({ reference: other.reference, email: "someone.else@example.com" });
    for (const response of [wrongEmail, unknownReference, bothWrong]) {
      expect(response.status).toBe(404);
      expect(response.body).toEqual(NOT_FOUND);
      expect(response.raw).not.toContain("example.com");
      expect(response.raw).not.toContain(referral.reference);
      expect(response.raw).not.toContain(other.reference);
    }
  });

  it("limits attempts per reference, whatever address they come from, with a Retry-After", async () => {
    const referral = await insertReferral(testApp.app.prisma);
    const statuses = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      statuses.push((await lookUp({ reference: referral.reference, email: `guess${attempt}@example.com` })).status);
    }
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);

    // Even the right email is refused until the window is over.
    const refused = await lookUp({ reference: referral.reference, email: referral.email });
    expect(refused.status).toBe(429);
    expect(errorOf(refused.body).code).toBe("TOO_MANY_REQUESTS");
    expect(errorOf(refused.body).message).toMatch(/wait/i);
    expect(Number(refused.headers["retry-after"])).toBe(15 * 60);
  });

  it("limits attempts per client address across references", async () => {
    const ip = nextIp();
    const statuses = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      const referral = await insertReferral(testApp.app.prisma);
      statuses.push((await lookUp({ reference: referral.reference, email: referral.email }, ip)).status);
    }
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
  });

  it.each([
    ["a reference that is not one", { reference: "PSU-1234", email: "a@example.com" }, "reference"],
    ["a reference with a wrong check character", { reference: "PSU-2222-2223", email: "a@example.com" }, "reference"],
    ["a missing email", { reference: "PSU-2222-2222" }, "email"],
    ["an empty email", { reference: "PSU-2222-2222", email: "   " }, "email"],
    ["a number for the reference", { reference: 42, email: "a@example.com" }, "reference"],
  ])("answers %s with 400 naming the field", async (_case, body, field) => {
    const response = await lookUp(body);
    expect(response.status).toBe(400);
    const error = errorOf(response.body);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fields?.map((issue) => issue.field)).toContain(field);
  });

  it("never answers a malformed body with a 500", async () => {
    for (const payload of ["{nope", "null", "[1]"]) {
      const response = await testApp.app.inject({
        method: "POST",
        url: "/api/referral-status",
        headers: { "content-type": "application/json" },
        payload,
        remoteAddress: nextIp(),
      });
      expect(response.statusCode).toBe(400);
    }
  });
});

describe("POST /api/referral-status/withdraw", () => {
  it("withdraws the referral, bumps the case version and appends a timeline event", async () => {
    const referral = await insertReferral(testApp.app.prisma, { status: "triage" });
    const response = await withdraw({
      reference: referral.reference,
      email: referral.email,
      reason: "  Feeling better  ",
    });
    expect(response.status).toBe(200);
    expect(ReferralStatusSchema.parse(response.body)).toMatchObject({
      reference: referral.reference,
      status: "withdrawn",
      canWithdraw: false,
    });
    expect(await readCase(referral.caseId)).toEqual({
      status: "withdrawn",
      version: 2,
      closedAt: NOW,
      events: [
        {
          actorType: "trainee",
          kind: "status_changed",
          data: { from: "triage", to: "withdrawn", reason: "Feeling better", outcome: null },
        },
      ],
    });
  });

  it("withdraws without a reason", async () => {
    const referral = await insertReferral(testApp.app.prisma);
    const response = await withdraw({ reference: referral.reference, email: referral.email.toUpperCase() });
    expect(response.status).toBe(200);
    expect((await readCase(referral.caseId)).events[0]?.data).toEqual({
      from: "new",
      to: "withdrawn",
      reason: null,
      outcome: null,
    });
  });

  it("refuses a second withdrawal with 409 and writes nothing more", async () => {
    const referral = await insertReferral(testApp.app.prisma);
    const pair = { reference: referral.reference, email: referral.email };
    expect((await withdraw(pair)).status).toBe(200);
    const again = await withdraw(pair);
    expect(again.status).toBe(409);
    expect(errorOf(again.body)).toEqual({ code: "CONFLICT", message: expect.stringMatching(/withdrawn/) });
    const stored = await readCase(referral.caseId);
    expect(stored.version).toBe(2);
    expect(stored.events).toHaveLength(1);
  });

  it("refuses to withdraw a closed referral with the state machine's reason", async () => {
    const referral = await insertReferral(testApp.app.prisma, { status: "closed" });
    const response = await withdraw({ reference: referral.reference, email: referral.email });
    expect(response.status).toBe(409);
    expect(errorOf(response.body).message).toBe("This case is closed and cannot move to withdrawn.");
    expect((await readCase(referral.caseId)).status).toBe("closed");
  });

  it("gives a wrong email the generic 404 and leaves the case alone", async () => {
    const referral = await insertReferral(testApp.app.prisma);
    const response = await withdraw({ reference: referral.reference, email: "intruder@example.com" });
    expect(response).toMatchObject({ status: 404, body: NOT_FOUND });
    expect(await readCase(referral.caseId)).toMatchObject({ status: "new", version: 1, events: [] });
  });

  it("lets exactly one of 10 simultaneous withdrawals succeed", async () => {
    const referral = await insertReferral(testApp.app.prisma);
    const pair = { reference: referral.reference, email: referral.email };
    const responses = await Promise.all(Array.from({ length: 10 }, () => withdraw(pair)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    // The rest lost the race (409) or hit the per-reference limit of 5 (429).
    expect(statuses.filter((status) => status === 409).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((status) => [200, 409, 429].includes(status))).toBe(true);
    const stored = await readCase(referral.caseId);
    expect(stored.version).toBe(2);
    expect(stored.events).toHaveLength(1);
  });

  it("ends the open pause when a trainee withdraws while information is requested", async () => {
    const pausedSince = new Date("2026-05-20T09:00:00Z");
    const referral = await createTestCase(testApp.app.prisma, {
      status: "information_requested",
      resumeTo: "triage",
      triagedAt: new Date("2026-05-02T09:00:00Z"),
      pausedSince,
      openedAt: new Date("2026-05-01T09:00:00Z"),
    });
    const response = await withdraw({ reference: referral.reference, email: referral.email });
    expect(response.status).toBe(200);
    const stored = await testApp.app.prisma.case.findUniqueOrThrow({
      where: { id: referral.caseId },
      select: { status: true, pausedSince: true, resumeTo: true, pauses: true, closedAt: true },
    });
    // Left open, the pause would go on counting in the clocks and reports after the case ended.
    expect(stored).toEqual({
      status: "withdrawn",
      pausedSince: null,
      resumeTo: null,
      pauses: [{ from: pausedSince.toISOString(), to: NOW.toISOString() }],
      closedAt: NOW,
    });
  });

  it("writes nothing when the case changed after it was read", async () => {
    const referral = await insertReferral(testApp.app.prisma);
    await testApp.app.prisma.case.update({ where: { id: referral.caseId }, data: { version: 2 } });
    const written = await withdrawCaseIfUnchanged(testApp.app.prisma, {
      caseId: referral.caseId,
      expectedVersion: 1,
      now: NOW,
      plan: {
        set: { status: "withdrawn", closedAt: NOW },
        event: { kind: "status_changed", data: { from: "new", to: "withdrawn" } },
        traineeEmail: "referral_withdrawn",
      },
      traineeEmail: { kind: "referral_withdrawn", recipient: "lost.race@example.org", reference: "PSU-7K3F-9QX4" },
    });
    expect(written).toBe(false);
    expect(await testApp.app.prisma.outboxMessage.count({ where: { recipient: "lost.race@example.org" } })).toBe(0);
    expect(await readCase(referral.caseId)).toMatchObject({ status: "new", version: 2, events: [] });
  });

  it("names a reason that is too long", async () => {
    const referral = await insertReferral(testApp.app.prisma);
    const response = await withdraw({ reference: referral.reference, email: referral.email, reason: "x".repeat(1001) });
    expect(response.status).toBe(400);
    expect(errorOf(response.body).fields?.map((issue) => issue.field)).toContain("reason");
  });
});
