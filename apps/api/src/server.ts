import { applyMigrations, createPrismaClient } from "@psu/prisma";
import closeWithGrace from "close-with-grace";
import { buildApp } from "./app";
import { parseConfigOrReport } from "./config/env";
import { APP_DATABASE, openDatabase } from "./database/open-database";
import { seedDemoData } from "./demo/demo-seed";
import { createLogger } from "./logging/logger";
import { createEncryption } from "./security/encryption";
import { checkDemoExposure, firstAdminCommand, isLoopbackDemo } from "./security/loopback-demo";
import { loadServerSecret } from "./security/server-secret";

// Time allowed for in-flight requests, the pool and the embedded database to close; after it
// close-with-grace exits with 1 whatever is still running.
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = parseConfigOrReport(process.env);
  if (!config) process.exit(1);
  const log = createLogger(config);

  const database = await openDatabase(config.database, log);
  // Registered before anything else can fail, so the embedded server never outlives us.
  let closeApp: () => Promise<void> = async () => {};
  closeWithGrace({ delay: SHUTDOWN_GRACE_MS, logger: false }, async ({ signal, err }) => {
    if (err) log.error({ err: { type: err.name, message: err.message } }, "stopping after an unexpected error");
    else log.info({ signal }, "shutting down");
    await closeApp();
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
  // Demo staff and cases on the loopback-only demo alone: a real DATABASE_URL, or an embedded one
  // served beyond this machine (HOST=0.0.0.0), gets no account whose password the README prints.
  if (isLoopbackDemo(config)) {
    if ((await seedDemoData(prisma, new Date(), createEncryption(serverSecret))).seeded)
      log.info("demo staff and referrals seeded");
  } else if (config.database.kind === "embedded") {
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
  const app = await buildApp({ config, prisma, serverSecret, logger: log, backgroundJobs: true });
  // Readiness turns 503 and new requests get 503 while the listener stays open; once the
  // requests already accepted have finished, close() stops listening, stops the background
  // jobs and ends the pool (docs/operations.md, "Stopping").
  closeApp = async () => {
    const started = Date.now();
    app.beginShutdown();
    await app.requestsDrained();
    log.info({ ms: Date.now() - started }, "in-flight requests finished");
    await app.close();
  };

  await app.listen({ host: config.host, port: config.port });
  const shownHost = ["0.0.0.0", "127.0.0.1", "::"].includes(config.host) ? "localhost" : config.host;
  log.info({ database: database.embedded ? "embedded" : "external" }, "ready");
  console.log(`\n  PSU referrals is running at http://${shownHost}:${config.port}\n`);
}

main().catch((error: unknown) => {
  // Start-up failures name what failed; the message never holds request data.
  console.error(error instanceof Error ? `Could not start: ${error.message}` : "Could not start.");
  process.exit(1);
});
