// Benchmarks the staff queue on 100,000 cases in a throwaway embedded PostgreSQL.
//
//   pnpm --filter @psu/api exec tsx scripts/bench-queue.ts
//
// Seeds with INSERT ... SELECT FROM generate_series (seconds, not minutes), then times POST
// /api/staff/queue through the whole app (routing, validation, session, SQL, SLA clocks,
// serialisation) for the first page, a deep page by cursor, searches, saved views and the
// counts query on its own: the median of 20 runs after 3 warm-ups. It prints the page query's
// EXPLAIN, then adds the index this module proposes and measures again, so the gain is shown
// rather than claimed. Not a test: numbers depend on the machine.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { type QueueQuery, QueueQuerySchema } from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/app";
import { parseConfig } from "../src/config/env";
import { encodeCursor } from "../src/modules/queue/keyset-cursor";
import {
  countQueueByStatus,
  explainQueueQuery,
  findQueueRows,
  type QueueFilter,
  type QueuePageRequest,
} from "../src/modules/queue/queue.repository";
import { toQueueFilters } from "../src/modules/queue/queue.service";
import {
  CASES,
  elapsedSeconds,
  median,
  NOW,
  RUNS,
  seedCases,
  signIn,
  type Viewer,
  withBenchDatabase,
} from "./bench-support";

// Each phase adds indexes to the previous one's and measures again.
const PHASES: { title: string; statements: string[] }[] = [
  { title: "Schema as migrated", statements: [] },
  {
    title: "+ cases (opened_at, id)  [@@index([openedAt, id])]",
    statements: ['CREATE INDEX "cases_opened_at_id_idx" ON "cases" ("opened_at", "id")', "ANALYZE cases"],
  },
  {
    title: "+ search indexes (pg_trgm on full_name, text_pattern_ops on email)",
    statements: [
      "CREATE EXTENSION IF NOT EXISTS pg_trgm",
      'CREATE INDEX "referrals_full_name_trgm_idx" ON "referrals" USING gin ("full_name" gin_trgm_ops)',
      'CREATE INDEX "referrals_email_pattern_idx" ON "referrals" ("email" text_pattern_ops)',
      "ANALYZE referrals",
    ],
  },
];

const ALL_CASES_FILTER: QueueFilter = {
  leadIds: [],
  withoutLead: false,
  statusSets: [],
  service: null,
  region: null,
  profession: null,
  urgency: null,
  channel: null,
  search: null,
  clock: null,
};

type Result = { name: string; http: number; page: number; counts: number; items: number };

async function measure(
  app: FastifyInstance,
  prisma: PrismaClient,
  who: { coordinator: Viewer; lead: Viewer },
  deepCursor: { cursor: string; after: { openedAt: Date; id: string } },
  reference: string,
): Promise<Result[]> {
  const results: Result[] = [];
  const time = async (name: string, viewer: Viewer, body: QueueQuery) => {
    let items = 0;
    const http = await median(async () => {
      const response = await app.inject({
        method: "POST",
        url: "/api/staff/queue",
        headers: viewer.headers,
        payload: body,
      });
      if (response.statusCode !== 200) throw new Error(`${name}: ${response.statusCode} ${response.body}`);
      items = response.json().items.length;
    });
    // The two queries on their own (for SLA views, the page query is the walk's first batch).
    const query = QueueQuerySchema.parse(body);
    const filters = toQueueFilters(query, viewer.profile, NOW);
    const after = body.cursor ? deepCursor.after : null;
    const page = await median(async () => {
      await findQueueRows(prisma, filters.page, { sort: query.sort, after, take: query.limit + 1 });
    });
    const counts = await median(async () => {
      await countQueueByStatus(prisma, filters.counts);
    });
    results.push({ name, http, page, counts, items });
  };
  const { coordinator, lead } = who;
  await time("first page (all, oldest, 25)", coordinator, {});
  await time("first page (all, newest, 25)", coordinator, { sort: "newest" });
  await time("deep page by cursor (middle of 100k)", coordinator, { cursor: deepCursor.cursor });
  await time("search: reference", coordinator, { search: reference.toLowerCase() });
  await time("search: part of a name", coordinator, { search: "patel" });
  await time("search: email prefix", coordinator, { search: "bea.smith1" });
  await time("view: unassigned", coordinator, { view: "unassigned" });
  await time("view: breaching soon (SLA walk)", coordinator, { view: "breaching_soon" });
  await time("filter: status new + region", coordinator, { status: ["new"], region: "kss" });
  await time("lead: my cases", lead, { view: "my_cases" });
  return results;
}

