// What the benchmarks share: a throwaway embedded PostgreSQL with seeded cases, and the staff
// password to sign in with. Not tests: numbers depend on the machine.
import { randomInt } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { generateReference } from "@psu/domain";
import {
  applyMigrations,
  createPrismaClient,
  findFreePort,
  type PrismaClient,
  startEmbeddedPostgres,
} from "@psu/prisma";
import { hashPassword } from "../src/modules/auth/password";

const CASES = 100_000;
const LEADS = 30;
const NOW = new Date("2026-11-24T09:00:00Z");
// One case every 15 minutes (see seedCases).
const CASES_A_YEAR = 365 * 24 * 4;
export const PASSWORD = "benchmark password 1";

/**
 * One coordinator, LEADS leads and CASES cases, one every 15 minutes back from NOW (100,000 go
 * back 2 years 10 months), with INSERT ... SELECT FROM generate_series (seconds, not minutes).
 * Written oldest first, as a database fills over the years; `history` adds what each case
 * gathers as it is worked (seedHistory).
 */
export async function seedCases(
  prisma: PrismaClient,
  { cases = CASES, history = false }: { cases?: number; history?: boolean } = {},
): Promise<{ leadIds: string[]; reference: string }> {
  const passwordHash = await hashPassword(PASSWORD);
  const coordinator = await prisma.staffMember.create({
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
  // closed or withdrawn, but for one in ten of the last year's, still in support. Names: one
  // person in three has one of 50 common surnames, the others one of 1,600 (Ash + worth...).
  // Pseudo-random picks from a hash of n keep the run repeatable.
  await prisma.$executeRawUnsafe(`
    WITH numbered AS (
      SELECT n, (n::bigint * 7919) % 100 AS bucket,
             timestamptz '${NOW.toISOString()}' - n * interval '15 minutes' AS opened_at,
             (array['Alex','Bea','Cal','Dee','Eve','Fin','Gus','Hal','Ivy','Jo','Kit','Lou','Max','Nia','Oli',
                    'Pat','Quin','Rae','Sol','Tam'])[1 + h % 20] AS first_name,
             CASE WHEN (h / 20) % 3 = 0 THEN
               (array['Smith','Jones','Taylor','Brown','Williams','Wilson','Johnson','Davies','Patel','Wright',
                      'Robinson','Thompson','Evans','Walker','White','Roberts','Green','Hall','Wood','Jackson',
                      'Clarke','Khan','Ahmed','Hughes','Lewis','Edwards','Hill','Moore','Harris','Martin',
                      'Cooper','King','Lee','Baker','Turner','Ward','Morris','Scott','Young','Allen','Mitchell',
                      'Phillips','Campbell','Parker','Bennett','Price','Murphy','Bell','Shaw','Begum'])[1 + (h / 60) % 50]
             ELSE
               (array['Ash','Black','Brad','Brook','Chad','Cross','Dun','Fair','Green','Hart','Hay','Hol','Kings',
                      'Lang','Marsh','Mill','Nor','Pen','Rad','Ross','Rush','Shel','Stan','Sut','Thorn','Wal',
                      'West','Whit','Wood','Win','Brom','Cal','Dar','Eld','Fen','Gar','Hal','Ken','Lin','Mor'])
                 [1 + (h / 60) % 40] ||
               (array['ton','ley','field','ford','wood','worth','by','ham','well','more','combe','den','hurst',
                      'stead','wick','bury','thorpe','dale','land','croft','shaw','wright','cott','brook','stone',
                      'ridge','low','ington','mere','gate','hill','holme','leigh','lock','bridge','wyn','acre',
                      'ing','ner','sey'])[1 + (h / 2400) % 40]
             END AS surname
      FROM generate_series(1, ${cases}) AS n, LATERAL (SELECT hashtext(n::text) & 2147483647 AS h) AS hashed
    ),
    shaped AS (
      SELECT *, CASE
        WHEN n <= 2000 THEN (array['new','new','triage','information_requested','allocated','allocated',
                                   'first_contact','in_support','in_support','closed'])[1 + bucket % 10]
        WHEN bucket >= 95 THEN 'withdrawn'
        WHEN bucket >= 85 AND n <= ${CASES_A_YEAR} THEN 'in_support' ELSE 'closed' END AS status
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
      FROM shaped ORDER BY n DESC
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
    FROM referral JOIN shaped s ON referral.reference = 'BENCH-' || s.n
    ORDER BY s.n DESC`);

  // One real reference to search for, in the middle of the table.
  const reference = generateReference(randomInt);
  await prisma.$executeRaw`UPDATE referrals SET reference = ${reference} WHERE reference = ${`BENCH-${Math.floor(cases / 2)}`}`;
  if (history) await seedHistory(prisma, coordinator.id);
  await prisma.$executeRawUnsafe("VACUUM ANALYZE");
  return { leadIds, reference };
}

/**
 * What a case gathers as it is worked, for the seeded cases: a pause on one in 20 (a day and a
 * half from the day after triage, as an information request), the timeline (received, triaged,
 * allocated, first contact, closed or withdrawn, each when it happened, and a note on every
 * other case: about 4.5 events a case) and equality answers from every other trainee.
 */
async function seedHistory(prisma: PrismaClient, coordinatorId: string): Promise<void> {
  await prisma.$executeRawUnsafe(`
    UPDATE cases SET pauses = jsonb_build_array(jsonb_build_object(
      'from', to_char((triaged_at + interval '2 hours') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'to', to_char((triaged_at + interval '38 hours') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
    WHERE triaged_at IS NOT NULL AND hashtext(id::text) % 20 = 0`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO case_events (case_id, at, actor_type, actor_id, kind, data)
    SELECT c.id, e.at, e.actor_type, e.actor_id, e.kind, e.data
    FROM cases c CROSS JOIN LATERAL (VALUES
      (c.opened_at, 'trainee', NULL, 'referral_submitted', '{"status":"new"}'::jsonb),
      (c.triaged_at, 'staff', '${coordinatorId}', 'status_changed', '{"from":"new","to":"triage"}'),
      (c.allocated_at, 'staff', '${coordinatorId}', 'assigned', jsonb_build_object('leadId', c.lead_id)),
      (c.first_contact_at, 'staff', c.lead_id::text, 'first_contact_recorded',
        jsonb_build_object('contactedAt', c.first_contact_at)),
      (c.paused_since, 'staff', '${coordinatorId}', 'status_changed',
        '{"from":"triage","to":"information_requested","reason":"Asked for their supervisor''s name"}'),
      (c.closed_at, 'staff', '${coordinatorId}', 'status_changed',
        jsonb_build_object('from', 'in_support', 'to', c.status, 'outcome', c.outcome)),
      (CASE WHEN hashtext(c.id::text) % 2 = 0 THEN c.opened_at + interval '3 days' END, 'staff', '${coordinatorId}',
        'note_added', '{"text":"Spoke to the trainee; they would like a call on Tuesdays."}')
    ) AS e(at, actor_type, actor_id, kind, data)
    WHERE e.at IS NOT NULL`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO equality_responses (submitted_month, answers)
    SELECT to_char(opened_at AT TIME ZONE 'Europe/London', 'YYYY-MM'),
           jsonb_build_object(
             'sex', (array['female','male','prefer_not_to_say'])[1 + n % 3],
             'ageBand', (array['25_29','30_34','35_39','40_44'])[1 + n % 4],
             'ethnicity', (array['white_british','asian_indian','black_african','white_roma','mixed_other'])[1 + n % 5],
             'disability', (array['yes','no'])[1 + n % 2])
    FROM (SELECT opened_at, row_number() OVER () AS n FROM cases) AS opened
    WHERE n % 2 = 0`);
}

/**
 * Runs `work` against a migrated throwaway database, then removes it; or, given `keptDataDir`,
 * against the database kept in that folder (created on first use, migrated, never removed).
 */
export async function withBenchDatabase(
  work: (prisma: PrismaClient, url: string) => Promise<void>,
  { keptDataDir }: { keptDataDir?: string | undefined } = {},
): Promise<void> {
  const root = keptDataDir ? undefined : await mkdtemp(join(tmpdir(), "psu-bench-"));
  if (root) await chmod(root, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: keptDataDir ?? join(root ?? tmpdir(), "pg"),
    port: await findFreePort(),
    database: "psu_bench",
    temporary: !keptDataDir,
  });
  const prisma = createPrismaClient(server.url, { max: 4 });
  try {
    await applyMigrations(server.url);
    await work(prisma, server.url);
  } finally {
    await prisma.$disconnect();
    await server.stop();
    if (root) await rm(root, { recursive: true, force: true });
  }
}

/** Seconds since `started` (a performance.now() reading), to one decimal place. */
export function elapsedSeconds(started: number): string {
  return ((performance.now() - started) / 1000).toFixed(1);
}
