import { describe, expect, it } from "vitest";
import { parseConfig } from "../config/env";
import { firstAdminCommand, isLoopbackDemo, isLoopbackHost } from "./loopback-demo";

describe("a loopback address", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.1.2.3", true],
    ["localhost", true],
    ["LOCALHOST", true],
    ["::1", true],
    ["[::1]", true],
    ["0.0.0.0", false],
    ["::", false],
    ["10.0.0.5", false],
    ["192.168.1.10", false],
    ["::ffff:10.0.0.1", false],
    ["psu.example.nhs.uk", false],
    ["128.0.0.1", false],
  ])("%s is %s", (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe("the loopback-only demo", () => {
  it("is the embedded database on a loopback address, and nothing else", () => {
    expect(isLoopbackDemo(parseConfig({}))).toBe(true);
    expect(isLoopbackDemo(parseConfig({ HOST: "localhost" }))).toBe(true);
    expect(isLoopbackDemo(parseConfig({ HOST: "0.0.0.0" }))).toBe(false);
    expect(isLoopbackDemo(parseConfig({ HOST: "::" }))).toBe(false);
    const external = { DATABASE_URL: "postgresql://psu@127.0.0.1/psu", SERVER_SECRET: "x".repeat(40) };
    expect(isLoopbackDemo(parseConfig(external))).toBe(false);
  });
});

describe("the first-admin command", () => {
  it("reads the database password and the kept server secret from their files, printing neither", () => {
    const config = parseConfig({ DATA_DIR: "/srv/psu/.data", PUBLIC_URL: "https://psu.example.nhs.uk" });
    expect(firstAdminCommand(config, { dataDir: "/srv/psu/.data/postgres", port: 54329, name: "psu" })).toBe(
      'DATABASE_URL="postgresql://postgres:$(cat /srv/psu/.data/postgres-password)@127.0.0.1:54329/psu" ' +
        'SERVER_SECRET="$(cat /srv/psu/.data/server-secret)" PUBLIC_URL=https://psu.example.nhs.uk ' +
        'pnpm --filter @psu/api create-admin --email you@nhs.net --name "Your Name"',
    );
  });
});