function print(title: string, results: Result[]): void {
  console.log(
    `\n${title}: medians of ${RUNS} runs in ms (HTTP = the whole request; page and counts = each query alone)`,
  );
  console.log(`  ${"".padEnd(40)} ${"HTTP".padStart(7)} ${"page".padStart(7)} ${"counts".padStart(7)}  items`);
  for (const result of results) {
    const cells = [result.http, result.page, result.counts].map((ms) => ms.toFixed(1).padStart(7)).join(" ");
    console.log(`  ${result.name.padEnd(40)} ${cells}  ${result.items}`);
  }
}

async function main(): Promise<void> {
  await withBenchDatabase(async (prisma, url) => {
    let started = performance.now();
    const { reference } = await seedCases(prisma);
    console.log(`Seeded ${CASES} cases in ${elapsedSeconds(started)} s`);
    let app: FastifyInstance | undefined;
    try {
      app = await buildApp({
        config: parseConfig({ NODE_ENV: "test", DATABASE_URL: url }),
        prisma,
        serverSecret: randomBytes(32).toString("hex"),
        now: () => NOW,
      });
      const who = {
        coordinator: await signIn(app, "coordinator@bench.example"),
        lead: await signIn(app, "lead0@bench.example"),
      };
      // A position half-way down the oldest-first list (found once here; the app never uses OFFSET).
      const [middle] = await prisma.$queryRaw<{ opened_at: Date; id: string }[]>`
      SELECT opened_at, id FROM cases ORDER BY opened_at, id LIMIT 1 OFFSET ${CASES / 2}`;
      if (!middle) throw new Error("no middle row");
      const deepCursor = encodeCursor({ openedAt: middle.opened_at.toISOString(), id: middle.id, sort: "oldest" });
      const deep: QueuePageRequest = { sort: "oldest", after: { openedAt: middle.opened_at, id: middle.id }, take: 26 };
      const cursor = { cursor: deepCursor, after: { openedAt: middle.opened_at, id: middle.id } };

      const [collation] = await prisma.$queryRaw<{ datcollate: string }[]>`
      SELECT datcollate FROM pg_database WHERE datname = current_database()`;
      console.log(`Database collation: ${collation?.datcollate}`);

      const coordinatorFilters = (body: QueueQuery) =>
        toQueueFilters(QueueQuerySchema.parse(body), who.coordinator.profile, NOW).page;
      const countsFor = (body: QueueQuery) =>
        toQueueFilters(QueueQuerySchema.parse(body), who.coordinator.profile, NOW).counts;
      const plans: [string, QueueFilter, QueuePageRequest | null][] = [
        ["first page, all cases", ALL_CASES_FILTER, { ...deep, after: null }],
        ["deep page by cursor, all cases", ALL_CASES_FILTER, deep],
        ["first page, unassigned view", coordinatorFilters({ view: "unassigned" }), { ...deep, after: null }],
        ["first batch, breaching-soon view", coordinatorFilters({ view: "breaching_soon" }), { ...deep, after: null }],
        ["first page, name search", coordinatorFilters({ search: "patel" }), { ...deep, after: null }],
        ["counts, all cases", countsFor({}), null],
        ["counts, region filter", countsFor({ region: "kss" }), null],
        ["counts, name search", countsFor({ search: "patel" }), null],
      ];
      for (const [index, phase] of PHASES.entries()) {
        try {
          started = performance.now();
          for (const statement of phase.statements) await prisma.$executeRawUnsafe(statement);
        } catch (error) {
          console.log(`\n${phase.title}: skipped (${error instanceof Error ? error.message : String(error)})`);
          continue;
        }
        if (phase.statements.length > 0) {
          console.log(`\nAdded in ${(performance.now() - started).toFixed(0)} ms: ${phase.statements.join("; ")}`);
        }
        print(phase.title, await measure(app, prisma, who, cursor, reference));
        const full = index === PHASES.length - 1;
        for (const [name, filter, page] of plans) {
          const plan = await explainQueueQuery(prisma, filter, page);
          // The last phase shows whole plans; earlier ones their scans and timing only.
          const shown = full
            ? plan
            : plan
                .split("\n")
                .filter((line) => /Scan|Sort Method|Execution Time/.test(line))
                .join("\n");
          console.log(`\nEXPLAIN ANALYZE, ${name} (${phase.title}):\n${shown}`);
        }
      }
    } finally {
      await app?.close();
    }
  });
}

await main();
