// `pnpm bench:scale`: is the app flat at a million cases? (issue 14, "Scale")
//
// Seeds a throwaway embedded PostgreSQL with BENCH_CASES cases (1,000,000 by default), each with
// its referral, timeline, notes, pauses and equality answers, one case every 15 minutes back from
// 2026-11-24: so a month or a year holds as many cases as in a young database, and every figure
// below should cost what it costs there. Then it starts the real app as `npm start` runs it in
// production (compiled, in its own process) and times requests over HTTP, one at a time, as a
// coordinator (one row as a lead): BENCH_WARM_UPS warm-ups of each (20), then BENCH_REQUESTS of
// each (200) in 10 rounds, with the median, p99 and issue 14's goal, then the app's peak memory.
// Not a test: the numbers depend on the machine and on what else runs, so the load average is
// printed with them.
//
// BENCH_EXPLAIN=1 also prints PostgreSQL's plans for the queue's queries (EXPLAIN ANALYZE);
// BENCH_NODE_ARGS adds options to the app's node after the defaults, so they win (e.g. "--max-old-space-size=512").
// BENCH_DATA_DIR keeps the seeded database in that folder and reuses it on the next run with the
// same BENCH_CASES (seeding takes minutes; migrations added since are applied): for comparing a
// change before and after. Delete the folder (and its "-seeded.json" and "-password" files) when done.
// BENCH_ONLY times only the rows whose name contains one of its comma-separated words (e.g.
// "surname,report"): to see what one row costs with and without the others beside it.
// BENCH_RETENTION_MONTHS is the app's RETENTION_MONTHS (1200 here: see RETENTION_MONTHS below).
import { once } from "node:events";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { type QueueQuery, QueueQuerySchema, StaffProfileSchema } from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { z } from "zod";
import { buildServer } from "../../../scripts/server-command.mjs";
import { encodeCursor } from "../src/modules/queue/keyset-cursor";
import { explainQueueQueries, type QueuePosition } from "../src/modules/queue/queue.repository";
import { toQueueFilters } from "../src/modules/queue/queue.service";
import { readLoadAverage, readMemory, startAppProcess } from "./bench/app-server";
import { signInOverHttp } from "./bench/http-sign-in";
import { summariseTimes, type Timing, timeRequests } from "./bench/sequential-timing";
import { elapsedSeconds, seedCases, withBenchDatabase } from "./bench-support";

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARM_UPS = Number(process.env.BENCH_WARM_UPS ?? 20);
const ROUNDS = 10;
const EXPLAIN = process.env.BENCH_EXPLAIN === "1";
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
const DATA_DIR = process.env.BENCH_DATA_DIR || undefined;
// The app's retention job anonymises cases closed more than RETENTION_MONTHS ago, at start-up and
// daily. Here that would be 22 of the seed's 28 years, about 770,000 cases, one transaction each,
// for hours: a catch-up a database that grew over those years never has to make (it anonymised
// them as it went). Measured (docs/performance.md): it kept the app's process busy 40% of the time
// beside the requests, and made the common surname's search 2.4 times slower. 1,200 months (the
// most allowed) leaves nothing due and every name searchable; BENCH_RETENTION_MONTHS=72 (the
// app's default) times the requests during the catch-up.
const RETENTION_MONTHS = process.env.BENCH_RETENTION_MONTHS ?? "1200";
const ONLY = (process.env.BENCH_ONLY ?? "").split(",").filter(Boolean);
const KEEP = { keptDataDir: DATA_DIR };
const COORDINATOR = "coordinator@bench.example";
const LEAD = "lead0@bench.example";

/** Issue 14's goal for a request: its median or p99 at most this many ms. */
type Goal = { of: keyof Timing; ms: number };

/**
 * One request to time. The coordinator asks (every case) unless `asLead` (their own cases);
 * `requests` overrides BENCH_REQUESTS for one slow enough to take minutes at 200.
 */
type Target = { name: string; goal?: Goal; asLead?: true; requests?: number } & (
  | { queue: QueueQuery; get?: never }
  | { get: string; queue?: never }
);

const PAGE_GOAL: Goal = { of: "p99Ms", ms: 50 };
const SEARCH_GOAL: Goal = { of: "medianMs", ms: 20 };
const FIRST_PAGE = "queue, first page";
const DEEP_PAGE = "queue, deep page (keyset cursor, half-way)";
const REPORTS = "/api/staff/reports";
const ONE_MONTH = "from=2026-11&to=2026-11";
const TWELVE_MONTHS = "from=2025-12&to=2026-11";

