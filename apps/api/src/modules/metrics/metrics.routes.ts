import { ErrorBodySchema } from "@psu/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors/app-error";
import { createBearerTokenCheck } from "./bearer-token";

export interface MetricsRoutesOptions {
  /** METRICS_TOKEN: the route exists only when it is set. */
  token: string;
  /** Every metric as Prometheus text; null when they could not all be gathered. */
  readMetrics: () => Promise<string | null>;
  contentType: string;
}

/**
 * GET /metrics for Prometheus, with `Authorization: Bearer <METRICS_TOKEN>` (decision 025).
 * Left out of the OpenAPI document: it is for the people running the service, and exists only
 * where they switched it on.
 */
export const metricsRoutes: FastifyPluginAsyncZod<MetricsRoutesOptions> = async (app, options) => {
  const hasToken = createBearerTokenCheck(options.token);

  app.get(
    "/metrics",
    { schema: { hide: true, response: { 200: z.string(), 401: ErrorBodySchema, 503: ErrorBodySchema } } },
    async (request, reply) => {
      if (!hasToken(request.headers.authorization)) {
        reply.header("www-authenticate", 'Bearer realm="metrics"');
        throw new AppError("UNAUTHENTICATED", "Send the metrics token as Authorization: Bearer <token>.");
      }
      const text = await options.readMetrics();
      if (text === null)
        throw new AppError("SERVICE_UNAVAILABLE", "The metrics could not be gathered from every worker. Try again.");
      return reply.header("content-type", options.contentType).header("cache-control", "no-store").send(text);
    },
  );
};
