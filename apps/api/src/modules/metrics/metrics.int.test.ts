import { randomUUID } from "node:crypto";
import { BREACHING_SOON_STATES, OPEN_CASE_STATUSES, SLA_KINDS } from "@psu/domain";
import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import { errorOf } from "../../test/error-body";
import { createStaff, createTestCase, SAME_ORIGIN_HEADERS } from "../../test/staff-fixtures";
import { monthsBefore } from "../data-protection/retention.service";
import { REQUEST_METHODS, SIGN_IN_FAILURES_BY_STEP, UNMATCHED_ROUTE } from "./app-metrics";
import { OUTBOX_STATES } from "./database-metrics";

const TOKEN = "metrics-token-for-tests-0123456789abcdef";
const NOW = new Date("2026-11-24T10:00:00Z");

/** Every family docs/operations.md lists. */
const FAMILIES = [
  "psu_http_request_duration_seconds",
  "psu_database_pool_connections",
  "psu_database_pool_idle_connections",
  "psu_database_pool_waiting_requests",
  "psu_database_pool_max_connections",
  "psu_outbox_messages",
  "psu_outbox_oldest_waiting_age_seconds",
  "psu_outbox_sent_total",
  "psu_outbox_send_failures_total",
  "psu_retention_last_run_timestamp_seconds",
  "psu_retention_last_run_success",
  "psu_retention_last_run_anonymised_cases",
  "psu_open_cases",
  "psu_sla_open_cases",
  "psu_sign_in_failures_total",
  "psu_metrics_database_read_success",
  "psu_process_cpu_seconds_total",
  "psu_process_resident_memory_bytes",
  "psu_nodejs_eventloop_lag_seconds",
];

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition, each with its labels. */
function parseSamples(text: string): Sample[] {
  return text
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample line: ${line}`);
      const labels: Record<string, string> = {};
      for (const [, name = "", value = ""] of (match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
        labels[name] = value;
      return { name: match[1] ?? "", labels, value: Number(match[3]) };
    });
}

function familiesOf(text: string): Set<string> {
  return new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map((match) => match[1] ?? ""));
}

function sampleValue(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return samples.find(
    (sample) =>
      sample.name === name &&
      Object.keys(labels).length === Object.keys(sample.labels).length &&
      Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  )?.value;
}

async function scrape(app: FastifyInstance): Promise<string> {
  const response = await app.inject({ method: "GET", url: "/metrics", headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.statusCode).toBe(200);
  expect(response.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.body;
}

describe("GET /metrics with METRICS_TOKEN set", () => {
  const test = useTestApp({ env: { METRICS_TOKEN: TOKEN }, now: () => NOW });

  it.each([
    ["no Authorization header", {}],
    ["a wrong token", { authorization: `Bearer ${TOKEN.slice(0, -1)}x` }],
    ["the token one character short", { authorization: `Bearer ${TOKEN.slice(0, -1)}` }],
    ["the token under another scheme", { authorization: `Basic ${TOKEN}` }],
    ["the token alone", { authorization: TOKEN }],
  ])("refuses %s with 401 in the error shape, and no metrics", async (_case, headers) => {
    const response = await test.app.inject({ method: "GET", url: "/metrics", headers });
    expect(response.statusCode).toBe(401);
    expect(response.headers["www-authenticate"]).toBe('Bearer realm="metrics"');
    expect(errorOf(response.json()).code).toBe("UNAUTHENTICATED");
    expect(response.body).not.toContain("psu_");
  });

  it("after traffic, lists every family, counts what happened, and labels only with values from fixed lists", async () => {
    const { app } = test;
    const email = `jane.doe.${randomUUID().slice(0, 8)}@example.com`;
    const staffEmail = `coordinator.${randomUUID().slice(0, 8)}@example.nhs.uk`;
    const randomPath = `/no-such-page-${randomUUID()}/${email}`;

    // An open case far past its triage deadline, and an email waiting in the outbox.
    await createTestCase(app.prisma, { status: "new", openedAt: new Date("2026-11-02T09:00:00Z"), email });
    await app.prisma.outboxMessage.create({
      data: {
        kind: "referral_received",
        recipient: email,
        payload: { reference: "PSU-TEST" },
        createdAt: NOW,
        availableAt: NOW,
      },
    });
    await createStaff(app.prisma, { email: staffEmail, role: "coordinator" });

    expect((await app.inject({ method: "GET", url: "/api/services" })).statusCode).toBe(200);
    expect(
      (await app.inject({ method: "GET", url: `/api/services?email=${encodeURIComponent(email)}` })).statusCode,
    ).toBe(200);
    expect((await app.inject({ method: "GET", url: randomPath })).statusCode).toBe(404);
    const signIn = (body: { email: string; password: string }) =>
      app.inject({ method: "POST", url: "/api/auth/sign-in", headers: SAME_ORIGIN_HEADERS, payload: body });
    expect((await signIn({ email, password: "not the right password at all" })).statusCode).toBe(401);
    expect((await signIn({ email: staffEmail, password: "not the right password at all" })).statusCode).toBe(401);

    const text = await scrape(app);
    const families = familiesOf(text);
    for (const family of FAMILIES) expect(families, family).toContain(family);
    const samples = parseSamples(text);

    expect(
      sampleValue(samples, "psu_http_request_duration_seconds_count", {
        method: "GET",
        route: "/api/services",
        status_code: "200",
      }),
    ).toBe(2);
    expect(
      sampleValue(samples, "psu_http_request_duration_seconds_count", {
        method: "GET",
        route: UNMATCHED_ROUTE,
        status_code: "404",
      }),
    ).toBe(1);
    expect(sampleValue(samples, "psu_sign_in_failures_total", { step: "password", reason: "unknown-account" })).toBe(1);
    expect(sampleValue(samples, "psu_sign_in_failures_total", { step: "password", reason: "wrong-password" })).toBe(1);
    expect(sampleValue(samples, "psu_sign_in_failures_total", { step: "sso", reason: "no-account" })).toBe(0);
    expect(sampleValue(samples, "psu_metrics_database_read_success")).toBe(1);
    expect(sampleValue(samples, "psu_open_cases", { status: "new" })).toBe(1);
    expect(sampleValue(samples, "psu_open_cases", { status: "allocated" })).toBe(0);
    expect(sampleValue(samples, "psu_sla_open_cases", { clock: "triage", state: "breached" })).toBe(1);
    expect(sampleValue(samples, "psu_sla_open_cases", { clock: "first_contact", state: "breached" })).toBe(0);
    expect(sampleValue(samples, "psu_outbox_messages", { state: "due" })).toBe(1);
    expect(sampleValue(samples, "psu_outbox_messages", { state: "given_up" })).toBe(0);
    expect(sampleValue(samples, "psu_outbox_oldest_waiting_age_seconds")).toBe(0);
    expect(sampleValue(samples, "psu_database_pool_max_connections")).toBe(4);
    expect(sampleValue(samples, "psu_database_pool_connections")).toBeGreaterThan(0);

    // Nothing a client sent reaches a label: not the email, the path, the query, the staff address.
    for (const secret of [email, staffEmail, randomPath, "jane.doe", "no-such-page", "@example", "email="])
      expect(text).not.toContain(secret);

    const allowed: Record<string, (value: string, sample: Sample) => boolean> = {
      method: (value) => [...REQUEST_METHODS, "OTHER"].includes(value),
      route: (value, sample) =>
        value === UNMATCHED_ROUTE ||
        app.hasRoute({ method: sample.labels.method as "GET", url: value }) ||
        (sample.labels.method === "HEAD" && app.hasRoute({ method: "GET", url: value })),
      status_code: (value) => /^[1-5]\d\d$/.test(value),
      le: (value) => value === "+Inf" || Number.isFinite(Number(value)),
      step: (value) => value in SIGN_IN_FAILURES_BY_STEP,
      reason: (value, sample) =>
        (
          SIGN_IN_FAILURES_BY_STEP[sample.labels.step as keyof typeof SIGN_IN_FAILURES_BY_STEP] as readonly string[]
        ).includes(value),
      status: (value) => (OPEN_CASE_STATUSES as readonly string[]).includes(value),
      clock: (value) => (SLA_KINDS as readonly string[]).includes(value),
      state: (value, sample) =>
        sample.name === "psu_outbox_messages"
          ? (OUTBOX_STATES as readonly string[]).includes(value)
          : (BREACHING_SOON_STATES as readonly string[]).includes(value),
    };
    for (const sample of samples) {
      expect(sample.name).toMatch(/^psu_/);
      for (const [label, value] of Object.entries(sample.labels)) {
        const check = allowed[label];
        const nodeOwn = sample.name.startsWith("psu_nodejs_") || sample.name.startsWith("psu_process_");
        // Node's own metrics (prom-client's defaults) label with heap spaces, GC kinds and the version.
        if (nodeOwn && !check) expect(value, `${sample.name} ${label}`).toMatch(/^[\w.-]+$/);
        else expect(check?.(value, sample), `${sample.name} ${label}="${value}"`).toBe(true);
      }
    }
  });

  it("reads the database at most once in a short while, however often it is scraped", async () => {
    const { app } = test;
    const before = parseSamples(await scrape(app));
    await createTestCase(app.prisma, { status: "allocated", openedAt: NOW });
    const after = parseSamples(await scrape(app));
    expect(sampleValue(after, "psu_open_cases", { status: "allocated" })).toBe(
      sampleValue(before, "psu_open_cases", { status: "allocated" }),
    );
  });
});

describe("GET /metrics with METRICS_TOKEN unset", () => {
  const test = useTestApp();

  it("does not exist: a 404 like any unknown path, token or not", async () => {
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }]) {
      const response = await test.app.inject({ method: "GET", url: "/metrics", headers });
      expect(response.statusCode).toBe(404);
      expect(errorOf(response.json()).code).toBe("NOT_FOUND");
    }
  });
});

describe("the background jobs' metrics", () => {
  const test = useTestApp({
    env: { METRICS_TOKEN: TOKEN, OUTBOX_POLL_MS: "100", RETENTION_MONTHS: "12" },
    now: () => NOW,
    backgroundJobs: true,
  });

  it("count the outbox's sends and the retention job's last run", async () => {
    const { app } = test;
    await createTestCase(app.prisma, { status: "closed", openedAt: monthsBefore(NOW, 13) });
    await app.prisma.outboxMessage.create({
      data: {
        kind: "referral_received",
        recipient: "trainee@example.com",
        payload: { reference: "PSU-TEST" },
        availableAt: NOW,
      },
    });
    await app.ready();
    await expect
      .poll(async () => sampleValue(parseSamples(await scrape(app)), "psu_outbox_sent_total"), { timeout: 10_000 })
      .toBe(1);
    await expect
      .poll(async () => sampleValue(parseSamples(await scrape(app)), "psu_retention_last_run_success"), {
        timeout: 10_000,
      })
      .toBe(1);
    const samples = parseSamples(await scrape(app));
    expect(sampleValue(samples, "psu_retention_last_run_anonymised_cases")).toBe(1);
    expect(sampleValue(samples, "psu_retention_last_run_timestamp_seconds")).toBe(NOW.getTime() / 1000);
    expect(sampleValue(samples, "psu_outbox_send_failures_total")).toBe(0);
  });
});
