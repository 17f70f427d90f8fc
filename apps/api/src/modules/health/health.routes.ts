import { ErrorBodySchema } from "@psu/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { checkReadiness } from "./health.service";

const HealthSchema = z.object({ status: z.literal("ok") });

/** Liveness says the process answers; readiness says it can do useful work (database reachable). */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/live",
    { schema: { summary: "The process is alive", tags: ["health"], response: { 200: HealthSchema } } },
    async () => ({ status: "ok" as const }),
  );

  app.get(
    "/ready",
    {
      schema: {
        summary: "The service can take traffic (database reachable, not shutting down)",
        tags: ["health"],
        response: { 200: HealthSchema, 503: ErrorBodySchema },
      },
    },
    async () => {
      await checkReadiness(app);
      return { status: "ok" as const };
    },
  );
};
