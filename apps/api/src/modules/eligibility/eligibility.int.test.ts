import { EligibilityVerdictSchema } from "@psu/domain";
import { createPrismaClient } from "@psu/prisma";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app";
import { parseConfig } from "../../config/env";
import { loadServerSecret } from "../../security/server-secret";
import { errorOf } from "../../test/error-body";

// The eligibility contract does not touch the database, so the app gets a client that never
// connects. It listens on a real port and is called with fetch, as another client would.
let app: FastifyInstance;
let base: string;
const NOW = new Date("2026-05-31T23:30:00Z"); // 1 June 2026 in London (BST)

beforeAll(async () => {
  const url = "postgresql://nobody:nothing@127.0.0.1:1/none";
  const config = parseConfig({ NODE_ENV: "test", DATABASE_URL: url });
  const serverSecret = await loadServerSecret(config.serverSecret);
  app = await buildApp({ config, serverSecret, prisma: createPrismaClient(url), now: () => NOW });
  base = await app.listen({ host: "127.0.0.1", port: 0 });
});
afterAll(async () => {
  await app.close();
});

async function post(body: unknown, contentType = "application/json") {
  const response = await fetch(`${base}/api/eligibility`, {
    method: "POST",
    headers: { "content-type": contentType },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

// Parsing with the contract's own schemas checks the shape of every answer as well.
const verdict = (body: unknown) => EligibilityVerdictSchema.parse(body);

const eligibleDoctor = {
  referrer: "self",
  region: "london",
  group: "doctor_or_dentist",
  trainingNumber: "current",
  concerns: [],
};

describe("POST /api/eligibility", () => {
  it("says an eligible doctor is eligible, with no reasons and no signposts", async () => {
    expect(await post(eligibleDoctor)).toEqual({ status: 200, body: { eligible: true, reasons: [], signposts: [] } });
  });

  it("gives every failed rule its reason, and where to go instead", async () => {
    const response = await post({
      referrer: "someone_else",
      region: "elsewhere",
      group: "none_of_these",
      concerns: ["rotation"],
    });
    expect(response.status).toBe(200);
    const body = verdict(response.body);
    expect(body.eligible).toBe(false);
    expect(body.reasons.map((reason) => reason.code)).toEqual([
      "NOT_SELF_REFERRAL",
      "OUTSIDE_REGION",
      "NOT_ELIGIBLE_GROUP",
    ]);
    expect(body.signposts.map((signpost) => signpost.code)).toEqual(["ROTATION", "LOCAL_SUPPORT"]);
    for (const reason of body.reasons) expect(reason.message.length).toBeGreaterThan(20);
  });

  it("counts the grace period in London's calendar: ended 1 March is still eligible on 1 June", async () => {
    const ended = { ...eligibleDoctor, trainingNumber: "ended", trainingEndedOn: "2026-03-01" };
    expect(verdict((await post(ended)).body).eligible).toBe(true);
    const expired = { ...ended, trainingEndedOn: "2026-02-28" };
    expect(verdict((await post(expired)).body).reasons.map((reason) => reason.code)).toEqual(["GRACE_PERIOD_EXPIRED"]);
  });

  it.each([
    ["a missing field", { ...eligibleDoctor, region: undefined }, "region"],
    ["a wrong type", { ...eligibleDoctor, concerns: "rotation" }, "concerns"],
    ["an unknown value", { ...eligibleDoctor, group: "vet" }, "group"],
    [
      "a field the branch needs",
      { referrer: "self", region: "kss", group: "healthcare_professional", band: "6", concerns: [] },
      "inRecognisedScheme",
    ],
    [
      "a date that does not exist",
      { ...eligibleDoctor, trainingNumber: "ended", trainingEndedOn: "2026-02-30" },
      "trainingEndedOn",
    ],
    [
      "a date in the future (London's today is 1 June)",
      { ...eligibleDoctor, trainingNumber: "ended", trainingEndedOn: "2026-06-02" },
      "trainingEndedOn",
    ],
  ])("answers %s with 400 naming the field", async (_case, body, field) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const error = errorOf(response.body);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fields?.map((issue) => issue.field)).toContain(field);
  });

  it("answers a training end date after today with exactly this error", async () => {
    const response = await post({ ...eligibleDoctor, trainingNumber: "ended", trainingEndedOn: "2026-06-02" });
    expect(response).toEqual({
      status: 400,
      body: {
        error: {
          code: "VALIDATION_FAILED",
          message: "Check trainingEndedOn",
          fields: [
            { field: "trainingEndedOn", message: "The date your training number ended must be today or in the past" },
          ],
        },
      },
    });
  });

  it("ignores fields that do not apply to the branch", async () => {
    const response = await post({ ...eligibleDoctor, band: "banana", pharmacyRoute: 7 });
    expect(response).toEqual({ status: 200, body: { eligible: true, reasons: [], signposts: [] } });
  });

  it.each([
    ["not JSON", "{nope", "application/json"],
    ["JSON that is not an object", "[1,2]", "application/json"],
    ["null", "null", "application/json"],
    ["form data", "referrer=self", "application/x-www-form-urlencoded"],
  ])("never answers %s with a 500", async (_case, body, contentType) => {
    const response = await post(body, contentType);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(errorOf(response.body).code).toEqual(expect.any(String));
  });
});
