// `pnpm bench`: API throughput as issue 14's table has it, every row a ratio to a bare Fastify
// hello-world started in the same run.
//
// Seeds a throwaway embedded PostgreSQL (BENCH_CASES cases, 100,000 by default), then starts three
// processes: the hello-world (bench/hello-world.mjs), the stack's limit for one database
// statement (bench/bare-pg.mjs: a bare Fastify with raw pg on the same database) and the real app
// exactly as `npm start` runs it in production: compiled, NODE_ENV=production, info logging to a file, TRUST_PROXY=loopback. For each
// round it runs autocannon on the baseline and on each endpoint in turn, and prints medians over
// the rounds: requests per second, the ratio to the baseline, p99 latency, errors, and the app's
// peak memory. Not a test: the numbers depend on the machine; the ratios travel better.
//
// To profile: BENCH_ONLY=<part of an endpoint's name> BENCH_CPU_PROF=<folder> pnpm bench writes
// the app's CPU profile (node --cpu-prof) there when it stops; open it in Chrome's DevTools.
// BENCH_NODE_ARGS adds options to the app's node (e.g. "--require ./trace.cjs").
//
// Referral submissions are limited to 300 an hour for everyone together (decision 015), which
// a benchmark passes in a second. Each request still counts itself against the limits in its
// transaction; the benchmark only empties the counters every 50 ms so that none is refused.

import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import type { PrismaClient } from "@psu/prisma";
import autocannon from "autocannon";
import { buildServer, serverNodeArgs } from "../../../scripts/server-command.mjs";
import { buildSubmission } from "../src/test/referral-fixtures";
import { signInOverHttp } from "./bench/http-sign-in";
import { type BenchProcess, startBenchProcess } from "./bench/processes";
import { seedCases, withBenchDatabase } from "./bench-support";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const ONLY = process.env.BENCH_ONLY;
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROF;
const NODE_ARGS = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
/** The app's WORKERS setting: "1" (the default) or "auto", for one server process per core. */
const WORKERS = process.env.BENCH_WORKERS ?? "1";
const CONNECTIONS = 10;
const API_DIR = fileURLToPath(new URL("..", import.meta.url));

type Target = {
  name: string;
  method: "GET" | "POST";
  /** The hello-world's, the bare Fastify with raw pg's, or the app's. */
  server: "baseline" | "barePg" | "app";
  path: () => string;
  body?: () => string;
  headers?: () => Record<string, string>;
};

type Sample = { rps: number; p99: number; errors: number };

const ELIGIBILITY = JSON.stringify({
  referrer: "self",
  region: "kss",
  group: "healthcare_professional",
  band: "6",
  inRecognisedScheme: true,
  concerns: ["rotation"],
});

function pick<T>(values: readonly T[]): T {
  const value = values[Math.floor(Math.random() * values.length)];
  if (value === undefined) throw new Error("nothing to pick from");
  return value;
}

/** A documentation address (RFC 5737) per request, so per-address limits see many trainees. */
function someAddress(): string {
  return `198.51.100.${1 + Math.floor(Math.random() * 254)}`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function measure(base: string, target: Target): Promise<Sample> {
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: target.method,
        setupRequest: (request) => ({
          ...request,
          path: target.path(),
          ...(target.body ? { body: target.body() } : {}),
          headers: {
            ...request.headers,
            ...(target.body ? { "content-type": "application/json" } : {}),
            ...target.headers?.(),
          },
        }),
      },
    ],
  });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.non2xx + result.errors };
}

/** Empties the rate-limit counters every 50 ms until stopped (see the header). */
function keepLimitsOpen(prisma: PrismaClient): () => Promise<void> {
  let running = true;
  const loop = (async () => {
    while (running) {
      // SKIP LOCKED: a counter a submission is updating is left for the next pass, so this
      // never waits on (or deadlocks with) the app's transactions.
      await prisma.$executeRaw`
        delete from rate_limit_counters where key in (
          select key from rate_limit_counters where count >= 5 for update skip locked)`;
      await sleep(50);
    }
  })();
  return async () => {
    running = false;
    await loop;
  };
}

/** Peak and current resident memory of a process, in MB, from /proc (Linux). */
async function memoryOf(pid: number): Promise<{ peakMb: number; rssMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
  return { peakMb: Math.round(kb("VmHWM") / 1024), rssMb: Math.round(kb("VmRSS") / 1024) };
}

/** The app's server processes: the one started, or with WORKERS its workers (node children). */
function serverProcesses(pid: number): number[] {
  // ps exits 1 when the process has no children.
  const listed = spawnSync("ps", ["-o", "pid=,comm=", "--ppid", String(pid)], { encoding: "utf8" }).stdout;
  const children = listed
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter(([, command]) => command === "node")
    .map(([child]) => Number(child));
  return children.length > 0 ? children : [pid];
}

