// Throughput benchmark of the trainee-facing API against a baseline in the same run.
//   pnpm --filter @psu/api bench
// Starts the real app on a throwaway embedded PostgreSQL, then for each endpoint runs
// autocannon ROUNDS times and reports the median requests/second and p99 latency, and the
// ratio to GET /api/health/live (the cheapest route: Fastify plus our hooks) measured between
// the same rounds. Results go to stdout; copy them into docs/performance.md.
import { randomBytes, randomUUID } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMigrations, createPrismaClient, startEmbeddedPostgres } from "@psu/prisma";
import autocannon from "autocannon";
import { buildApp } from "../src/app";
import { parseConfig } from "../src/config/env";
import { buildSubmission } from "../src/test/referral-fixtures";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 20;

type Target = {
  name: string;
  method: "GET" | "POST";
  path: string;
  body?: () => string;
  headers?: () => Record<string, string>;
};

const eligibility = JSON.stringify({
  referrer: "self",
  region: "kss",
  group: "healthcare_professional",
  band: "6",
  inRecognisedScheme: true,
  concerns: ["rotation"],
});

const targets: Target[] = [
  { name: "GET /api/health/live (baseline)", method: "GET", path: "/api/health/live" },
  { name: "GET /api/services", method: "GET", path: "/api/services" },
  { name: "POST /api/eligibility", method: "POST", path: "/api/eligibility", body: () => eligibility },
  {
    name: "POST /api/referrals (new key each time)",
    method: "POST",
    path: "/api/referrals",
    body: () => JSON.stringify(buildSubmission()),
    headers: () => ({ "idempotency-key": randomUUID() }),
  },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function run(base: string, target: Target): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({
    url: base + target.path,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: target.method,
        headers: { "content-type": "application/json" },
        setupRequest: (request) => ({
          ...request,
          ...(target.body ? { body: target.body() } : {}),
          headers: { ...request.headers, ...(target.headers?.() ?? {}) },
        }),
      },
    ],
  });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.non2xx + result.errors };
}

const root = await mkdtemp(join(tmpdir(), "psu-bench-"));
await chmod(root, 0o755);
const database = await startEmbeddedPostgres({
  dataDir: join(root, "pg"),
  port: 54_391,
  database: "bench",
  temporary: true,
});
await applyMigrations(database.url);
const serverSecret = randomBytes(32).toString("hex");
const config = parseConfig({
  NODE_ENV: "production",
  DATABASE_URL: database.url,
  LOG_LEVEL: "silent",
  SERVER_SECRET: serverSecret,
});
const app = await buildApp({ config, serverSecret, prisma: createPrismaClient(database.url, { max: 10 }) });
const base = await app.listen({ host: "127.0.0.1", port: 0 });

const samples = new Map(targets.map((target) => [target.name, [] as { rps: number; p99: number; errors: number }[]]));
for (let round = 1; round <= ROUNDS; round++) {
  for (const target of targets) samples.get(target.name)?.push(await run(base, target));
  process.stderr.write(`round ${round}/${ROUNDS} done\n`);
}
const baseline = median(samples.get(targets[0]?.name ?? "")?.map((sample) => sample.rps) ?? [0]);
console.log(`${ROUNDS} rounds x ${SECONDS}s, ${CONNECTIONS} connections, medians:`);
console.log("| endpoint | req/s | ratio to baseline | p99 ms | non-2xx |");
console.log("|---|---|---|---|---|");
for (const target of targets) {
  const runs = samples.get(target.name) ?? [];
  const rps = median(runs.map((sample) => sample.rps));
  console.log(
    `| ${target.name} | ${Math.round(rps)} | ${(rps / baseline).toFixed(3)} | ${median(runs.map((sample) => sample.p99))} | ${runs.reduce((sum, sample) => sum + sample.errors, 0)} |`,
  );
}
await app.close();
await database.stop();
await rm(root, { recursive: true, force: true });
