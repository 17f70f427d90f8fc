// What the benchmarks share: a throwaway embedded PostgreSQL, 100,000 seeded cases, signing in
// through the app, and medians. Not tests: numbers depend on the machine.
import { randomInt } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { AuthenticatorEnrolmentSchema, generateReference, type StaffProfile } from "@psu/domain";
import {
  applyMigrations,
  createPrismaClient,
  findFreePort,
  type PrismaClient,
  startEmbeddedPostgres,
} from "@psu/prisma";
import type { FastifyInstance } from "fastify";
import { hashPassword } from "../src/modules/auth/password";
import { generateTotpCode } from "../src/modules/auth/totp";

export const CASES = 100_000;
export const LEADS = 30;
export const RUNS = 20;
export const WARM_UPS = 3;
export const NOW = new Date("2026-11-24T09:00:00Z");
export const PASSWORD = "benchmark password 1";
const SAME_ORIGIN = { origin: "http://localhost:80", host: "localhost:80" };

export interface Viewer {
  headers: Record<string, string>;
  profile: StaffProfile;
}

/**
 * One coordinator, LEADS leads and CASES cases, one every 15 minutes back from NOW (about
 * 2 years 10 months), with INSERT ... SELECT FROM generate_series (seconds, not minutes).
 */
export async function seedCases(
  prisma: PrismaClient,
  { cases = CASES }: { cases?: number } = {},
): Promise<{ leadIds: string[]; reference: string }> {
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
      FROM generate_series(1, ${cases}) AS n
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
  await prisma.$executeRaw`UPDATE referrals SET reference = ${reference} WHERE reference = ${`BENCH-${Math.floor(cases / 2)}`}`;
  await prisma.$executeRawUnsafe("VACUUM ANALYZE");
  return { leadIds, reference };
}

/** Signs a bench member in as at a first sign-in: password, then setting up the authenticator. */
export async function signIn(app: FastifyInstance, email: string): Promise<Viewer> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    headers: SAME_ORIGIN,
    payload: { email, password: PASSWORD },
  });
  const pending = response.cookies.find((candidate) => candidate.name === "psu_session");
  if (!pending) throw new Error(`sign-in failed: ${response.body}`);
  const headers = { ...SAME_ORIGIN, cookie: `psu_session=${pending.value}` };
  const enrolment = await app.inject({ method: "GET", url: "/api/auth/enrolment", headers });
  const { secret } = AuthenticatorEnrolmentSchema.parse(enrolment.json());
  const confirmed = await app.inject({
    method: "POST",
    url: "/api/auth/enrolment",
    headers,
    payload: { code: generateTotpCode(secret, app.now()) },
  });
  const cookie = confirmed.cookies.find((candidate) => candidate.name === "psu_session");
  if (!cookie) throw new Error(`second factor failed: ${confirmed.body}`);
  return { headers: { ...SAME_ORIGIN, cookie: `psu_session=${cookie.value}` }, profile: confirmed.json().staff };
}

/** The median of RUNS runs after WARM_UPS warm-ups, in ms. */
export async function median(run: () => Promise<void>): Promise<number> {
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

/** Runs `work` against a migrated throwaway database, then removes it. */
export async function withBenchDatabase(work: (prisma: PrismaClient, url: string) => Promise<void>): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), "psu-bench-"));
  await chmod(root, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: join(root, "pg"),
    port: await findFreePort(),
    database: "psu_bench",
    temporary: true,
  });
  const prisma = createPrismaClient(server.url, { max: 4 });
  try {
    await applyMigrations(server.url);
    await work(prisma, server.url);
  } finally {
    await prisma.$disconnect();
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
}

export function elapsedSeconds(started: number): string {
  return ((performance.now() - started) / 1000).toFixed(1);
}
