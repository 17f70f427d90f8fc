import { createHash, randomBytes } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "./client";
import { MIGRATIONS_DIR } from "./migration-files";
import { applyMigrations, MIGRATION_LOCK_KEY } from "./migrations";

// These tests need empty databases, not copies of the migrated template, so each one creates
// its own on the shared test server (scripts/test/postgres-global-setup.ts).
const { adminUrl } = inject("postgres");
const created: string[] = [];
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "psu-migrations-test-"));
});

afterAll(async () => {
  await withClient(adminUrl, async (client) => {
    for (const name of created)
      await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
  });
  await rm(folder, { recursive: true, force: true });
});

async function createEmptyDatabase(): Promise<string> {
  const name = `migrations_${randomBytes(6).toString("hex")}`;
  await withClient(adminUrl, (client) => client.query(`create database ${client.escapeIdentifier(name)}`));
  created.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
}

async function readMigrationRows(url: string): Promise<MigrationRow[]> {
  return withClient(url, async (client) => {
    const result = await client.query<MigrationRow>(
      "select migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs from _prisma_migrations order by migration_name",
    );
    return result.rows;
  });
}

async function tableExists(url: string, table: string): Promise<boolean> {
  return withClient(url, async (client) => {
    const result = await client.query<{ found: string | null }>("select to_regclass($1)::text as found", [table]);
    return result.rows[0]?.found != null;
  });
}

async function committedMigrations(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** A copy of prisma/migrations plus extra migrations, for cases the real folder must not contain. */
async function migrationsWith(extra: Record<string, string>): Promise<string> {
  const copy = await mkdtemp(join(folder, "migrations-"));
  await cp(MIGRATIONS_DIR, copy, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    await mkdir(join(copy, name));
    await writeFile(join(copy, name, "migration.sql"), sql);
  }
  return copy;
}

describe("applyMigrations", () => {
  it("brings an empty database up to date and records each migration as Prisma does", async () => {
    const url = await createEmptyDatabase();
    const expected = await committedMigrations();
    expect(expected.length).toBeGreaterThan(0);

    const result = await applyMigrations(url);

    expect(result.applied).toEqual(expected);
    expect(await tableExists(url, "app_meta")).toBe(true);
    const rows = await readMigrationRows(url);
    expect(rows.map((row) => row.migration_name)).toEqual(expected);
    for (const row of rows) {
      const sql = await readFile(join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
    }
  });

  it("applies nothing the second time", async () => {
    const url = await createEmptyDatabase();
    await applyMigrations(url);
    const before = await readMigrationRows(url);

    const result = await applyMigrations(url);

    expect(result.applied).toEqual([]);
    expect(await readMigrationRows(url)).toEqual(before);
  });

  it("lets several processes start at once: all succeed and each migration is applied once", async () => {
    const url = await createEmptyDatabase();

    const results = await Promise.all([applyMigrations(url), applyMigrations(url), applyMigrations(url)]);

    const appliedByAnyone = results.flatMap((result) => result.applied).sort();
    expect(appliedByAnyone).toEqual(await committedMigrations());
    const rows = await readMigrationRows(url);
    expect(rows.map((row) => row.migration_name)).toEqual(await committedMigrations());
  });

  it("applies only the migrations added since the last run", async () => {
    const url = await createEmptyDatabase();
    await applyMigrations(url);
    const migrationsDir = await migrationsWith({ "29991231000000_add_note": 'CREATE TABLE "note" ("id" INTEGER);\n' });

    const result = await applyMigrations(url, { migrationsDir });

    expect(result.applied).toEqual(["29991231000000_add_note"]);
    expect(await tableExists(url, "note")).toBe(true);
  });

  it("sends each script whole, so function bodies with semicolons survive", async () => {
    const url = await createEmptyDatabase();
    const migrationsDir = await migrationsWith({
      "29991231000000_add_function":
        "CREATE FUNCTION answer() RETURNS integer AS $$\nBEGIN\n  RETURN 42;\nEND;\n$$ LANGUAGE plpgsql;\n",
    });

    await applyMigrations(url, { migrationsDir });

    const answer = await withClient(url, (client) => client.query<{ answer: number }>("select answer()"));
    expect(answer.rows[0]?.answer).toBe(42);
  });

  it("records a failing migration as failed, keeps none of its changes and refuses to go on", async () => {
    const url = await createEmptyDatabase();
    const migrationsDir = await migrationsWith({
      "29991231000000_broken": 'CREATE TABLE "half_done" ("id" INTEGER);\nSELECT * FROM "no_such_table";\n',
    });

    await expect(applyMigrations(url, { migrationsDir })).rejects.toThrow(/no_such_table/);

    expect(await tableExists(url, "half_done")).toBe(false);
    const failed = (await readMigrationRows(url)).find((row) => row.migration_name === "29991231000000_broken");
    expect(failed?.finished_at).toBeNull();
    expect(failed?.logs).toContain("no_such_table");
    await expect(applyMigrations(url, { migrationsDir })).rejects.toThrow(/failed migrations/);
  });

  it("waits for another process's lock and gives up after lockTimeoutMs", async () => {
    const url = await createEmptyDatabase();
    await withClient(url, async (holder) => {
      await holder.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY.toString()]);

      const started = Date.now();
      await expect(applyMigrations(url, { lockTimeoutMs: 300 })).rejects.toThrow(/another process/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    });
    expect(await tableExists(url, "app_meta")).toBe(false);
  });

  it("never shows the database password in its errors", async () => {
    const url = new URL(await createEmptyDatabase());
    url.password = "Wr0ng-S3cret/pw";

    const error = await applyMigrations(url.toString()).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(Error);
    const shown = `${String(error)}\n${(error as Error).stack}`;
    expect(shown).toMatch(/password authentication failed/);
    expect(shown).not.toContain("Wr0ng-S3cret");
    expect(shown).not.toContain(encodeURIComponent("Wr0ng-S3cret/pw"));
  });

  it("leaves a database the generated client can use", async () => {
    const url = await createEmptyDatabase();
    await applyMigrations(url);
    const prisma = createPrismaClient(url, { max: 2 });
    try {
      await prisma.appMeta.create({ data: { key: "schema", value: "ready" } });
      const found = await prisma.appMeta.findUnique({ where: { key: "schema" } });
      expect(found).toMatchObject({ key: "schema", value: "ready" });
      expect(found?.updatedAt).toBeInstanceOf(Date);
    } finally {
      await prisma.$disconnect();
    }
  });
});
