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
import { randomInt } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { generateReference, type QueueQuery, QueueQuerySchema, type StaffProfile } from "@psu/domain";
import { applyMigrations, createPrismaClient, type PrismaClient, startEmbeddedPostgres } from "@psu/prisma";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/app";
import { parseConfig } from "../src/config/env";
import { hashPassword } from "../src/modules/auth/password";
import { encodeCursor } from "../src/modules/queue/keyset-cursor";
import {
  countQueueByStatus,
  explainQueueQuery,
  findQueueRows,
  type QueueFilter,
  type QueuePageRequest,
} from "../src/modules/queue/queue.repository";
import { toQueueFilters } from "../src/modules/queue/queue.service";

const CASES = 100_000;
const LEADS = 30;
const RUNS = 20;
const WARM_UPS = 3;
const NOW = new Date("2026-11-24T09:00:00Z");
const PASSWORD = "benchmark password 1";
const SAME_ORIGIN = { origin: "http://localhost:80", host: "localhost:80" };
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

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function seed(prisma: PrismaClient): Promise<{ leadIds: string[]; reference: string }> {
  const passwordHash = await hashPassword(PASSWORD);
  await prisma.staffMember.create({
    data: { email: "coordinator@bench.example", name: "Casey", role: "coordinator", passwordHash, leadKinds: [] },
    select: { id: true },
  });
  const leadIds: string[] = [];
  for (let index = 0; index < LEADS; index++) {
    const lead = await prisma.staffMember.create({
      data: {
        email: `lead${index}@bench.example`,
        name: `Lead ${index}`,
        role: "lead",
        passwordHash,
        leadKinds: ["spoc"],
        capacity: 200,
      },
      select: { id: true },
    });
    leadIds.push(lead.id);
  }

  // The newest 2,000 cases are still being worked (about three weeks' worth); older ones are
  // mostly closed. Pseudo-random buckets from n keep the run repeatable.
  await prisma.$executeRawUnsafe(`
    WITH numbered AS (
      SELECT n, (n * 7919) % 100 AS bucket,
             timestamptz '${NOW.toISOString()}' - n * interval '15 minutes' AS opened_at,
             (array['Alex','Bea','Cal','Dee','Eve','Fin','Gus','Hal','Ivy','Jo','Kit','Lou','Max','Nia','Oli',
                    'Pat','Quin','Rae','Sol','Tam'])[1 + n % 20] AS first_name,
             (array['Smith','Jones','Taylor','Brown','Williams','Wilson','Johnson','Davies','Patel','Wright',
                    'Robinson','Thompson','Evans','Walker','White','Roberts','Green','Hall','Wood','Jackson',
                    'Clarke','Khan','Ahmed','Hughes','Lewis','Edwards','Hill','Moore','Harris','Martin',
                    'Cooper','King','Lee','Baker','Turner','Ward','Morris','Scott','Young','Allen','Mitchell',
                    'Phillips','Campbell','Parker','Bennett','Price','Murphy','Bell','Shaw','Begum'])
               [1 + (n / 20) % 50] AS surname
      FROM generate_series(1, ${CASES}) AS n
    ),
    shaped AS (
      SELECT *, CASE
        WHEN n <= 2000 THEN (array['new','new','triage','information_requested','allocated','allocated',
                                   'first_contact','in_support','in_support','closed'])[1 + bucket % 10]
        WHEN bucket < 85 THEN 'closed' WHEN bucket < 95 THEN 'in_support' ELSE 'withdrawn' END AS status
      FROM numbered
    ),
    referral AS (
      INSERT INTO referrals (id, reference, submitted_at, eligibility, verdict, region, profession, services,
        full_name, email, phone, preferred_contact, register_name, programme, grade, employer, work_pattern,
        what_is_happening, how_soon, consents_to_supervisor_contact)
      SELECT gen_random_uuid(), 'BENCH-' || n, opened_at, '{}', '{"eligible":true,"reasons":[],"signposts":[]}',
        (array['london','kss'])[1 + n % 2],
        (array['doctor_or_dentist','pharmacy','nursing','allied_health'])[1 + n % 4],
        array[(array['spoc','ist','coaching','careers'])[1 + n % 4]],
        first_name || ' ' || surname, lower(first_name || '.' || surname || n || '@example.com'),
        '07700 900000', 'email', 'GMC', 'GP', 'ST2', 'Example Trust', 'full_time', 'x',
        (array['soon_within_a_month','urgent_within_a_week','no_rush'])[1 + n % 3], false
      FROM shaped
      RETURNING id, reference
    )
    INSERT INTO cases (id, referral_id, status, urgency, opened_at, lead_id, triaged_at, allocated_at,
                       first_contact_at, resume_to, paused_since, closed_at, outcome)
    SELECT gen_random_uuid(), referral.id, s.status, 'soon_within_a_month', s.opened_at,
      CASE WHEN s.status IN ('allocated','first_contact','in_support','closed')
           THEN (array['${leadIds.join("','")}']::uuid[])[1 + s.n % ${LEADS}] END,
      CASE WHEN s.status <> 'new' THEN s.opened_at + interval '1 day' END,
      CASE WHEN s.status IN ('allocated','first_contact','in_support','closed') THEN s.opened_at + interval '2 days' END,
      CASE WHEN s.status IN ('first_contact','in_support','closed') THEN s.opened_at + interval '4 days' END,
      CASE WHEN s.status = 'information_requested' THEN 'triage' END,
      CASE WHEN s.status = 'information_requested' THEN s.opened_at + interval '1 day' END,
      CASE WHEN s.status IN ('closed','withdrawn') THEN s.opened_at + interval '60 days' END,
      CASE WHEN s.status = 'closed' THEN 'support_completed' END
    FROM referral JOIN shaped s ON referral.reference = 'BENCH-' || s.n`);

  // One real reference to search for, in the middle of the table.
  const reference = generateReference(randomInt);
  await prisma.$executeRaw`UPDATE referrals SET reference = ${reference} WHERE reference = ${`BENCH-${CASES / 2}`}`;
  await prisma.$executeRawUnsafe("VACUUM ANALYZE");
  return { leadIds, reference };
}

