import { embeddedPasswordFile, startEmbeddedPostgres } from "@psu/prisma";
import type { Logger } from "pino";
import type { DatabaseSource } from "../config/env";

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  /** Stops the embedded server; a no-op for an external one (we do not own it). */
  stop(): Promise<void>;
}

/** The application database's name on the embedded server. */
export const APP_DATABASE = "psu";

/** Connects to the configured PostgreSQL, starting the embedded one when no URL is given. */
export async function openDatabase(source: DatabaseSource, log: Logger): Promise<OpenDatabase> {
  if (source.kind === "external") return { url: source.url, embedded: false, stop: async () => {} };

  const started = Date.now();
  const server = await startEmbeddedPostgres({
    dataDir: source.dataDir,
    port: source.port,
    database: APP_DATABASE,
    onLog: (line) => log.debug({ postgres: line.trim() }, "embedded postgres"),
    // Clearing up after a copy of the app that was killed (docs/operations.md, "If the app was killed").
    onNotice: (message, details) => log.warn(details, message),
  });
  log.info({ port: source.port, dataDir: source.dataDir, ms: Date.now() - started }, "embedded PostgreSQL started");
  if (server.replacedLegacyPassword)
    log.info(
      { passwordFile: embeddedPasswordFile(source.dataDir) },
      "embedded PostgreSQL: the old fixed superuser password was replaced by this data folder's own",
    );
  return { url: server.url, embedded: true, stop: server.stop };
}
