import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { Config } from "../config/env";
import { createMailer } from "../modules/outbox/mailer";
import { startOutboxWorker } from "../modules/outbox/outbox.worker";

/**
 * Work that runs beside requests: sending queued emails. Every instance may run it (claims use
 * SKIP LOCKED). It stops before the app closes its database pool.
 */
export const backgroundJobsPlugin = fp<{ mail: Config["mail"] }>(async (app: FastifyInstance, options) => {
  const mailer = createMailer(options.mail, app.log);
  let stop: (() => Promise<void>) | undefined;
  app.addHook("onReady", async () => {
    const worker = startOutboxWorker({
      prisma: app.prisma,
      mailer,
      pollMs: options.mail.pollMs,
      now: app.now,
      log: app.log,
    });
    stop = worker.stop;
  });
  app.addHook("preClose", async () => {
    await stop?.();
  });
});
