// The CLI behind `pnpm db:migrate -- <name>`: writes the next migration by diffing the schema
// as it stood at the last migration (the snapshot) against prisma/schema.prisma, offline.
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  LOCKFILE,
  LOCKFILE_CONTENT,
  MIGRATION_FILE,
  MIGRATIONS_DIR,
  SCHEMA_PATH,
  SCHEMA_SNAPSHOT,
} from "./migration-files";
import { createOfflinePostgresAdapterFactory, NO_EXTERNAL_ENTITIES, withSchemaEngine } from "./schema-engine";

export interface CreateMigrationOptions {
  /** What the migration does, e.g. "add referrals"; becomes `add_referrals`. */
  name: string;
  /** Defaults to the current time; its UTC form becomes the folder's timestamp. */
  now?: Date;
  migrationsDir?: string;
  schemaPath?: string;
}

export type CreateMigrationResult =
  | { status: "created"; migrationName: string; migrationPath: string }
  | { status: "unchanged" };

const MAX_NAME_LENGTH = 100;

/** Diffs the schema at the last migration against the current one and writes the migration folder. */
export async function createMigration(options: CreateMigrationOptions): Promise<CreateMigrationResult> {
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  const snakeName = toMigrationName(options.name);
  const current = await readFile(options.schemaPath ?? SCHEMA_PATH, "utf8");
  const existing = await listMigrationFolders(migrationsDir);
  const previous = await readSnapshot(migrationsDir, existing);

  const script = await diffSchemas(previous, current);
  if (script === null) return { status: "unchanged" };

  const migrationName = `${formatMigrationTimestamp(options.now ?? new Date())}_${snakeName}`;
  const last = existing.at(-1);
  if (last !== undefined && migrationName.localeCompare(last) <= 0) {
    throw new Error(
      `The new migration ${migrationName} would not sort after the last one, ${last}. Is the clock behind? Try again in a moment.`,
    );
  }

  const migrationPath = join(migrationsDir, migrationName);
  await mkdir(migrationPath, { recursive: true });
  await writeFile(join(migrationPath, MIGRATION_FILE), script, "utf8");
  await writeFileAtomically(join(migrationsDir, SCHEMA_SNAPSHOT), current);
  await writeFile(join(migrationsDir, LOCKFILE), LOCKFILE_CONTENT, { encoding: "utf8", flag: "wx" }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    },
  );
  return { status: "created", migrationName, migrationPath };
}

/**
 * The SQL that turns a database matching `previous` (null: an empty database) into one
 * matching `current`, as `prisma migrate diff --script` writes it; null when nothing changes.
 */
export async function diffSchemas(previous: string | null, current: string): Promise<string | null> {
  const result = await withSchemaEngine(createOfflinePostgresAdapterFactory(), (engine) =>
    engine.diff({
      from:
        previous === null
          ? { tag: "empty" }
          : { tag: "schemaDatamodel", files: [{ path: SCHEMA_SNAPSHOT, content: previous }] },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: current }] },
      script: true,
      // Asks the engine to report a non-empty diff as exit code 2, rather than us parsing its SQL.
      exitCode: true,
      filters: NO_EXTERNAL_ENTITIES,
    }),
  );
  return result.exitCode === 2 ? (result.stdout ?? "") : null;
}

/** "Add referrals", "add-referrals" and "addReferrals" all become "add_referrals"; anything unsafe throws. */
export function toMigrationName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === "") {
    throw new Error("Give the migration a name, e.g. `pnpm db:migrate -- add_referrals`.");
  }
  if (!/^[A-Za-z0-9 _-]+$/.test(trimmed)) {
    throw new Error(
      `The migration name "${name}" may contain only letters, digits, spaces, "-" and "_" (it becomes a folder name).`,
    );
  }
  const snake = trimmed
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (snake === "") throw new Error(`The migration name "${name}" has no letters or digits.`);
  if (snake.length > MAX_NAME_LENGTH) {
    throw new Error(`The migration name is ${snake.length} characters long; keep it under ${MAX_NAME_LENGTH}.`);
  }
  return snake;
}

/** The UTC timestamp Prisma puts in front of a migration's name: YYYYMMDDHHMMSS. */
export function formatMigrationTimestamp(now: Date): string {
  return now.toISOString().replace(/\D/g, "").slice(0, 14);
}

async function listMigrationFolders(migrationsDir: string): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
}

async function readSnapshot(migrationsDir: string, existing: string[]): Promise<string | null> {
  if (existing.length === 0) return null;
  try {
    return await readFile(join(migrationsDir, SCHEMA_SNAPSHOT), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    throw new Error(
      `${join(migrationsDir, SCHEMA_SNAPSHOT)} is missing, so the schema as of the last migration (${existing.at(-1)}) is unknown. ` +
        "Restore it from git, or recreate it from schema.prisma as it stood at that migration.",
    );
  }
}

async function writeFileAtomically(path: string, content: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content, "utf8");
  await rename(temporary, path);
}

async function main(args: string[]): Promise<number> {
  // `pnpm db:migrate -- <name>` may hand us the "--" too.
  const name = args.filter((arg) => arg !== "--").join(" ");
  try {
    const result = await createMigration({ name });
    if (result.status === "unchanged") {
      console.log("No schema changes: schema.prisma matches the last migration, nothing written.");
    } else {
      console.log(`Created migrations/${result.migrationName}/${MIGRATION_FILE}`);
      console.log("Review the SQL, then start the app (or run its migrate step) to apply it.");
    }
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

const invokedAsScript = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedAsScript) {
  process.exitCode = await main(process.argv.slice(2));
}
