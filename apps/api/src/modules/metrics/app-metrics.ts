import { SSO_ERROR_CODES, type SsoErrorCode } from "@psu/domain";
import type { PoolUse } from "@psu/prisma";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { SIGN_IN_FAILURE_REASONS, type SignInFailureReason } from "../auth/auth.service";

/*
 * Every metric the app exposes at /metrics (docs/operations.md, "Metrics"). Label values come
 * from fixed lists only, never from a request: a route's pattern, not its URL; a reason code,
 * not an email address. Two registries, because they are gathered differently under WORKERS
 * (cluster-metrics.ts): this process's own counts, summed over the workers, and the database's
 * state, read once per scrape by whichever process answers it (database-metrics.ts).
 */

export const METRIC_PREFIX = "psu_";

/** Methods named as themselves in the request metrics; any other (WebDAV's and the like) is OTHER. */
export const REQUEST_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
/** The route label of a request no route matched (a 404, or a page of the web app). */
export const UNMATCHED_ROUTE = "unmatched";

/** The reasons each sign-in step may be refused for: every pair is counted from 0. */
export const SIGN_IN_FAILURES_BY_STEP = { ...SIGN_IN_FAILURE_REASONS, sso: SSO_ERROR_CODES } as const;
export type SignInStep = keyof typeof SIGN_IN_FAILURES_BY_STEP;

export interface RequestObservation {
  method: string;
  /** The route's pattern (Fastify's routeOptions.url); undefined when no route matched. */
  route: string | undefined;
  statusCode: number;
  seconds: number;
}

export type RetentionRun = { at: Date; anonymised: number } | { at: Date; failed: true };

/** What the rest of the app records; every method is cheap (no I/O) and a no-op when metrics are off. */
export interface MetricsRecorder {
  observeRequest(observation: RequestObservation): void;
  countSignInFailure(step: SignInStep, reason: SignInFailureReason | SsoErrorCode): void;
  /** Each email sent, and each failed attempt (outbox.worker.ts). */
  readonly outbox: { sent(): void; failed(): void };
  recordRetentionRun(run: RetentionRun): void;
}

export const NO_METRICS: MetricsRecorder = {
  observeRequest: () => {},
  countSignInFailure: () => {},
  outbox: { sent: () => {}, failed: () => {} },
  recordRetentionRun: () => {},
};

export interface AppMetrics extends MetricsRecorder {
  /** This process's counts: summed over the workers when there are several. */
  readonly processRegistry: Registry;
}

const KNOWN_METHODS: ReadonlySet<string> = new Set(REQUEST_METHODS);

/** The registry of this process's metrics and the recorder that feeds it. */
export function createAppMetrics(options: { poolUse: () => PoolUse | null }): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });

  const requestDuration = new Histogram({
    name: `${METRIC_PREFIX}http_request_duration_seconds`,
    help: "Time to answer a request, by method, route pattern (unmatched when no route matched) and status code",
    labelNames: ["method", "route", "status_code"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const signInFailures = new Counter({
    name: `${METRIC_PREFIX}sign_in_failures_total`,
    help: "Refused sign-in steps, by step (password, second_factor, sso) and reason code",
    labelNames: ["step", "reason"],
    registers: [registry],
  });
  for (const [step, reasons] of Object.entries(SIGN_IN_FAILURES_BY_STEP))
    for (const reason of reasons) signInFailures.inc({ step, reason }, 0);

  const outboxSent = new Counter({
    name: `${METRIC_PREFIX}outbox_sent_total`,
    help: "Emails the outbox handed to the mail service",
    registers: [registry],
  });
  const outboxFailed = new Counter({
    name: `${METRIC_PREFIX}outbox_send_failures_total`,
    help: "Attempts to send an email that failed (each is retried later until its attempts run out)",
    registers: [registry],
  });

  // With several workers: the latest run of any, the worst result, the cases of every last run.
  const retentionLastRun = new Gauge({
    name: `${METRIC_PREFIX}retention_last_run_timestamp_seconds`,
    help: "When the retention job last finished, in Unix seconds (0: not yet since this process started)",
    aggregator: "max",
    registers: [registry],
  });
  const retentionSuccess = new Gauge({
    name: `${METRIC_PREFIX}retention_last_run_success`,
    help: "1 if the retention job's last run succeeded, 0 if it failed or has not run yet",
    aggregator: "min",
    registers: [registry],
  });
  const retentionAnonymised = new Gauge({
    name: `${METRIC_PREFIX}retention_last_run_anonymised_cases`,
    help: "Cases the retention job's last run anonymised",
    registers: [registry],
  });

  const poolGauge = (name: string, help: string, read: (use: PoolUse) => number) =>
    new Gauge({
      name: `${METRIC_PREFIX}database_pool_${name}`,
      help,
      registers: [registry],
      collect() {
        const use = options.poolUse();
        this.set(use ? read(use) : Number.NaN);
      },
    });
  poolGauge("connections", "Connections the database pool holds open, busy or idle", (use) => use.total);
  poolGauge("idle_connections", "Open connections not running a query", (use) => use.idle);
  poolGauge("waiting_requests", "Queries waiting for a connection because every one is busy", (use) => use.waiting);
  poolGauge("max_connections", "The most connections the pool may open (DATABASE_POOL_MAX)", (use) => use.max);

  return {
    processRegistry: registry,
    observeRequest({ method, route, statusCode, seconds }) {
      requestDuration.observe(
        {
          method: KNOWN_METHODS.has(method) ? method : "OTHER",
          route: route ?? UNMATCHED_ROUTE,
          status_code: String(statusCode),
        },
        seconds,
      );
    },
    countSignInFailure(step, reason) {
      signInFailures.inc({ step, reason });
    },
    outbox: { sent: () => outboxSent.inc(), failed: () => outboxFailed.inc() },
    recordRetentionRun(run) {
      retentionLastRun.set(run.at.getTime() / 1000);
      if ("failed" in run) {
        retentionSuccess.set(0);
        retentionAnonymised.set(0);
      } else {
        retentionSuccess.set(1);
        retentionAnonymised.set(run.anonymised);
      }
    },
  };
}
