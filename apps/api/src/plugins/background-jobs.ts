import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { Config } from "../config/env";
import { deleteStaleSessions } from "../modules/auth/auth.service";
import { runRetention } from "../modules/data-protection/retention.service";
import { deleteExpiredDrafts } from "../modules/drafts/drafts.service";
import { createMailer } from "../modules/outbox/mailer";
import { startOutboxWorker } from "../modules/outbox/outbox.worker";
import { deleteStaleRateLimitCounters } from "../modules/rate-limit/rate-limit.service";
import { type SlaDigestSchedule, startSlaDigestSchedule } from "../modules/sla-digest/sla-digest.scheduler";

const CLEANUP_EVERY_MS = 60 * 60_000;
const RETENTION_EVERY_MS = 24 * 60 * 60_000;

/**
 * Work that runs beside requests: sending queued emails, removal of expired drafts, sessions
 * and rate-limit counters at start-up and hourly (each is also enforced on use; this frees the
 * rows, and deletes saved answers nobody came back for), and at start-up and daily the retention job (cases closed more than `retentionMonths`
 * ago are anonymised), and the coordinators' daily SLA digest. Every instance may run it (outbox
 * and retention claims use SKIP LOCKED; deletes and anonymisation are idempotent; the digest is
 * claimed once a day in job_runs).
 * It stops before the app closes its database pool.
 */
export const backgroundJobsPlugin = fp<{ mail: Config["mail"]; retentionMonths: number; publicUrl: string }>(
  async (app: FastifyInstance, options) => {
    const mailer = createMailer(options.mail, app.log);
    let stopOutbox: (() => Promise<void>) | undefined;
    let cleanupTimer: NodeJS.Timeout | undefined;
    let retentionTimer: NodeJS.Timeout | undefined;
    let retentionRun: Promise<void> | undefined;
    let cleanupRun: Promise<void> | undefined;
    let slaDigest: SlaDigestSchedule | undefined;

    const applyRetention = async () => {
      try {
        const caseIds = await runRetention(app.prisma, { now: app.now(), months: options.retentionMonths });
        app.log.info({ anonymised: caseIds.length }, "retention job ran");
        app.metrics.recordRetentionRun({ at: app.now(), anonymised: caseIds.length });
      } catch (error) {
        app.log.error({ type: error instanceof Error ? error.name : "unknown" }, "retention job failed");
        app.metrics.recordRetentionRun({ at: app.now(), failed: true });
      }
    };

    const removeExpiredRows = async () => {
      const now = app.now();
      try {
        const removed = {
          drafts: await deleteExpiredDrafts(app.prisma, now),
          sessions: await deleteStaleSessions(app.prisma, now),
          rateLimitCounters: await deleteStaleRateLimitCounters(app.prisma, now),
        };
        app.log.info(removed, "expired rows removed");
      } catch (error) {
        app.log.error({ type: error instanceof Error ? error.name : "unknown" }, "clean-up failed");
      }
    };

    app.addHook("onReady", async () => {
      const worker = startOutboxWorker({
        prisma: app.prisma,
        mailer,
        pollMs: options.mail.pollMs,
        now: app.now,
        log: app.log,
        counters: app.metrics.outbox,
      });
      stopOutbox = worker.stop;
      cleanupRun = removeExpiredRows();
      cleanupTimer = setInterval(() => {
        cleanupRun = removeExpiredRows();
      }, CLEANUP_EVERY_MS);
      cleanupTimer.unref();
      retentionRun = applyRetention();
      retentionTimer = setInterval(() => {
        retentionRun = applyRetention();
      }, RETENTION_EVERY_MS);
      retentionTimer.unref();
      // The coordinators' SLA digest: at start-up if today's is due and not yet sent, then 08:00 London time on working days.
      slaDigest = startSlaDigestSchedule({
        prisma: app.prisma,
        now: app.now,
        publicUrl: options.publicUrl,
        log: app.log,
      });
    });
    app.addHook("preClose", async () => {
      clearInterval(cleanupTimer);
      clearInterval(retentionTimer);
      await retentionRun;
      await cleanupRun;
      await slaDigest?.stop();
      await stopOutbox?.();
    });
  },
);
