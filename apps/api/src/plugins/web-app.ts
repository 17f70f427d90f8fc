import { existsSync, readdirSync } from "node:fs";
import { join, sep } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyReply {
    /** Sends the web app's HTML for the page asked for: the page's own when the build made one, else index.html. */
    sendWebAppPage(): FastifyReply;
  }
}

// Vite names built files with a content hash, so they can be cached for good (and so can their
// compressed copies, `.br` and `.gz`).
const HASHED_ASSET = /\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.(js|css|woff2?|svg|png)(\.br|\.gz)?$/;

// The pages the web build wrote HTML of their own for (apps/web/vite-plugins/page-html.ts),
// prerendered or listing what they load: pages/index.html is "/", pages/<path>.html is "/<path>".
const PAGES_DIR = "pages";
// Not files a browser asks for by name: Vite's build manifest lists source paths, and a page's
// HTML belongs at the page's own address.
const NOT_SERVED = ["/.vite/", `/${PAGES_DIR}/`];

/** True when the built web app exists in this folder. */
export function hasWebApp(distDir: string): boolean {
  return existsSync(join(distDir, "index.html"));
}

/** Each page's path with the file of its own HTML, relative to the build's folder. */
function findPages(distDir: string): ReadonlyMap<string, string> {
  const folder = join(distDir, PAGES_DIR);
  if (!existsSync(folder)) return new Map();
  return new Map(
    readdirSync(folder, { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".html"))
      .map((name) => name.split(sep).join("/"))
      .map((name) => [name === "index.html" ? "/" : `/${name.slice(0, -".html".length)}`, `${PAGES_DIR}/${name}`]),
  );
}

/**
 * Serves the built single-page app: its files, each compressed with brotli or gzip at build when
 * the browser accepts it, and the HTML for its client-side routes.
 */
export const webAppPlugin = fp<{ distDir: string }>(async (app: FastifyInstance, options) => {
  const pages = findPages(options.distDir);
  await app.register(fastifyStatic, {
    root: options.distDir,
    wildcard: true,
    index: false,
    // `x.br` or `x.gz` beside `x` (apps/web/vite-plugins/precompress.ts), as the request's
    // Accept-Encoding allows, and `Vary: Accept-Encoding` on every file.
    preCompressed: true,
    // Addresses asked for start with "/"; the files sendWebAppPage picks do not, so they pass.
    allowedPath: (path) => !NOT_SERVED.some((folder) => path.startsWith(folder)),
    setHeaders(reply, path) {
      reply.header(
        "cache-control",
        HASHED_ASSET.test(path) ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate",
      );
    },
  });
  app.decorateReply("sendWebAppPage", function sendWebAppPage(this: FastifyReply) {
    const path = this.request.url.split("?")[0] ?? "";
    return this.sendFile(pages.get(path) ?? "index.html");
  });
  app.get("/", { schema: { hide: true } }, (_request, reply) => reply.sendWebAppPage());
});

/**
 * A browser asking for a page of the app (not the API, not a file) gets its HTML. /metrics is
 * never a page: with METRICS_TOKEN unset it is a plain 404, not the app's HTML with a 200.
 */
export function isWebAppPage(request: FastifyRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const path = request.url.split("?")[0] ?? "";
  return !path.startsWith("/api/") && path !== "/api" && path !== "/metrics" && !/\.[a-z0-9]+$/i.test(path);
}
