import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../config/env";
import { createKeyedHash, loadServerSecret } from "./server-secret";

let folder: string | undefined;
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
  folder = undefined;
});

describe("the server secret", () => {
  it("is made once for the embedded default, kept readable by its owner only, and read back", async () => {
    folder = await mkdtemp(join(tmpdir(), "psu-secret-"));
    const config = parseConfig({ DATA_DIR: folder });
    expect(config.serverSecret).toEqual({ kind: "kept", file: join(folder, "server-secret") });
    const first = await loadServerSecret(config.serverSecret);
    const second = await loadServerSecret(config.serverSecret);
    expect(first).toHaveLength(64);
    expect(second).toBe(first);
    expect((await stat(join(folder, "server-secret"))).mode & 0o777).toBe(0o600);
  });

  it("gives two copies starting at once the same secret", async () => {
    folder = await mkdtemp(join(tmpdir(), "psu-secret-"));
    const source = { kind: "kept", file: join(folder, "nested", "server-secret") } as const;
    const secrets = await Promise.all([loadServerSecret(source), loadServerSecret(source)]);
    expect(secrets[1]).toBe(secrets[0]);
  });

  it("is required with DATABASE_URL outside tests, and must be long enough", () => {
    const url = "postgresql://app@db.internal/psu";
    expect(() => parseConfig({ NODE_ENV: "production", DATABASE_URL: url })).toThrow(/SERVER_SECRET: required/);
    expect(() => parseConfig({ DATABASE_URL: url, SERVER_SECRET: "short" })).toThrow(
      /SERVER_SECRET: must be at least 32/,
    );
    const given = "x".repeat(40);
    expect(parseConfig({ NODE_ENV: "production", DATABASE_URL: url, SERVER_SECRET: given }).serverSecret).toEqual({
      kind: "given",
      value: given,
    });
  });
});

describe("createKeyedHash", () => {
  const hash = createKeyedHash("a".repeat(32));

  it("is stable for one scope and value, and differs by scope and by secret", () => {
    expect(hash("ip", "192.0.2.1")).toBe(hash("ip", "192.0.2.1"));
    expect(hash("ip", "192.0.2.1")).not.toBe(hash("email", "192.0.2.1"));
    expect(createKeyedHash("b".repeat(32))("ip", "192.0.2.1")).not.toBe(hash("ip", "192.0.2.1"));
    // The scope and value are separated, so moving characters between them changes the hash.
    expect(hash("ab", "c")).not.toBe(hash("a", "bc"));
  });

  it("refuses a short secret", () => {
    expect(() => createKeyedHash("short")).toThrow(RangeError);
  });
});
