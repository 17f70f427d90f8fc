import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/**
 * One log line per response with the route pattern (`/api/cases/:id`), never the URL as
 * sent: query strings and bodies can carry personal data, patterns cannot.
 */
export const requestLoggingPlugin = fp(async (app: FastifyInstance) => {
  app.addHook("onResponse", async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? "(no route)",
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      "request completed",
    );
  });
});
