import { describe, expect, it } from "vitest";
import { listConfigProblems } from "../test/config-problems";
import { parseConfig } from "./env";

const TOKEN = "0123456789abcdef0123456789abcdef";

describe("METRICS_TOKEN", () => {
  it("is unset by default, and empty counts as unset: no /metrics route", () => {
    expect(parseConfig({}).metricsToken).toBeNull();
    expect(parseConfig({ METRICS_TOKEN: "" }).metricsToken).toBeNull();
  });

  it("is taken as given when it is at least 32 printable characters", () => {
    expect(parseConfig({ METRICS_TOKEN: TOKEN }).metricsToken).toBe(TOKEN);
  });

  it.each([
    ["one character short", TOKEN.slice(1), "METRICS_TOKEN: must be at least 32 characters"],
    ["with a space", `${TOKEN} ${TOKEN}`, "METRICS_TOKEN: must be printable ASCII with no spaces"],
    ["with a character outside ASCII", `${TOKEN}é`, "METRICS_TOKEN: must be printable ASCII with no spaces"],
  ])("is refused %s, naming the variable and never echoing the value", (_case, value, problem) => {
    const problems = listConfigProblems({ METRICS_TOKEN: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
    expect(problems[0]).not.toContain(value);
    expect(problems[0]).not.toContain(TOKEN.slice(4, 20));
  });
});
