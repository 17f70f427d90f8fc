import swagger from "@fastify/swagger";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

/**
 * OpenAPI generated from the same zod schemas the routes validate with, so the document cannot
 * drift from the code. Registered before the routes, so it sees them all.
 */
export const apiDocsPlugin = fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      info: {
        title: "PSU referrals API",
        description:
          "Referral and case management for the Professional Support Unit (London and KSS). " +
          "Errors always have the shape { error: { code, message, fields? } }.",
        version: "1.0.0",
      },
    },
    transform: jsonSchemaTransform,
  });
});

/** Serves the OpenAPI document as JSON at /api/docs (and /api/docs/openapi.json for tools). */
export async function apiDocsRoutes(app: FastifyInstance): Promise<void> {
  const document = () => app.swagger();
  app.get("/", { schema: { hide: true } }, async (_request, reply) =>
    reply.header("cache-control", "no-cache").send(document()),
  );
  app.get("/openapi.json", { schema: { hide: true } }, async (_request, reply) =>
    reply.header("cache-control", "no-cache").send(document()),
  );
}
