import { describe, expect, it } from "vitest";
import { isPortOpen, stopServer, useEmbeddedServerFolder } from "./test/server-process";

// The real server process, as `npm start` runs it: embedded PostgreSQL, SIGTERM, restart.
const folder = useEmbeddedServerFolder("psu-server-test-");

describe("the server process", () => {
  it("starts on the embedded database, stops on SIGTERM with 0, and finds its data again", async () => {
    const first = await folder.start();
    const ready = await fetch(`${first.origin}/api/health/ready`);
    expect(ready.status).toBe(200);
    await folder.withDatabase((client) =>
      client.query("insert into app_meta (key, value) values ('restart-check', 'kept')"),
    );

    const firstStop = await stopServer(first);
    expect(firstStop.code).toBe(0);
    expect(firstStop.ms).toBeLessThan(5_000);
    expect(await isPortOpen(folder.postgresPort)).toBe(false);

    const second = await folder.start();
    expect(second.output()).toContain('"applied":0');
    const kept = await folder.withDatabase((client) =>
      client.query("select value from app_meta where key = 'restart-check'"),
    );
    expect(kept.rows).toEqual([{ value: "kept" }]);
    expect((await stopServer(second)).code).toBe(0);
  }, 90_000);
});
