import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createAppMetrics } from "./app-metrics";
import { createDatabaseMetrics } from "./database-metrics";

// docs/operations.md lists every metric, and the example alert rules use only metrics that exist.
const docs = join(import.meta.dirname, "../../../../../docs");
const operations = readFileSync(join(docs, "operations.md"), "utf8");
const alerts = readFileSync(join(docs, "alerts/psu-alerts.yml"), "utf8");

// Only the metrics' names are read: nothing is collected, so no database is needed.
const registries = [
  createAppMetrics({ poolUse: () => null }).processRegistry,
  createDatabaseMetrics({ prisma: {} as never, now: () => new Date() }),
];
const metrics = registries.flatMap((registry) => registry.getMetricsAsArray());
const names = new Set(metrics.map((metric) => metric.name));
const ours = [...names].filter((name) => !/^psu_(process|nodejs)_/.test(name));

describe("the metrics' documentation", () => {
  it.each(ours)("docs/operations.md describes %s", (name) => {
    expect(operations).toContain(`| \`${name}\``);
  });

  it("the example alert rules use only metrics the app exposes", () => {
    const used = new Set([...alerts.matchAll(/\bpsu_\w+/g)].map(([name]) => name.replace(/_(count|sum|bucket)$/, "")));
    expect(used.size).toBeGreaterThan(5);
    for (const name of used) expect(names, name).toContain(name);
  });
});
