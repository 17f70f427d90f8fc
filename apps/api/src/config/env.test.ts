import { availableParallelism } from "node:os";
import { describe, expect, it, vi } from "vitest";
import { ConfigError, parseConfig, parseConfigOrReport } from "./env";

describe("parseConfig", () => {
  it("uses the embedded database and port 3000 when nothing is set", () => {
    const config = parseConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toMatchObject({ kind: "embedded", port: 54_329 });
    expect(config.database.kind === "embedded" && config.database.dataDir).toMatch(/\.data\/postgres$/);
  });

  it("uses DATABASE_URL when it is set", () => {
    const secret = "s".repeat(40);
    const config = parseConfig({ DATABASE_URL: "postgresql://app:secret@db.internal:5432/psu", SERVER_SECRET: secret });
    expect(config.database).toEqual({ kind: "external", url: "postgresql://app:secret@db.internal:5432/psu" });
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseConfig({ DATABASE_URL: "" }).database.kind).toBe("embedded");
  });

  it("lists every problem at once and never echoes the values", () => {
    let caught: unknown;
    try {
      parseConfig({ PORT: "eighty", DATABASE_URL: "mysql://root:hunter2@x/db", LOG_LEVEL: "loud" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems.map((problem) => problem.split(":")[0])).toEqual(["PORT", "LOG_LEVEL", "DATABASE_URL"]);
    expect((caught as ConfigError).message).not.toContain("hunter2");
  });

  it("keeps closed cases 72 months (6 years) unless RETENTION_MONTHS says otherwise", () => {
    expect(parseConfig({}).retentionMonths).toBe(72);
    expect(parseConfig({ RETENTION_MONTHS: "84" }).retentionMonths).toBe(84);
  });

  it.each(["0", "-3", "six", "1.5"])("refuses RETENTION_MONTHS=%s, naming the variable", (value) => {
    expect(() => parseConfig({ RETENTION_MONTHS: value })).toThrow(/RETENTION_MONTHS: /);
  });

  it("runs one server process unless WORKERS says how many, or auto for one per core", () => {
    expect(parseConfig({}).workers).toBe(1);
    expect(parseConfig({ WORKERS: "4" }).workers).toBe(4);
    expect(parseConfig({ WORKERS: "auto" }).workers).toBe(availableParallelism());
  });

  it.each(["0", "65", "two", "1.5"])("refuses WORKERS=%s, naming the variable", (value) => {
    expect(() => parseConfig({ WORKERS: value })).toThrow(/WORKERS: must be a whole number from 1 to 64, or "auto"/);
  });

  it.each([
    [undefined, { kind: "none" }],
    ["false", { kind: "none" }],
    ["1", { kind: "hops", count: 1 }],
    ["2", { kind: "hops", count: 2 }],
    ["10.0.0.0/8", { kind: "addresses", addresses: ["10.0.0.0/8"] }],
    ["10.0.0.5, 192.168.1.0/24,fd00::/8", { kind: "addresses", addresses: ["10.0.0.5", "192.168.1.0/24", "fd00::/8"] }],
    ["loopback", { kind: "addresses", addresses: ["loopback"] }],
  ])("reads TRUST_PROXY=%s", (value, expected) => {
    expect(parseConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it("refuses TRUST_PROXY=true, saying to give a hop count or a list", () => {
    expect(() => parseConfig({ TRUST_PROXY: "true" })).toThrow(
      /TRUST_PROXY: must not be "true".*number of proxies.*list/,
    );
  });

  it.each(["yes", "11", "-1", "1.5", "10.0.0.0/33", "10.0.0", "example.com", "10.0.0.1,", "::1/129"])(
    "refuses TRUST_PROXY=%s, naming the variable",
    (value) => {
      expect(() => parseConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY: /);
    },
  );
});

describe("PUBLIC_URL, the start of links in emails", () => {
  it("defaults to this machine's port, and drops a trailing slash", () => {
    expect(parseConfig({ PORT: "3202" }).publicUrl).toBe("http://localhost:3202");
    expect(parseConfig({ PUBLIC_URL: "https://psu.example.nhs.uk/" }).publicUrl).toBe("https://psu.example.nhs.uk");
  });

  it.each(["psu.example.nhs.uk", "ftp://psu.example.nhs.uk", "javascript:alert(1)"])(
    "refuses PUBLIC_URL=%s, naming the variable",
    (value) => {
      expect(() => parseConfig({ PUBLIC_URL: value })).toThrow(/PUBLIC_URL: /);
    },
  );
});

describe("parseConfigOrReport", () => {
  it("prints an invalid configuration's problems and answers null, so the process exits with 1", () => {
    const printed = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(parseConfigOrReport({ PORT: "eighty" })).toBeNull();
      expect(printed).toHaveBeenCalledExactlyOnceWith(
        expect.stringMatching(/^The configuration is not valid:\n {2}- PORT: /),
      );
      expect(parseConfigOrReport({})?.port).toBe(3000);
      expect(printed).toHaveBeenCalledTimes(1);
    } finally {
      printed.mockRestore();
    }
  });
});
