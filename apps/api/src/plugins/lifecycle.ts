import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { AppError } from "../errors/app-error";

declare module "fastify" {
  interface FastifyInstance {
    /** True once shutdown has begun: readiness fails and new requests get 503. */
    isShuttingDown: () => boolean;
    /** Marks the start of shutdown, before close() waits for in-flight requests. */
    beginShutdown: () => void;
    /** Resolves once no request is being answered (counting from the first byte, answers of 503 included). */
    requestsDrained: () => Promise<void>;
  }
}

/**
 * Tracks shutdown. Between beginShutdown() and close() the server keeps listening: readiness
 * fails so the load balancer stops sending traffic, anything that still arrives gets 503 in
 * the usual error shape (with Connection: close, so clients reconnect elsewhere), and the
 * requests already accepted finish. Then close() stops the listener and the pool.
 */
export const lifecyclePlugin = fp(async (app: FastifyInstance) => {
  let shuttingDown = false;
  let inFlight = 0;
  let waiters: (() => void)[] = [];

  const settle = () => {
    if (inFlight > 0) return;
    for (const resolve of waiters) resolve();
    waiters = [];
  };
  // On the raw server, so a request counts from its first byte, before any hook runs.
  app.server.on("request", (_request, response) => {
    inFlight++;
    response.once("close", () => {
      inFlight--;
      settle();
    });
  });

  app.decorate("isShuttingDown", () => shuttingDown);
  app.decorate("beginShutdown", () => {
    shuttingDown = true;
  });
  app.decorate(
    "requestsDrained",
    () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        settle();
      }),
  );
  app.addHook("preClose", async () => {
    shuttingDown = true;
  });
  app.addHook("onRequest", async (request, reply) => {
    if (shuttingDown && request.routeOptions.url !== "/api/health/live") {
      reply.header("connection", "close");
      throw new AppError("SERVICE_UNAVAILABLE", "The service is restarting. Try again in a moment.");
    }
  });
});
