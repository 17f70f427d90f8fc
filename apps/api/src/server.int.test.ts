import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { embeddedDatabaseUrl, findFreePort } from "@psu/prisma";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPortOpen, startServer, stopServer } from "./test/server-process";

// The real server process, as `npm start` runs it: embedded PostgreSQL, SIGTERM, restart.
let dataRoot: string;
let port: number;
let postgresPort: number;

function start() {
  return startServer(port, {
    DATABASE_URL: "",
    DATA_DIR: dataRoot,
    EMBEDDED_POSTGRES_PORT: String(postgresPort),
    WEB_DIST_DIR: join(dataRoot, "no-web-app"),
  });
}

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = await embeddedDatabaseUrl({ dataDir: join(dataRoot, "postgres"), port: postgresPort, database: "psu" });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  dataRoot = await mkdtemp(join(tmpdir(), "psu-server-test-"));
  await chmod(dataRoot, 0o755);
  port = await findFreePort();
  postgresPort = await findFreePort();
});
afterAll(async () => {
  await rm(dataRoot, { recursive: true, force: true });
});

describe("the server process", () => {
  it("starts on the embedded database, stops on SIGTERM with 0, and finds its data again", async () => {
    const first = await start();
    const ready = await fetch(`${first.origin}/api/health/ready`);
    expect(ready.status).toBe(200);
    await withDatabase((client) => client.query("insert into app_meta (key, value) values ('restart-check', 'kept')"));

    const firstStop = await stopServer(first);
    expect(firstStop.code).toBe(0);
    expect(firstStop.ms).toBeLessThan(5_000);
    expect(await isPortOpen(postgresPort)).toBe(false);

    const second = await start();
    expect(second.output()).toContain('"applied":0');
    const kept = await withDatabase((client) => client.query("select value from app_meta where key = 'restart-check'"));
    expect(kept.rows).toEqual([{ value: "kept" }]);
    expect((await stopServer(second)).code).toBe(0);
  }, 90_000);
});