function listTargets(deepCursor: string, reference: string): Target[] {
  return [
    // What any request costs in this run: the floor the others stand on.
    { name: "baseline: GET /api/health/live", get: "/api/health/live" },
    { name: FIRST_PAGE, queue: {}, goal: PAGE_GOAL },
    { name: DEEP_PAGE, queue: { cursor: deepCursor }, goal: PAGE_GOAL },
    { name: "queue, newest first", queue: { sort: "newest" } },
    { name: "queue, search: part of a surname (1 in 800 cases)", queue: { search: "shworth" }, goal: SEARCH_GOAL },
    { name: "queue, search: first name and part of a surname", queue: { search: "bea ashw" } },
    { name: "queue, search: a common surname (1 in 150)", queue: { search: "patel" } },
    { name: "queue, search: reference", queue: { search: reference } },
    { name: "queue, search: start of an email", queue: { search: "bea.ashworth" } },
    { name: "queue, unassigned view", queue: { view: "unassigned" } },
    { name: "queue, breaching-soon view (SLA walk)", queue: { view: "breaching_soon" } },
    // Every open case whose clock could be breaching, each clock computed: the view's count.
    { name: "queue, breaching-soon count (GET /api/staff/queue/sla-counts)", get: "/api/staff/queue/sla-counts" },
    // Its counts read every case in the region (decision 023): about a second a request.
    { name: "queue, status new and region", queue: { status: ["new"], region: "kss" }, requests: 20 },
    { name: "queue, a lead's own cases", queue: { view: "my_cases" }, asLead: true },
    { name: "report summary, one month", get: `${REPORTS}/summary?${ONE_MONTH}`, goal: { of: "medianMs", ms: 50 } },
    {
      name: "report summary, twelve months",
      get: `${REPORTS}/summary?${TWELVE_MONTHS}`,
      goal: { of: "medianMs", ms: 500 },
    },
    { name: "CSV of response times, twelve months", get: `${REPORTS}/csv/response-times?${TWELVE_MONTHS}` },
    { name: "equality report, one quarter", get: `${REPORTS}/equality?from=2026-07&to=2026-09` },
  ];
}

/** A position half-way down the oldest-first queue (found with OFFSET here; the app never uses it). */
async function findMiddle(prisma: PrismaClient): Promise<{ cursor: string; after: QueuePosition }> {
  const [middle] = await prisma.$queryRaw<{ opened_at: Date; id: string }[]>`
    SELECT opened_at, id FROM cases ORDER BY opened_at, id LIMIT 1 OFFSET ${Math.floor(CASES / 2)}`;
  if (!middle) throw new Error("no case half-way down the queue");
  return {
    cursor: encodeCursor({ openedAt: middle.opened_at.toISOString(), id: middle.id, sort: "oldest" }),
    after: { openedAt: middle.opened_at, id: middle.id },
  };
}

/** The plans of each queue target's queries (the page after `middle` for a cursor). */
async function printQueuePlans(prisma: PrismaClient, targets: readonly Target[], middle: QueuePosition) {
  const findProfile = async (email: string) =>
    StaffProfileSchema.parse(
      await prisma.staffMember.findUniqueOrThrow({
        where: { email },
        select: { id: true, name: true, email: true, role: true },
      }),
    );
  const coordinator = await findProfile(COORDINATOR);
  const lead = await findProfile(LEAD);
  for (const target of targets) {
    if (!target.queue) continue;
    const query = QueueQuerySchema.parse(target.queue);
    const filters = toQueueFilters(query, target.asLead ? lead : coordinator, new Date());
    const after = query.cursor ? middle : null;
    const plans = await explainQueueQueries(prisma, filters, { sort: query.sort, after, take: query.limit + 1 });
    for (const { name, plan } of plans) console.log(`\nEXPLAIN ANALYZE, ${target.name}, ${name}:\n${plan}`);
  }
}

function formatGoal(goal: Goal | undefined, timing: Timing): [string, string] {
  if (!goal) return ["", ""];
  return [`${goal.of === "p99Ms" ? "p99" : "median"} <= ${goal.ms}`, timing[goal.of] <= goal.ms ? "yes" : "NO"];
}

/** Seeds the cases, or finds them seeded by an earlier run in the same BENCH_DATA_DIR. */
async function seedOrReuse(prisma: PrismaClient): Promise<{ reference: string }> {
  if (!DATA_DIR) return await seedCases(prisma, { cases: CASES, history: true });
  const marker = `${DATA_DIR}-seeded.json`;
  const seeded = await readFile(marker, "utf8").then(
    (text) => z.object({ cases: z.number(), reference: z.string() }).parse(JSON.parse(text)),
    () => null,
  );
  if (seeded?.cases === CASES) {
    // Each run signs in as at a first sign-in, setting the authenticator up afresh.
    await prisma.$executeRaw`DELETE FROM staff_sessions`;
    await prisma.$executeRaw`DELETE FROM staff_recovery_codes`;
    await prisma.$executeRaw`DELETE FROM rate_limit_counters`;
    await prisma.$executeRaw`UPDATE staff_members SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL`;
    return seeded;
  }
  if (seeded) throw new Error(`${DATA_DIR} holds ${seeded.cases} cases, not ${CASES}: delete it or use another folder`);
  const { reference } = await seedCases(prisma, { cases: CASES, history: true });
  await writeFile(marker, JSON.stringify({ cases: CASES, reference }));
  return { reference };
}

