import { ErrorBodySchema } from "@psu/domain";
import { describe, expect, it } from "vitest";
import { createAnonymousClient } from "../../test/anonymous-client";
import { useTestApp } from "../../test/build-test-app";
import { ANONYMOUS_LIMITS } from "../rate-limit/anonymous-limits";

// 23:30 UTC on 31 May is already June in London (BST).
const NOW = new Date("2026-05-31T23:30:00Z");
const testApp = useTestApp({ now: () => NOW });

const { post, nextIp } = createAnonymousClient(() => testApp.app);
const submit = (body: unknown, ip = nextIp()) => post("/api/equality-responses", body, ip);
const errorOf = (raw: string) => ErrorBodySchema.parse(JSON.parse(raw)).error;

const answers = { ageBand: "30_34", ethnicity: "white_irish", disability: "prefer_not_to_say" };

describe("POST /api/equality-responses", () => {
  it("stores the answers with the London month and nothing that links them to a referral", async () => {
    const response = await submit({ answers, referenceOrAnythingElse: "PSU-7K3F-9QXW" });
    expect(response.status).toBe(204);
    expect(response.raw).toBe("");

    const columns = await testApp.app.prisma.$queryRaw<{ column_name: string }[]>`
      select column_name from information_schema.columns where table_name = 'equality_responses' order by column_name`;
    expect(columns.map((column) => column.column_name)).toEqual(["answers", "id", "submitted_month"]);
    const rows = await testApp.app.prisma.equalityResponse.findMany({
      select: { submittedMonth: true, answers: true },
    });
    // Unknown fields (a reference slipped in by a client) are dropped, not stored.
    expect(rows).toEqual([{ submittedMonth: "2026-06", answers }]);
  });

  it("accepts a form with every question skipped", async () => {
    expect((await submit({ answers: {} })).status).toBe(204);
  });

  it.each([
    ["an unknown answer value", { answers: { ethnicity: "martian" } }, "answers.ethnicity"],
    ["a wrong type", { answers: { ageBand: 34 } }, "answers.ageBand"],
    ["no answers object", {}, "answers"],
  ])("answers %s with 400 naming the field", async (_case, body, field) => {
    const response = await submit(body);
    expect(response.status).toBe(400);
    const error = errorOf(response.raw);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fields?.map((issue) => issue.field)).toContain(field);
  });

  it("limits forms per client address to stop flooding", async () => {
    const ip = nextIp();
    const statuses = [];
    for (let form = 0; form < 21; form++) statuses.push((await submit({ answers }, ip)).status);
    expect(statuses).toEqual([...Array(20).fill(204), 429]);
    const refused = await submit({ answers }, ip);
    expect(errorOf(refused.raw).code).toBe("TOO_MANY_REQUESTS");
    expect(refused.headers["retry-after"]).toBe(String(60 * 60));
  });

  // Last: it uses up everyone's allowance for the hour this file's clock stands in.
  it("limits forms from everyone together, however many addresses they come from", async () => {
    const { limit } = ANONYMOUS_LIMITS.equalityOverall;
    let refused: Awaited<ReturnType<typeof submit>> | undefined;
    for (let form = 0; form <= limit && !refused; form++) {
      const response = await submit({ answers }, `203.0.113.${Math.floor(form / 10)}`);
      if (response.status === 429) refused = response;
    }
    expect(refused && errorOf(refused.raw).code).toBe("TOO_MANY_REQUESTS");
    // Exactly the allowance was stored: the forms refused per address earlier did not use it up.
    expect(await testApp.app.prisma.equalityResponse.count()).toBe(limit);
  });
});
