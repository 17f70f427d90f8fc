import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";

// Vite names built files with a content hash, so they can be cached for good.
const HASHED_ASSET = /\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.(js|css|woff2?|svg|png)$/;

/** True when the built web app exists in this folder. */
export function hasWebApp(distDir: string): boolean {
  return existsSync(join(distDir, "index.html"));
}

/** Serves the built single-page app: its files, and index.html for its client-side routes. */
export const webAppPlugin = fp<{ distDir: string }>(async (app: FastifyInstance, options) => {
  await app.register(fastifyStatic, {
    root: options.distDir,
    wildcard: true,
    index: false,
    // Vite's build manifest lists source paths: nothing a browser needs, so it is not served.
    allowedPath: (pathName) => !pathName.startsWith("/.vite/"),
    setHeaders(reply, path) {
      reply.header(
        "cache-control",
        HASHED_ASSET.test(path) ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate",
      );
    },
  });
  app.get("/", { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
});

function sendIndex(reply: FastifyReply): FastifyReply {
  return reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").sendFile("index.html");
}

/** A browser asking for a page of the app (not the API, not a file) gets index.html. */
export function isWebAppPage(request: FastifyRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const path = request.url.split("?")[0] ?? "";
  return !path.startsWith("/api/") && path !== "/api" && !/\.[a-z0-9]+$/i.test(path);
}

export { sendIndex as sendWebAppIndex };
