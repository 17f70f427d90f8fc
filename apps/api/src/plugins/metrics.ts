import cluster from "node:cluster";
import { readPoolUse } from "@psu/prisma";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { createAppMetrics, type MetricsRecorder, NO_METRICS } from "../modules/metrics/app-metrics";
import { joinClusterMetrics } from "../modules/metrics/cluster-metrics";
import { createDatabaseMetrics } from "../modules/metrics/database-metrics";
import { metricsRoutes } from "../modules/metrics/metrics.routes";

declare module "fastify" {
  interface FastifyInstance {
    /** Counts for /metrics (modules/metrics): cheap, no I/O, and doing nothing when METRICS_TOKEN is unset. */
    metrics: MetricsRecorder;
  }
}

/**
 * Prometheus metrics (docs/operations.md, "Metrics"; decision 025). With METRICS_TOKEN unset
 * nothing is counted and GET /metrics does not exist. Registered after the database plugin and
 * before the routes, so that every route's requests are timed.
 */
export const metricsPlugin = fp<{ token: string | null }>(async (app: FastifyInstance, options) => {
  if (!options.token) {
    app.decorate("metrics", NO_METRICS);
    return;
  }
  const metrics = createAppMetrics({ poolUse: () => readPoolUse(app.prisma) });
  const databaseRegistry = createDatabaseMetrics({ prisma: app.prisma, now: app.now });
  // Under WORKERS this process's counts are summed with the other workers' (cluster-metrics.ts).
  const clusterMetrics = cluster.isWorker ? joinClusterMetrics(metrics.processRegistry) : null;
  app.decorate("metrics", metrics);

  app.addHook("onResponse", (request, reply, done) => {
    metrics.observeRequest({
      method: request.method,
      route: request.routeOptions.url,
      statusCode: reply.statusCode,
      seconds: reply.elapsedTime / 1000,
    });
    done();
  });
  app.addHook("onClose", async () => clusterMetrics?.stop());

  await app.register(metricsRoutes, {
    token: options.token,
    contentType: metrics.processRegistry.contentType,
    readMetrics: async () => {
      const own = clusterMetrics ? await clusterMetrics.scrape() : await metrics.processRegistry.metrics();
      return own === null ? null : own + (await databaseRegistry.metrics());
    },
  });
});
