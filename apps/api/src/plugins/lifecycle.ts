import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { AppError } from "../errors/app-error";

declare module "fastify" {
  interface FastifyInstance {
    /** True once shutdown has begun: readiness fails and new requests get 503. */
    isShuttingDown: () => boolean;
    /** Marks the start of shutdown, before close() waits for in-flight requests. */
    beginShutdown: () => void;
  }
}

/**
 * Tracks shutdown. Fastify's close() already lets in-flight requests finish; this makes the
 * load balancer see "not ready" and answers anything that still arrives with 503.
 */
export const lifecyclePlugin = fp(async (app: FastifyInstance) => {
  let shuttingDown = false;
  app.decorate("isShuttingDown", () => shuttingDown);
  app.decorate("beginShutdown", () => {
    shuttingDown = true;
  });
  app.addHook("preClose", async () => {
    shuttingDown = true;
  });
  app.addHook("onRequest", async (request) => {
    if (shuttingDown && !request.url.startsWith("/api/health/live")) {
      throw new AppError("SERVICE_UNAVAILABLE", "The service is restarting. Try again in a moment.");
    }
  });
});
