import { describe, expect, it } from "vitest";
import { listConfigProblems } from "../test/config-problems";
import { parseConfig } from "./env";

const SECRET = { SERVER_SECRET: "s".repeat(40) };
const RUNTIME_URL = "postgresql://psu_app:pw-1@db.internal:5432/psu";
const OWNER_URL = "postgresql://psu_owner:pw-2@db.internal:5432/psu";

describe("DATABASE_MIGRATION_URL", () => {
  it("names the owner that migrates, and the runtime role DATABASE_URL's user, which it grants", () => {
    expect(parseConfig({ ...SECRET, DATABASE_URL: RUNTIME_URL, DATABASE_MIGRATION_URL: OWNER_URL }).database).toEqual({
      kind: "external",
      url: RUNTIME_URL,
      migration: { url: OWNER_URL, runtimeRole: "psu_app" },
    });
  });

  it("is optional: without it the app migrates as DATABASE_URL's role", () => {
    expect(parseConfig({ ...SECRET, DATABASE_URL: RUNTIME_URL, DATABASE_MIGRATION_URL: "" }).database).toEqual({
      kind: "external",
      url: RUNTIME_URL,
    });
  });

  it.each([
    [{ DATABASE_MIGRATION_URL: OWNER_URL }, "DATABASE_MIGRATION_URL: only with DATABASE_URL"],
    [
      { DATABASE_URL: RUNTIME_URL, DATABASE_MIGRATION_URL: "mysql://x@db/psu" },
      "DATABASE_MIGRATION_URL: must be a postgresql:// URL",
    ],
    [
      { DATABASE_URL: RUNTIME_URL, DATABASE_MIGRATION_URL: "postgresql://psu_app:pw-3@db.internal/psu" },
      "DATABASE_MIGRATION_URL: must name another role than DATABASE_URL",
    ],
    [
      { DATABASE_URL: "postgresql://db.internal/psu", DATABASE_MIGRATION_URL: OWNER_URL },
      "DATABASE_URL: name the runtime role",
    ],
  ])("refuses %j", (env, problem) => {
    const problems = listConfigProblems({ ...SECRET, ...env });
    expect(problems.join("\n")).toContain(problem);
    // Never echoes a password.
    expect(problems.join("\n")).not.toMatch(/pw-\d/);
  });
});
