import { describe, expect, it } from "vitest";
import { createDatabaseMetrics } from "./database-metrics";

// What a scrape shows when the database does not answer: unknown (NaN), never stale numbers,
// and a read still hanging is not started again beside itself. The numbers themselves are
// tested against PostgreSQL in metrics.int.test.ts.

/** A stand-in for the Prisma client: every raw query answers as `answer` says, and is counted. */
function fakeDatabase(answer: () => Promise<unknown>) {
  const database = {
    queries: 0,
    prisma: {
      $queryRaw: () => {
        database.queries++;
        return answer();
      },
    },
  };
  return database;
}

function read(text: string, line: string): string | undefined {
  return text
    .split("\n")
    .find((candidate) => candidate.startsWith(`${line} `))
    ?.slice(line.length + 1);
}

describe("createDatabaseMetrics", () => {
  it("shows every value as NaN, and the read as failed, when the database refuses", async () => {
    const database = fakeDatabase(() => Promise.reject(new Error("connection refused")));
    const registry = createDatabaseMetrics({ prisma: database.prisma as never, now: () => new Date() });
    const text = await registry.metrics();
    expect(read(text, "psu_metrics_database_read_success")).toBe("0");
    // prom-client writes NaN as "Nan", which Prometheus reads (Go's ParseFloat ignores the case).
    expect(read(text, 'psu_open_cases{status="new"}')).toBe("Nan");
    expect(read(text, 'psu_sla_open_cases{clock="triage",state="breached"}')).toBe("Nan");
    expect(read(text, 'psu_outbox_messages{state="due"}')).toBe("Nan");
    expect(read(text, "psu_outbox_oldest_waiting_age_seconds")).toBe("Nan");
  });

  it("gives up on a read after timeoutMs, and does not start another while it still runs", async () => {
    const database = fakeDatabase(() => new Promise(() => {}));
    const registry = createDatabaseMetrics({
      prisma: database.prisma as never,
      now: () => new Date(),
      cacheMs: 0,
      timeoutMs: 20,
    });
    const started = performance.now();
    expect(read(await registry.metrics(), "psu_metrics_database_read_success")).toBe("0");
    expect(performance.now() - started).toBeLessThan(1_000);
    const queries = database.queries;
    expect(queries).toBeGreaterThan(0);
    expect(read(await registry.metrics(), "psu_metrics_database_read_success")).toBe("0");
    expect(database.queries).toBe(queries);
  });

  it("reads once for every metric of a scrape, and again only after cacheMs", async () => {
    const database = fakeDatabase(() => Promise.reject(new Error("down")));
    const registry = createDatabaseMetrics({ prisma: database.prisma as never, now: () => new Date(), cacheMs: 50 });
    await registry.metrics();
    const perRead = database.queries;
    await registry.metrics();
    expect(database.queries).toBe(perRead);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await registry.metrics();
    expect(database.queries).toBe(2 * perRead);
  });
});
