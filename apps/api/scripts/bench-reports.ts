// Benchmarks the reports on 100,000 cases (and 100,000 equality responses) in a throwaway
// embedded PostgreSQL.
//
//   pnpm --filter @psu/api bench:reports
//
// Times GET /api/staff/reports/summary, /equality and a CSV download through the whole app
// (session, validation, SQL, SLA measuring, serialisation) for a month, a year and the longest
// period (36 months, every case): the median of 20 runs after 3 warm-ups, with the queue's
// first page as a baseline from the same run. One case in 20 has a pause (the slow path). Then
// it times a year's response times both ways: as the reports work them out, and one row per
// case through computeSlaClock. Not a test: numbers depend on the machine.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { collectPauses, computeSlaClock } from "@psu/domain";
import { buildApp } from "../src/app";
import { parseConfig } from "../src/config/env";
import { findSteps } from "../src/modules/reports/reports.repository";
import { measureResponseTimes } from "../src/modules/reports/reports.service";
import { CASES, elapsedSeconds, median, NOW, RUNS, seedCases, signIn, withBenchDatabase } from "./bench-support";

const PERIODS = [
  ["one month", "from=2026-11&to=2026-11"],
  ["12 months", "from=2025-12&to=2026-11"],
  ["36 months (every case)", "from=2023-12&to=2026-11"],
] as const;

await withBenchDatabase(async (prisma, url) => {
  const started = performance.now();
  await seedCases(prisma);
  // Pauses on one case in 20 (a day and a half, from the day after triage), as information requests.
  await prisma.$executeRawUnsafe(`
    UPDATE cases SET pauses = jsonb_build_array(jsonb_build_object(
      'from', to_char((triaged_at + interval '2 hours') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'to', to_char((triaged_at + interval '38 hours') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
    WHERE triaged_at IS NOT NULL AND abs(hashtext(id::text)) % 20 = 0`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO equality_responses (submitted_month, answers)
    SELECT to_char(timestamptz '${NOW.toISOString()}' - n * interval '15 minutes', 'YYYY-MM'),
           jsonb_build_object(
             'sex', (array['female','male','prefer_not_to_say'])[1 + n % 3],
             'ageBand', (array['25_29','30_34','35_39','40_44'])[1 + n % 4],
             'ethnicity', (array['white_british','asian_indian','black_african','white_roma','mixed_other'])[1 + n % 5],
             'disability', (array['yes','no'])[1 + n % 2])
    FROM generate_series(1, ${CASES}) AS n`);
  await prisma.$executeRawUnsafe("VACUUM ANALYZE");
  console.log(`Seeded ${CASES} cases and ${CASES} equality responses in ${elapsedSeconds(started)} s`);

  const app = await buildApp({
    config: parseConfig({ NODE_ENV: "test", DATABASE_URL: url }),
    prisma,
    serverSecret: randomBytes(32).toString("hex"),
    now: () => NOW,
  });
  try {
    const { headers } = await signIn(app, "coordinator@bench.example");
    const get = async (path: string) => {
      const response = await app.inject({ method: "GET", url: path, headers });
      if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode} ${response.body}`);
    };
    const post = async (path: string, payload: object) => {
      const response = await app.inject({ method: "POST", url: path, headers, payload });
      if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode} ${response.body}`);
    };

    console.log(`\nMedians of ${RUNS} runs in ms, the whole request through the app:`);
    const baseline = await median(() => post("/api/staff/queue", { view: "all" }));
    console.log(`  ${"baseline: the queue's first page".padEnd(52)} ${baseline.toFixed(1).padStart(7)}`);
    for (const [name, query] of PERIODS) {
      for (const [what, path] of [
        ["summary", `/api/staff/reports/summary?${query}`],
        ["equality", `/api/staff/reports/equality?${query}`],
        ["CSV, response times", `/api/staff/reports/csv/response-times?${query}`],
      ] as const) {
        const ms = await median(() => get(path));
        const label = `${what}, ${name}`.padEnd(52);
        console.log(`  ${label} ${ms.toFixed(1).padStart(7)}  (${(ms / baseline).toFixed(1)}x baseline)`);
      }
    }

    // Response times alone for the year, both ways: as the reports do it (never-paused steps
    // grouped by date in SQL, each date pair measured once), and one row per case through
    // computeSlaClock (the obvious way, and the first version of this module).
    const year = { from: "2025-12", to: "2026-11" };
    const grouped = await median(async () => {
      const steps = await findSteps(prisma, year);
      measureResponseTimes({ triage: steps.triage, first_contact: steps.firstContact }, year, NOW);
    });
    const perCase = await median(async () => {
      const rows = await prisma.$queryRaw<
        { startedAt: Date; completedAt: Date | null; pauses: unknown; pausedSince: Date | null }[]
      >`SELECT c.opened_at AS "startedAt", coalesce(c.triaged_at, c.allocated_at) AS "completedAt",
               c.pauses, c.paused_since AS "pausedSince"
        FROM cases c
        WHERE c.opened_at >= '2025-12-01T00:00:00Z' AND c.opened_at < '2026-12-01T00:00:00Z'`;
      for (const row of rows) {
        if (row.completedAt === null) continue;
        computeSlaClock({
          kind: "triage",
          startedAt: row.startedAt,
          completedAt: row.completedAt,
          pauses: collectPauses(row),
          now: row.completedAt,
        });
      }
    });
    const [rows] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM cases WHERE opened_at >= '2025-12-01T00:00:00Z' AND opened_at < '2026-12-01T00:00:00Z'`;
    console.log(
      `\nResponse times for 12 months (${rows?.n} cases), medians in ms:`,
      `\n  grouped by date in SQL, triage and first contact  ${grouped.toFixed(1).padStart(8)}`,
      `\n  one row per case through computeSlaClock, triage only ${perCase.toFixed(1).padStart(8)}`,
      `\n  ratio                                              ${(perCase / grouped).toFixed(1).padStart(7)}x`,
    );
  } finally {
    await app.close();
  }
});