buildServer();
await withBenchDatabase(async (prisma, url) => {
  const started = performance.now();
  await seedCases(prisma, { cases: CASES });
  const caseIds = (await prisma.$queryRaw<{ id: string }[]>`select id from cases order by random() limit 1000`).map(
    (row) => row.id,
  );
  process.stderr.write(`seeded ${CASES} cases in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

  const processes: BenchProcess[] = [];
  try {
    const baseline = await startBenchProcess(["scripts/bench/hello-world.mjs"], {
      cwd: API_DIR,
      env: {},
      readyPath: "/",
    });
    processes.push(baseline);
    const barePg = await startBenchProcess(["scripts/bench/bare-pg.mjs"], {
      cwd: API_DIR,
      env: { DATABASE_URL: url },
      readyPath: `/case/${randomUUID()}`,
    });
    processes.push(barePg);
    const profiling = [...(CPU_PROFILE_DIR ? ["--cpu-prof", "--cpu-prof-dir", CPU_PROFILE_DIR] : []), ...NODE_ARGS];
    const app = await startBenchProcess(serverNodeArgs(profiling), {
      cwd: API_DIR,
      env: {
        NODE_ENV: "production",
        DATABASE_URL: url,
        SERVER_SECRET: randomUUID() + randomUUID(),
        TRUST_PROXY: "loopback",
        WORKERS,
        HOST: "127.0.0.1",
        PUBLIC_URL: "http://localhost",
      },
      readyPath: "/api/health/ready",
      logFile: join(tmpdir(), "psu-bench-app.log"),
    });
    processes.push(app);
    const staff = await signInOverHttp(app.url, "coordinator@bench.example");

    const allTargets: Target[] = [
      { name: "bare Fastify hello-world (baseline)", method: "GET", server: "baseline", path: () => "/" },
      { name: "GET /api/health/live", method: "GET", server: "app", path: () => "/api/health/live" },
      {
        name: "stack's limit: bare Fastify + pg, one SELECT by id",
        method: "GET",
        server: "barePg",
        path: () => `/case/${pick(caseIds)}`,
      },
      {
        name: "stack's limit: bare Fastify + pg, one INSERT committed",
        method: "POST",
        server: "barePg",
        path: () => `/audit/${pick(caseIds)}`,
      },
      {
        name: "POST /api/eligibility",
        method: "POST",
        server: "app",
        path: () => "/api/eligibility",
        body: () => ELIGIBILITY,
      },
      {
        name: "GET /api/staff/cases/:id (signed in, audited)",
        method: "GET",
        server: "app",
        path: () => `/api/staff/cases/${pick(caseIds)}`,
        headers: () => staff.headers,
      },
      {
        name: "POST /api/staff/queue, first page",
        method: "POST",
        server: "app",
        path: () => "/api/staff/queue",
        body: () => "{}",
        headers: () => staff.headers,
      },
      {
        name: "POST /api/referrals (idempotent, one transaction)",
        method: "POST",
        server: "app",
        path: () => "/api/referrals",
        body: () => JSON.stringify(buildSubmission()),
        headers: () => ({ "idempotency-key": randomUUID(), "x-forwarded-for": someAddress() }),
      },
    ];

    const targets = allTargets.filter(
      (target, index) => index === 0 || ONLY === undefined || target.name.includes(ONLY),
    );
    const samples = new Map<string, Sample[]>(targets.map((target) => [target.name, []]));
    const stopKeepingLimitsOpen = keepLimitsOpen(prisma);
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        for (const target of targets)
          samples.get(target.name)?.push(await measure({ app, baseline, barePg }[target.server].url, target));
        process.stderr.write(`round ${round}/${ROUNDS} done\n`);
      }
    } finally {
      await stopKeepingLimitsOpen();
    }

    const baselineRps = median((samples.get(targets[0]?.name ?? "") ?? []).map((sample) => sample.rps));
    const memory = await Promise.all(serverProcesses(app.pid).map(memoryOf));
    console.log(
      `\n${ROUNDS} rounds x ${SECONDS} s, ${CONNECTIONS} connections, ${CASES} cases, WORKERS=${WORKERS}; medians over the rounds. ` +
        `Node ${process.version}, load average ${(await readFile("/proc/loadavg", "utf8")).split(" ").slice(0, 3).join(" ")}.`,
    );
    console.log("| endpoint | req/s | ratio to bare Fastify | p99 ms | non-2xx or errors |");
    console.log("|---|---|---|---|---|");
    for (const target of targets) {
      const runs = samples.get(target.name) ?? [];
      const rps = median(runs.map((sample) => sample.rps));
      const errors = runs.reduce((sum, sample) => sum + sample.errors, 0);
      console.log(
        `| ${target.name} | ${Math.round(rps)} | ${(rps / baselineRps).toFixed(3)} | ${median(runs.map((sample) => sample.p99))} | ${errors} |`,
      );
    }
    console.log(
      `\nThe app's memory per server process: peak ${memory.map((one) => one.peakMb).join(", ")} MB resident, ` +
        `${memory.map((one) => one.rssMb).join(", ")} MB at the end.`,
    );
  } finally {
    for (const child of processes.reverse()) {
      child.process.kill("SIGTERM");
      await once(child.process, "exit");
    }
  }
});
