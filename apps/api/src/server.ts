import cluster from "node:cluster";
import { applyMigrations, createPrismaClient, type PrismaClient } from "@psu/prisma";
import closeWithGrace from "close-with-grace";
import type { Logger } from "pino";
import { buildApp } from "./app";
import { type Config, parseConfigOrReport } from "./config/env";
import { APP_DATABASE, openDatabase } from "./database/open-database";
import { seedDemoData } from "./demo/demo-seed";
import { createLogger } from "./logging/logger";
import { createEncryption } from "./security/encryption";
import { checkDemoExposure, firstAdminCommand, isLoopbackDemo } from "./security/loopback-demo";
import { loadServerSecret } from "./security/server-secret";
import { STOP_MESSAGE, startWorkers, WORKER_DATABASE_URL } from "./server-workers";

// Time allowed for in-flight requests, the pool and the embedded database to close; after it
// close-with-grace exits with 1 whatever is still running.
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = parseConfigOrReport(process.env);
  if (!config) process.exit(1);
  const log = createLogger(config);
  if (cluster.isWorker) return serveAsWorker(config, log);

  const database = await openDatabase(config.database, log);
  // Registered before anything else can fail, so the embedded server never outlives us.
  let stopServing: () => Promise<void> = async () => {};
  closeWithGrace({ delay: SHUTDOWN_GRACE_MS, logger: false }, async ({ signal, err }) => {
    if (err) log.error({ err: { type: err.name, message: err.message } }, "stopping after an unexpected error");
    else log.info({ signal }, "shutting down");
    await stopServing();
    await database.stop();
    log.info("stopped");
  });

  // With DATABASE_MIGRATION_URL the owner migrates and grants; the app then runs as a role that
  // cannot TRUNCATE, alter or drop a table (prisma/roles/runtime-role.sql).
  const migration = config.database.kind === "external" ? config.database.migration : undefined;
  const migrations = await applyMigrations(migration?.url ?? database.url, { runtimeRole: migration?.runtimeRole });
  log.info(
    { applied: migrations.applied.length, ...(migration && { runtimeRole: migration.runtimeRole }) },
    "database migrations up to date",
  );
  if (config.database.kind === "external" && !migration)
    log.info(
      'DATABASE_MIGRATION_URL is not set: the app runs as the role that owns its tables, which could empty or alter the audit log (docs/operations.md, "Database roles")',
    );

  const prisma = createPrismaClient(database.url, { max: config.databasePoolMax });
  const serverSecret = await loadServerSecret(config.serverSecret);
  await prepareDemoData(config, prisma, serverSecret, log);

  if (config.workers > 1) {
    await prisma.$disconnect();
    const workers = await startWorkers({ count: config.workers, databaseUrl: database.url, log });
    stopServing = workers.stop;
  } else {
    stopServing = await serve(config, prisma, serverSecret, log);
  }
  const shownHost = ["0.0.0.0", "127.0.0.1", "::"].includes(config.host) ? "localhost" : config.host;
  log.info({ database: database.embedded ? "embedded" : "external", workers: config.workers }, "ready");
  console.log(`\n  PSU referrals is running at http://${shownHost}:${config.port}\n`);
}

/**
 * Demo staff and cases on the loopback-only demo alone: a real DATABASE_URL, or an embedded one
 * served beyond this machine (HOST=0.0.0.0), gets no account whose password the README prints.
 */
async function prepareDemoData(config: Config, prisma: PrismaClient, serverSecret: string, log: Logger): Promise<void> {
  if (isLoopbackDemo(config)) {
    if ((await seedDemoData(prisma, new Date(), createEncryption(serverSecret))).seeded)
      log.info("demo staff and referrals seeded");
    return;
  }
  if (config.database.kind !== "embedded") return;
  const exposure = await checkDemoExposure(prisma);
  if (exposure.outcome === "demo-accounts-present")
    throw new Error(
      `the data folder ${config.database.dataDir} holds the demo accounts, whose password and sign-in codes the README prints, ` +
        `so it may be served on this machine only (HOST=127.0.0.1), not on ${config.host}. ` +
        'To serve other machines, use a new DATA_DIR and create the first admin (docs/operations.md, "The first admin").',
    );
  if (exposure.staff === 0)
    log.warn(
      { host: config.host },
      `no demo accounts: HOST is not a loopback address, so other machines may reach this server. Create the first admin with: ${firstAdminCommand(
        config,
        { dataDir: config.database.dataDir, port: config.database.port, name: APP_DATABASE },
      )}`,
    );
}

/**
 * Builds the app and listens; resolves to what stops it. Readiness turns 503 and new requests
 * get 503 while the listener stays open; once the requests already accepted have finished,
 * close() stops listening, stops the background jobs and ends the pool (docs/operations.md, "Stopping").
 */
async function serve(
  config: Config,
  prisma: PrismaClient,
  serverSecret: string,
  log: Logger,
): Promise<() => Promise<void>> {
  const app = await buildApp({ config, prisma, serverSecret, logger: log, backgroundJobs: true });
  await app.listen({ host: config.host, port: config.port });
  return async () => {
    const started = Date.now();
    app.beginShutdown();
    await app.requestsDrained();
    log.info({ ms: Date.now() - started }, "in-flight requests finished");
    await app.close();
  };
}

/** One of several server processes (WORKERS): the primary has opened and migrated the database. */
async function serveAsWorker(config: Config, log: Logger): Promise<void> {
  const databaseUrl = process.env[WORKER_DATABASE_URL];
  if (!databaseUrl) throw new Error(`a server worker needs ${WORKER_DATABASE_URL}`);
  let stopServing: () => Promise<void> = async () => {};
  // Ctrl-C or systemd signal every process, and the primary asks each worker to stop too: the
  // first of these starts the one graceful stop, the others change nothing.
  const grace = closeWithGrace(
    { delay: SHUTDOWN_GRACE_MS, logger: false, skip: ["SIGINT", "SIGTERM"] },
    async ({ err }) => {
      if (err)
        log.error({ err: { type: err.name, message: err.message } }, "worker stopping after an unexpected error");
      await stopServing();
    },
  );
  let stopping = false;
  const stopOnce = () => {
    if (stopping) return;
    stopping = true;
    void grace.close();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stopOnce);
  process.on("message", (message) => {
    if (message === STOP_MESSAGE) stopOnce();
  });
  const prisma = createPrismaClient(databaseUrl, { max: config.databasePoolMax });
  stopServing = await serve(config, prisma, await loadServerSecret(config.serverSecret), log);
}

main().catch((error: unknown) => {
  // Start-up failures name what failed; the message never holds request data.
  console.error(error instanceof Error ? `Could not start: ${error.message}` : "Could not start.");
  process.exit(1);
});
