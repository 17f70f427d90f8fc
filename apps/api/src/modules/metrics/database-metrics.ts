import { BREACHING_SOON_STATES, type BreachingSoonCounts, OPEN_CASE_STATUSES, SLA_KINDS } from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { Gauge, Registry } from "prom-client";
import { countOpenCasesBySlaState } from "../queue/sla-counts";
import { METRIC_PREFIX } from "./app-metrics";
import { countCasesByStatus, type OutboxBacklog, readOutboxBacklog } from "./metrics.repository";

/*
 * The metrics read from the database: the same whichever process or instance answers, so they
 * are read at scrape time by the one answering (never on a request's path), at most once per
 * `cacheMs` however often or by how many scrapers it is asked, and given up on after
 * `timeoutMs` so a slow database cannot hold a scrape. A read that fails or times out shows
 * every value as NaN (unknown) and psu_metrics_database_read_success 0.
 */

export const OUTBOX_STATES = ["due", "scheduled", "given_up"] as const;

export interface DatabaseSnapshot {
  outbox: OutboxBacklog;
  casesByStatus: Map<string, number>;
  sla: BreachingSoonCounts;
  /** The app's clock when it was read: ages are measured from it. */
  readAt: Date;
}

export interface DatabaseMetricsOptions {
  prisma: PrismaClient;
  now: () => Date;
  cacheMs?: number;
  timeoutMs?: number;
}

const DEFAULT_CACHE_MS = 10_000;
const DEFAULT_TIMEOUT_MS = 3_000;

async function readSnapshot(prisma: PrismaClient, now: Date): Promise<DatabaseSnapshot> {
  const [outbox, casesByStatus, sla] = await Promise.all([
    readOutboxBacklog(prisma, now),
    countCasesByStatus(prisma),
    countOpenCasesBySlaState(prisma, { now, viewer: null }),
  ]);
  return { outbox, casesByStatus, sla, readAt: now };
}

/** The latest snapshot, read again when older than cacheMs; null when the read failed or timed out. */
function createSnapshotReader(options: DatabaseMetricsOptions): () => Promise<DatabaseSnapshot | null> {
  const cacheMs = options.cacheMs ?? DEFAULT_CACHE_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let latest: { startedAt: number; result: Promise<DatabaseSnapshot | null> } | null = null;
  // A read still running after its timeout is not started again beside itself.
  let running = false;

  const start = (): Promise<DatabaseSnapshot | null> => {
    running = true;
    const read = readSnapshot(options.prisma, options.now()).finally(() => {
      running = false;
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
    });
    return Promise.race([read, timeout])
      .catch(() => null)
      .finally(() => clearTimeout(timer));
  };

  return () => {
    const now = performance.now();
    if (latest && (now - latest.startedAt < cacheMs || running)) return latest.result;
    latest = { startedAt: now, result: start() };
    return latest.result;
  };
}

/** The registry of the database's metrics, read on each scrape through a short cache. */
export function createDatabaseMetrics(options: DatabaseMetricsOptions): Registry {
  const registry = new Registry();
  const readLatest = createSnapshotReader(options);

  new Gauge({
    name: `${METRIC_PREFIX}metrics_database_read_success`,
    help: "1 if the database metrics below were read, 0 if the read failed or timed out (they are then NaN)",
    registers: [registry],
    async collect() {
      this.set((await readLatest()) ? 1 : 0);
    },
  });

  new Gauge({
    name: `${METRIC_PREFIX}open_cases`,
    help: "Open cases (not closed or withdrawn), by status",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const snapshot = await readLatest();
      for (const status of OPEN_CASE_STATUSES)
        this.set({ status }, snapshot ? (snapshot.casesByStatus.get(status) ?? 0) : Number.NaN);
    },
  });

  new Gauge({
    name: `${METRIC_PREFIX}sla_open_cases`,
    help: 'Open cases whose running SLA clock is breached or due soon, by clock: the "Breaching soon" view\'s count',
    labelNames: ["clock", "state"],
    registers: [registry],
    async collect() {
      const snapshot = await readLatest();
      for (const clock of SLA_KINDS)
        for (const state of BREACHING_SOON_STATES)
          this.set({ clock, state }, snapshot?.sla[clock][state] ?? Number.NaN);
    },
  });

  new Gauge({
    name: `${METRIC_PREFIX}outbox_messages`,
    help: "Unsent emails in the outbox: due now, scheduled for a later try, or given up on",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      const outbox = (await readLatest())?.outbox;
      const counts = { due: outbox?.due, scheduled: outbox?.scheduled, given_up: outbox?.givenUp };
      for (const state of OUTBOX_STATES) this.set({ state }, counts[state] ?? Number.NaN);
    },
  });

  new Gauge({
    name: `${METRIC_PREFIX}outbox_oldest_waiting_age_seconds`,
    help: "How long the oldest email still waiting to be sent has waited (0 when none is)",
    registers: [registry],
    async collect() {
      const snapshot = await readLatest();
      const since = snapshot?.outbox.oldestWaitingSince;
      if (!snapshot) this.set(Number.NaN);
      else this.set(since ? Math.max(0, (snapshot.readAt.getTime() - since.getTime()) / 1000) : 0);
    },
  });

  return registry;
}