buildServer();
await withBenchDatabase(async (prisma, url) => {
  const started = performance.now();
  const { reference } = await seedOrReuse(prisma);
  const sizes = await prisma.$queryRaw<{ events: number; equality: number; megabytes: number }[]>`
    SELECT (SELECT count(*)::int FROM case_events) AS events,
           (SELECT count(*)::int FROM equality_responses) AS equality,
           (pg_database_size(current_database()) / 1048576)::int AS megabytes`;
  process.stderr.write(`${CASES} cases ready in ${elapsedSeconds(started)} s: ${JSON.stringify(sizes[0])}\n`);
  const middle = await findMiddle(prisma);
  const targets = listTargets(middle.cursor, reference).filter(
    (target) => ONLY.length === 0 || ONLY.some((word) => target.name.includes(word)),
  );
  if (EXPLAIN) await printQueuePlans(prisma, targets, middle.after);

  const app = await startAppProcess(url, {
    logFile: join(tmpdir(), "psu-bench-scale-app.log"),
    nodeArgs: NODE_ARGS,
    env: { RETENTION_MONTHS: RETENTION_MONTHS },
  });
  try {
    const coordinator = await signInOverHttp(app.url, COORDINATOR);
    const lead = await signInOverHttp(app.url, LEAD);
    const sendFor = (target: Target) => () => {
      const { headers } = target.asLead ? lead : coordinator;
      return target.queue
        ? fetch(`${app.url}/api/staff/queue`, {
            method: "POST",
            headers: { ...headers, "content-type": "application/json" },
            body: JSON.stringify(target.queue),
          })
        : fetch(`${app.url}${target.get}`, { headers });
    };
    const requestsOf = (target: Target) => Math.min(target.requests ?? REQUESTS, REQUESTS);
    // Every request warmed up first, then the timed ones in rounds, each round a share of every
    // request: so a busy spell on the machine, or the app still warming, falls on all of them alike.
    for (const target of targets) await timeRequests(sendFor(target), Math.min(WARM_UPS, requestsOf(target)));
    const times = new Map<string, number[]>(targets.map((target) => [target.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of targets) {
        const share = Math.ceil(requestsOf(target) / ROUNDS);
        times.get(target.name)?.push(...(await timeRequests(sendFor(target), share)));
      }
      process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`);
    }
    const timings = new Map(targets.map((target) => [target.name, summariseTimes(times.get(target.name) ?? [])]));
    const rows = targets.map((target) => {
      const timing = timings.get(target.name) ?? summariseTimes([]);
      const requests = times.get(target.name)?.length ?? 0;
      return [
        requests === REQUESTS ? target.name : `${target.name} (${requests} requests)`,
        timing.medianMs.toFixed(1),
        timing.p99Ms.toFixed(1),
        ...formatGoal(target.goal, timing),
      ];
    });
    const memory = await readMemory(app.pid);

    console.log(
      `\n${CASES} cases; ${REQUESTS} requests each, one at a time in ${ROUNDS} rounds, after ${WARM_UPS} warm-ups. ` +
        `Node ${process.version}${NODE_ARGS.length > 0 ? ` with ${NODE_ARGS.join(" ")}` : ""}, ` +
        `RETENTION_MONTHS=${RETENTION_MONTHS}, ` +
        `load average ${await readLoadAverage()}.`,
    );
    console.log("| request | median ms | p99 ms | goal (issue 14) | met |\n|---|---|---|---|---|");
    for (const row of rows) console.log(`| ${row.join(" | ")} |`);
    const pages = [FIRST_PAGE, DEEP_PAGE].map((name) => timings.get(name)?.medianMs ?? Number.NaN);
    const apart = Math.max(...pages) / Math.min(...pages);
    console.log(`\nFirst and deep page medians within ${apart.toFixed(2)}x of each other (goal <= 1.2x).`);
    console.log(`The app's memory: peak ${memory.peakMb} MB resident (goal <= 256), ${memory.rssMb} MB at the end.`);
  } finally {
    app.process.kill("SIGTERM");
    await once(app.process, "exit");
  }
}, KEEP);
