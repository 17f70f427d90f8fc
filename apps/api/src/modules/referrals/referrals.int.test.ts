import { EXAMPLE_KSS_PHARMACIST_ELIGIBILITY } from "@psu/domain";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import { buildSubmission, newIdempotencyKey } from "../../test/referral-fixtures";
import { countReferrals } from "./referrals.repository";

const testApp = useTestApp();

function submit(body: unknown, key: string | null = newIdempotencyKey()) {
  return testApp.app.inject({
    method: "POST",
    url: "/api/referrals",
    headers: key === null ? {} : { "idempotency-key": key },
    payload: body as object,
  });
}

describe("POST /api/referrals", () => {
  it("stores the referral, opens its case and queues one email, answering with the reference", async () => {
    const response = await submit(buildSubmission());
    expect(response.statusCode).toBe(201);
    const receipt = response.json();
    expect(receipt.reference).toMatch(/^PSU-[2-9A-Y]{4}-[2-9A-Y]{4}$/);
    expect(receipt.triageDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const prisma = testApp.app.prisma;
    const referral = await prisma.referral.findUniqueOrThrow({
      where: { reference: receipt.reference },
      select: {
        channel: true,
        email: true,
        services: true,
        case: { select: { status: true, version: true, events: { select: { kind: true } } } },
      },
    });
    expect(referral.channel).toBe("online");
    expect(referral.email).toBe("alex.example@example.com");
    expect(referral.services).toEqual(["spoc", "coaching"]);
    expect(referral.case).toEqual({ status: "new", version: 1, events: [{ kind: "referral_submitted" }] });
    expect(Object.keys(receipt).sort()).toEqual(["reference", "submittedAt", "triageDueOn"]);
    const emails = await prisma.outboxMessage.findMany({
      where: { payload: { path: ["reference"], equals: receipt.reference } },
    });
    expect(emails).toHaveLength(1);
  });

  it("answers a retry with the same key and body with the same referral, creating nothing new", async () => {
    const key = newIdempotencyKey();
    const first = await submit(buildSubmission(), key);
    const before = await countReferrals(testApp.app.prisma);
    const retry = await submit(buildSubmission(), key);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.json()).toEqual(first.json());
    expect(await countReferrals(testApp.app.prisma)).toBe(before);
  });

  it("refuses the same key with a different body with 422", async () => {
    const key = newIdempotencyKey();
    await submit(buildSubmission(), key);
    const other = buildSubmission({ services: ["careers"] });
    const response = await submit(other, key);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("refuses a submission without an Idempotency-Key with 400 naming the header", async () => {
    const response = await submit(buildSubmission(), null);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toContainEqual({ field: "idempotency-key", message: expect.any(String) });
  });

  it("creates exactly one referral from 50 concurrent submissions with the same key", async () => {
    const key = newIdempotencyKey();
    const before = await countReferrals(testApp.app.prisma);
    const responses = await Promise.all(Array.from({ length: 50 }, () => submit(buildSubmission(), key)));
    expect(responses.map((response) => response.statusCode)).toEqual(Array(50).fill(201));
    expect(new Set(responses.map((response) => response.json().reference)).size).toBe(1);
    expect(await countReferrals(testApp.app.prisma)).toBe(before + 1);
  });

  it("checks eligibility again on the server and refuses an ineligible referral with 422", async () => {
    const body = buildSubmission({
      eligibility: {
        referrer: "self",
        region: "elsewhere",
        group: "doctor_or_dentist",
        trainingNumber: "current",
        concerns: [],
      },
    });
    const response = await submit(body);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe("NOT_ELIGIBLE");
  });

  it.each([
    ["no body at all", undefined, "body"],
    ["a missing section", { ...buildSubmission(), story: undefined }, "story"],
    [
      "a phone number that is not a UK one",
      { ...buildSubmission(), details: { ...buildSubmission().details, phone: "+1 202 555 0100" } },
      "details.phone",
    ],
    [
      "a GMC number of the wrong length",
      {
        ...buildSubmission(),
        details: { ...buildSubmission().details, registration: { register: "GMC", number: "12345" } },
      },
      "details.registration.number",
    ],
    [
      "mental health services for a pharmacist",
      buildSubmission({ eligibility: EXAMPLE_KSS_PHARMACIST_ELIGIBILITY, services: ["mental_health"] }),
      "services",
    ],
    [
      "consent not given",
      {
        ...buildSubmission(),
        consent: {
          acceptsConfidentialityPolicy: false,
          understandsSafetyOverride: true,
          consentsToSupervisorContact: false,
        },
      },
      "consent.acceptsConfidentialityPolicy",
    ],
  ])("answers %s with 400 naming the field, never 500", async (_case, body, field) => {
    const response = await submit(body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((issue: { field: string }) => issue.field)).toContain(field);
  });
});