async function signIn(app: FastifyInstance, email: string): Promise<Viewer> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    headers: SAME_ORIGIN,
    payload: { email, password: PASSWORD },
  });
  const cookie = response.cookies.find((candidate) => candidate.name === "psu_session");
  if (!cookie) throw new Error(`sign-in failed: ${response.body}`);
  return { headers: { ...SAME_ORIGIN, cookie: `psu_session=${cookie.value}` }, profile: response.json().staff };
}

async function median(run: () => Promise<void>): Promise<number> {
  for (let index = 0; index < WARM_UPS; index++) await run();
  const times: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return ((times[RUNS / 2 - 1] ?? 0) + (times[RUNS / 2] ?? 0)) / 2;
}

const ALL_CASES_FILTER: QueueFilter = {
  leadIds: [],
  withoutLead: false,
  statusSets: [],
  service: null,
  region: null,
  profession: null,
  urgency: null,
  search: null,
  clock: null,
};

interface Viewer {
  headers: Record<string, string>;
  profile: StaffProfile;
}

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
  const root = await mkdtemp(join(tmpdir(), "psu-bench-"));
  await chmod(root, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: join(root, "pg"),
    port: await findFreePort(),
    database: "psu_bench",
    temporary: true,
  });
  const prisma = createPrismaClient(server.url, { max: 4 });
  let app: FastifyInstance | undefined;
  try {
    await applyMigrations(server.url);
    let started = performance.now();
    const { reference } = await seed(prisma);
    console.log(`Seeded ${CASES} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    app = await buildApp({
      config: parseConfig({ NODE_ENV: "test", DATABASE_URL: server.url }),
      prisma,
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
    await prisma.$disconnect();
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
}

await main();
