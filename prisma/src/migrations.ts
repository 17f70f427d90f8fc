import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import pg from "pg";
import { MIGRATIONS_DIR, readMigrationList } from "./migration-files";
import { NO_EXTERNAL_ENTITIES, sendScriptsWhole, withSchemaEngine } from "./schema-engine";

export interface ApplyMigrationsOptions {
  /** Defaults to prisma/migrations. */
  migrationsDir?: string;
  /** How long to wait for another process that is applying migrations; default 5 minutes. */
  lockTimeoutMs?: number;
  /**
   * The role the app runs as, when `databaseUrl` is the owner's (DATABASE_MIGRATION_URL): after
   * the migrations it is granted what the app needs and no more (prisma/roles/runtime-role.sql).
   */
  runtimeRole?: string;
}

/** Grants the runtime role the app's privileges: run as the owner, after the migrations. */
const RUNTIME_ROLE_SQL = fileURLToPath(new URL("../roles/runtime-role.sql", import.meta.url));

export interface ApplyMigrationsResult {
  /** Folder names of the migrations applied by this call, oldest first; empty when up to date. */
  applied: string[];
}

/**
 * Our own advisory lock key ("psu-migr" in ASCII). The engine takes Prisma's key 72707369
 * itself on its own connection and gives up after 10 s; holding a different key first lets a
 * second process wait as long as the first one's migrations take, without deadlocking on it.
 */
export const MIGRATION_LOCK_KEY = 0x7073752d6d696772n;
const DEFAULT_LOCK_TIMEOUT_MS = 5 * 60_000;

/**
 * Applies the pending migrations in prisma/migrations, recording them in `_prisma_migrations`
 * exactly as `prisma migrate deploy` does. Safe to call on every start and from several
 * processes at once; closes every connection it opened before returning.
 */
export async function applyMigrations(
  databaseUrl: string,
  options: ApplyMigrationsOptions = {},
): Promise<ApplyMigrationsResult> {
  const migrationList = await readMigrationList(options.migrationsDir ?? MIGRATIONS_DIR);
  const lockTimeoutMs = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  try {
    return await withAdvisoryLock(databaseUrl, lockTimeoutMs, async (lockClient) => {
      const applied = (await isUpToDate(lockClient, migrationList))
        ? []
        : await runSchemaEngine(databaseUrl, migrationList);
      // Under the same lock, so two instances starting at once never grant at the same time.
      if (options.runtimeRole !== undefined) await grantRuntimeRole(lockClient, options.runtimeRole);
      return { applied };
    });
  } catch (error) {
    throw new MigrationError(`Applying database migrations failed: ${describe(error)}`, databaseUrl);
  }
}

/**
 * True when every migration in the folder is recorded as finished and none has failed: then
 * there is nothing for the schema engine to do, and the server never loads it (its WebAssembly
 * memory, about 20 MB, would stay in the process for good).
 */
async function isUpToDate(client: pg.Client, migrationList: MigrationList): Promise<boolean> {
  const table = await client.query<{ exists: boolean }>(
    "select to_regclass('_prisma_migrations') is not null as exists",
  );
  if (!table.rows[0]?.exists) return false;
  const { rows } = await client.query<{ migration_name: string; finished: boolean }>(
    "select migration_name, finished_at is not null as finished from _prisma_migrations where rolled_back_at is null",
  );
  if (rows.some((row) => !row.finished)) return false;
  const finished = new Set(rows.map((row) => row.migration_name));
  return migrationList.migrationDirectories.every((directory) => finished.has(directory.path));
}

async function runSchemaEngine(databaseUrl: string, migrationList: MigrationList): Promise<string[]> {
  // One connection, never closed while idle: the engine's own session lock lives on it,
  // and every statement of a migration must run where that lock is held.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1, idleTimeoutMillis: 0 });
  pool.on("error", () => {}); // a dropped idle connection surfaces on the next query instead
  try {
    const adapterFactory = sendScriptsWhole(new PrismaPg(pool));
    const output = await withSchemaEngine(adapterFactory, (engine) =>
      engine.applyMigrations({ migrationsList: migrationList, filters: NO_EXTERNAL_ENTITIES }),
    );
    return output.appliedMigrationNames;
  } finally {
    await pool.end();
  }
}

async function grantRuntimeRole(owner: pg.Client, runtimeRole: string): Promise<void> {
  await owner.query("select set_config('psu.runtime_role', $1, false)", [runtimeRole]);
  await owner.query(await readFile(RUNTIME_ROLE_SQL, "utf8"));
}

async function withAdvisoryLock<T>(
  databaseUrl: string,
  timeoutMs: number,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {}); // losing this connection releases the lock; the engine's own lock still holds
  await client.connect();
  try {
    await client.query("select set_config('lock_timeout', $1, false)", [`${Math.max(1, Math.round(timeoutMs))}ms`]);
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY.toString()]).catch((error: unknown) => {
      throw new Error(`another process has been applying migrations for over ${timeoutMs} ms (${describe(error)})`);
    });
    return await work(client);
  } finally {
    // Closing the session releases the lock even if an unlock query would fail.
    await client.end().catch(() => {});
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === "object" && error !== null && "message" in error) return String(error.message);
  return String(error);
}

/** Its message never contains the database URL's password, whatever the underlying error said. */
export class MigrationError extends Error {
  override readonly name = "MigrationError";

  constructor(message: string, databaseUrl: string) {
    super(redactCredentials(message, databaseUrl));
  }
}

function redactCredentials(text: string, databaseUrl: string): string {
  const secrets = new Set<string>([databaseUrl]);
  try {
    const { password } = new URL(databaseUrl);
    if (password) {
      secrets.add(password);
      secrets.add(decodeURIComponent(password));
    }
  } catch {
    // Not a URL: hiding the whole string above is all we can do.
  }
  let redacted = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret) redacted = redacted.split(secret).join("***");
  }
  return redacted;
}
