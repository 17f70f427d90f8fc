import { describe, expect, it } from "vitest";
import { httpRequest, stopServer, useEmbeddedServerFolder } from "../../test/server-process";

// Under WORKERS a scrape reaches whichever worker the primary hands the connection to; each
// answers with every worker's counts summed (cluster-metrics.ts), so no scrape sees a part.
const folder = useEmbeddedServerFolder("psu-metrics-workers-test-");
const TOKEN = "metrics-token-for-tests-0123456789abcdef";

function sampleValue(text: string, line: string): number | undefined {
  const found = text.split("\n").find((candidate) => candidate.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

describe("GET /metrics with WORKERS=2", () => {
  it("answers every scrape, on whichever worker, with both workers' counts summed", async () => {
    // The outbox does not poll within the test, so the messages waiting stay as counted here.
    const server = await folder.start({ WORKERS: "2", METRICS_TOKEN: TOKEN, OUTBOX_POLL_MS: "600000" });
    try {
      const due = await folder.withDatabase(async (client) => {
        await client.query(
          "insert into outbox_messages (kind, recipient, payload) values ('referral_received', 'waiting@example.com', '{\"reference\": \"PSU-TEST-0001\"}')",
        );
        const counted = await client.query<{ n: number }>(
          "select count(*)::int as n from outbox_messages where sent_at is null and failed_at is null and available_at <= now()",
        );
        return Number(counted.rows[0]?.n);
      });
      expect(due).toBeGreaterThan(0);
      // Each on a connection of its own, so the primary spreads them over the workers.
      const answers = await Promise.all(Array.from({ length: 20 }, () => httpRequest(`${server.origin}/api/services`)));
      expect(answers.every((answer) => answer.status === 200)).toBe(true);

      for (let scrape = 0; scrape < 6; scrape++) {
        const answer = await httpRequest(`${server.origin}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
        expect(answer.status).toBe(200);
        expect(
          sampleValue(
            answer.body,
            'psu_http_request_duration_seconds_count{method="GET",route="/api/services",status_code="200"}',
          ),
        ).toBe(20);
        // Two pools of DATABASE_POOL_MAX (10) each: one worker alone would say 10.
        expect(sampleValue(answer.body, "psu_database_pool_max_connections")).toBe(20);
        // Read once, by the worker answering, not summed over the workers.
        expect(sampleValue(answer.body, "psu_metrics_database_read_success")).toBe(1);
        expect(sampleValue(answer.body, 'psu_outbox_messages{state="due"}')).toBe(due);
      }
      expect((await httpRequest(`${server.origin}/metrics`)).status).toBe(401);
    } finally {
      await stopServer(server);
    }
  }, 90_000);
});
