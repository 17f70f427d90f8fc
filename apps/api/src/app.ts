import type { PrismaClient } from "@psu/prisma";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "./config/env";
import { catalogueRoutes } from "./modules/catalogue/catalogue.routes";
import { eligibilityRoutes } from "./modules/eligibility/eligibility.routes";
import { healthRoutes } from "./modules/health/health.routes";
import { databasePlugin } from "./plugins/database";
import { errorHandlerPlugin, sendNotFound } from "./plugins/error-handler";
import { lifecyclePlugin } from "./plugins/lifecycle";
import { requestLoggingPlugin } from "./plugins/request-logging";
import { securityPlugin } from "./plugins/security";
import { hasWebApp, isWebAppPage, sendWebAppIndex, webAppPlugin } from "./plugins/web-app";

declare module "fastify" {
  interface FastifyInstance {
    /** The current time: every rule that depends on the date asks this, never `new Date()`. */
    now: () => Date;
  }
}

export interface AppOptions {
  config: Pick<Config, "webDistDir" | "trustProxy">;
  prisma: PrismaClient;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** The process logger (see logging/logger.ts); tests leave it out to stay quiet. */
  logger?: FastifyBaseLogger;
}

/** Builds the whole app (API and, when built, the web app) without listening: tests `inject` into it. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    // Fastify's own per-request lines include the URL as sent; ours log the route pattern.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: options.config.trustProxy,
    bodyLimit: 256 * 1024,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate("now", options.now ?? (() => new Date()));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorHandlerPlugin);
  await app.register(requestLoggingPlugin);
  await app.register(securityPlugin);
  await app.register(lifecyclePlugin);
  await app.register(databasePlugin, { prisma: options.prisma });

  await app.register(healthRoutes, { prefix: "/api/health" });
  await app.register(catalogueRoutes, { prefix: "/api" });
  await app.register(eligibilityRoutes, { prefix: "/api" });

  const servesWebApp = hasWebApp(options.config.webDistDir);
  if (servesWebApp) await app.register(webAppPlugin, { distDir: options.config.webDistDir });

  app.setNotFoundHandler((request, reply) =>
    servesWebApp && isWebAppPage(request) ? sendWebAppIndex(reply) : sendNotFound(request, reply),
  );

  return app;
}
