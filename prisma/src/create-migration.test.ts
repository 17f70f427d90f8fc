import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMigration, diffSchemas, formatMigrationTimestamp, toMigrationName } from "./create-migration";
import { LOCKFILE, LOCKFILE_CONTENT, MIGRATIONS_DIR, SCHEMA_PATH, SCHEMA_SNAPSHOT } from "./migration-files";

const HEADER = `
generator client {
  provider = "prisma-client"
  output   = "generated/client"
}

datasource db {
  provider = "postgresql"
}
`;

const APP_META = `
model AppMeta {
  key   String @id
  value String
  @@map("app_meta")
}
`;

const NOTE = `
model Note {
  id   Int    @id @default(autoincrement())
  body String
  @@map("note")
}
`;

const BASE = HEADER + APP_META;

describe("toMigrationName", () => {
  it.each([
    ["init", "init"],
    ["Add referrals", "add_referrals"],
    ["add-referrals", "add_referrals"],
    ["addReferrals", "add_referrals"],
    ["  add  case__notes ", "add_case_notes"],
    ["v2 indexes", "v2_indexes"],
  ])("turns %j into %j", (input, expected) => {
    expect(toMigrationName(input)).toBe(expected);
  });

  it.each([
    ["", /Give the migration a name/],
    ["   ", /Give the migration a name/],
    ["../escape", /may contain only letters/],
    ["a/b", /may contain only letters/],
    ["drop;table", /may contain only letters/],
    ["café", /may contain only letters/],
    ["---", /no letters or digits/],
    ["x".repeat(101), /keep it under 100/],
  ])("rejects %j", (input, message) => {
    expect(() => toMigrationName(input)).toThrow(message);
  });
});

describe("formatMigrationTimestamp", () => {
  it("writes the UTC time as YYYYMMDDHHMMSS, as Prisma names migration folders", () => {
    expect(formatMigrationTimestamp(new Date("2026-03-09T07:05:04.999+01:00"))).toBe("20260309060504");
  });
});

describe("diffSchemas", () => {
  it("creates every table when there is no previous schema", async () => {
    const script = await diffSchemas(null, BASE);
    expect(script).toContain('CREATE TABLE "app_meta"');
  });

  it("returns null when the schemas describe the same database", async () => {
    expect(await diffSchemas(BASE, BASE)).toBeNull();
  });

  it("returns null when only comments and the generator block change", async () => {
    const reworded = `// A comment\n${BASE.replace('output   = "generated/client"', 'output   = "elsewhere"')}`;
    expect(await diffSchemas(BASE, reworded)).toBeNull();
  });

  it("creates the table of an added model and nothing else", async () => {
    const script = await diffSchemas(BASE, BASE + NOTE);
    expect(script).toContain('CREATE TABLE "note"');
    expect(script).not.toContain('"app_meta"');
  });

  it("alters the table of a model that gains a field", async () => {
    const withField = BASE.replace("value String", "value String\n  notes String?");
    const script = await diffSchemas(BASE, withField);
    expect(script).toMatch(/ALTER TABLE "app_meta" ADD COLUMN\s+"notes" TEXT/);
  });

  it("reports an invalid schema instead of writing SQL", async () => {
    await expect(diffSchemas(BASE, `${BASE}\nmodel Broken {\n  id Nope @id\n}\n`)).rejects.toThrow(/Nope/);
  });
});

describe("createMigration", () => {
  let folder: string;
  let migrationsDir: string;
  let schemaPath: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "psu-create-migration-"));
    migrationsDir = join(folder, "migrations");
    schemaPath = join(folder, "schema.prisma");
    await writeFile(schemaPath, BASE);
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("writes the first migration, the schema snapshot and Prisma's lock file", async () => {
    const result = await createMigration({
      name: "init",
      now: new Date("2026-01-02T03:04:05Z"),
      migrationsDir,
      schemaPath,
    });

    expect(result).toEqual({
      status: "created",
      migrationName: "20260102030405_init",
      migrationPath: join(migrationsDir, "20260102030405_init"),
    });
    expect(await readFile(join(migrationsDir, "20260102030405_init", "migration.sql"), "utf8")).toContain(
      'CREATE TABLE "app_meta"',
    );
    expect(await readFile(join(migrationsDir, SCHEMA_SNAPSHOT), "utf8")).toBe(BASE);
    expect(await readFile(join(migrationsDir, LOCKFILE), "utf8")).toBe(LOCKFILE_CONTENT);
  });

  it("diffs the next migration against the snapshot, not against an empty database", async () => {
    await createMigration({ name: "init", now: new Date("2026-01-02T03:04:05Z"), migrationsDir, schemaPath });
    await writeFile(schemaPath, BASE + NOTE);

    const result = await createMigration({
      name: "add notes",
      now: new Date("2026-01-03T00:00:00Z"),
      migrationsDir,
      schemaPath,
    });

    expect(result.status).toBe("created");
    const script = await readFile(join(migrationsDir, "20260103000000_add_notes", "migration.sql"), "utf8");
    expect(script).toContain('CREATE TABLE "note"');
    expect(script).not.toContain('"app_meta"');
    expect(await readFile(join(migrationsDir, SCHEMA_SNAPSHOT), "utf8")).toBe(BASE + NOTE);
  });

  it("writes nothing when the schema has not changed since the last migration", async () => {
    await createMigration({ name: "init", now: new Date("2026-01-02T03:04:05Z"), migrationsDir, schemaPath });
    const before = await readdir(migrationsDir);

    const result = await createMigration({
      name: "again",
      now: new Date("2026-01-03T00:00:00Z"),
      migrationsDir,
      schemaPath,
    });

    expect(result).toEqual({ status: "unchanged" });
    expect(await readdir(migrationsDir)).toEqual(before);
  });

  it("refuses to guess when migrations exist but the snapshot is missing", async () => {
    await mkdir(join(migrationsDir, "20250101000000_init"), { recursive: true });
    await writeFile(join(migrationsDir, "20250101000000_init", "migration.sql"), "-- old\n");

    await expect(createMigration({ name: "next", migrationsDir, schemaPath })).rejects.toThrow(
      /schema\.prisma\.snapshot is missing/,
    );
    expect(await readdir(migrationsDir)).toEqual(["20250101000000_init"]);
  });

  it("refuses a timestamp that would sort before the last migration", async () => {
    await createMigration({ name: "init", now: new Date("2026-01-02T03:04:05Z"), migrationsDir, schemaPath });
    await writeFile(schemaPath, BASE + NOTE);

    await expect(
      createMigration({ name: "add notes", now: new Date("2025-12-31T00:00:00Z"), migrationsDir, schemaPath }),
    ).rejects.toThrow(/clock behind/);
  });

  it("checks the name before touching the file system", async () => {
    await expect(createMigration({ name: "../x", migrationsDir, schemaPath })).rejects.toThrow(/may contain only/);
    expect(existsSync(migrationsDir)).toBe(false);
  });
});

describe("the committed migrations", () => {
  it("cover every change in schema.prisma (run `pnpm db:migrate -- <name>` if this fails)", async () => {
    const snapshot = await readFile(join(MIGRATIONS_DIR, SCHEMA_SNAPSHOT), "utf8");
    const current = await readFile(SCHEMA_PATH, "utf8");
    expect(await diffSchemas(snapshot, current)).toBeNull();
  });
});
