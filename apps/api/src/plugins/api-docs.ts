import swagger from "@fastify/swagger";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { ASSETS_PATH, chooseEncoding, compressAsset, getDocsPage, prefersHtml } from "./api-docs-page";
import { sendNotFound } from "./error-handler";

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

/**
 * The OpenAPI document as JSON at /api/docs (and /api/docs/openapi.json for tools), and at
 * /api/docs the interactive reference for a browser that asks for HTML (decision 028).
 */
export async function apiDocsRoutes(app: FastifyInstance): Promise<void> {
  const document = () => app.swagger();
  app.get("/", { schema: { hide: true } }, async (request, reply) => {
    // The same address answers HTML or JSON by the Accept header: caches must keep them apart.
    reply.header("vary", "Accept").header("cache-control", "no-cache");
    if (!prefersHtml(request.headers.accept)) return reply.send(document());
    return reply.type("text/html; charset=utf-8").send(getDocsPage().html);
  });
  app.get("/openapi.json", { schema: { hide: true } }, async (_request, reply) =>
    reply.header("cache-control", "no-cache").send(document()),
  );
  app.get<{ Params: { name: string } }>(`${ASSETS_PATH}/:name`, { schema: { hide: true } }, async (request, reply) => {
    const asset = getDocsPage().assets.get(request.params.name);
    if (!asset) return sendNotFound(request, reply);
    // Each name carries a hash of its content: a new version is a new name.
    reply
      .type(asset.contentType)
      .header("cache-control", "public, max-age=31536000, immutable")
      .header("vary", "Accept-Encoding");
    const encoding = asset.contentType.startsWith("image/")
      ? undefined
      : chooseEncoding(request.headers["accept-encoding"]);
    if (!encoding) return reply.send(asset.body);
    return reply.header("content-encoding", encoding).send(await compressAsset(asset, encoding));
  });
}
