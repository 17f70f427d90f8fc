import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { useTestApp } from "../test/build-test-app";

// The OpenAPI document at /api/docs is generated from the routes' zod schemas; these tests
// make sure it is a valid document and that no API route is missing from it, whoever adds one.
let raw: unknown;
let document: OpenApiDocument;

// Routes that are deliberately not in the document: the document itself and the reference
// page's files (GET /api/docs/ is how printRoutes shows the plugin's "/" under the /api/docs prefix).
const UNDOCUMENTED = new Set(["/api/docs", "/api/docs/", "/api/docs/openapi.json", "/api/docs/assets/:name"]);
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

const OperationSchema = z.looseObject({
  summary: z.string().min(1),
  responses: z.record(
    z.string(),
    z.looseObject({
      description: z.string(),
      content: z.record(z.string(), z.object({ schema: z.record(z.string(), z.unknown()) })).optional(),
    }),
  ),
});
const OpenApiDocumentSchema = z.looseObject({
  openapi: z.string().regex(/^3\.\d+\.\d+$/),
  info: z.object({ title: z.string().min(1), version: z.string().min(1) }),
  paths: z.record(z.string(), z.partialRecord(z.enum(METHODS), OperationSchema)),
});
type OpenApiDocument = z.infer<typeof OpenApiDocumentSchema>;

/**
 * Every route the app serves, read from Fastify's own route tree (independent of the docs
 * plugin). printRoutes draws one fragment per line, four characters per level of nesting.
 */
function listRoutes(tree: string): { method: string; path: string }[] {
  const routes: { method: string; path: string }[] = [];
  const parents: string[] = [];
  for (const line of tree.split("\n")) {
    const match = /^([\s│├└─]*)(\S.*) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? "").length / 4;
    const path = (parents[depth - 1] ?? "") + (match[2] ?? "");
    parents[depth] = path;
    parents.length = depth + 1;
    for (const method of (match[3] ?? "").split(", ")) routes.push({ method, path });
  }
  return routes;
}

/** Fastify's `/cases/:caseId` is OpenAPI's `/cases/{caseId}`. */
const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, "{$1}");

const testApp = useTestApp();
beforeAll(async () => {
  const response = await testApp.app.inject({ method: "GET", url: "/api/docs/openapi.json" });
  expect(response.statusCode).toBe(200);
  raw = response.json();
  document = OpenApiDocumentSchema.parse(raw);
});

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3 document", async () => {
    const result = await new Validator().validate(z.record(z.string(), z.unknown()).parse(raw));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.each([
    ["no Accept header", {}],
    ["Accept: application/json", { accept: "application/json" }],
    ["Accept: */*", { accept: "*/*" }],
  ])("is also served at /api/docs as JSON to a client sending %s", async (_what, headers) => {
    const response = await testApp.app.inject({ method: "GET", url: "/api/docs", headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    expect(response.headers.vary).toBe("Accept");
    expect(response.json()).toEqual(raw);
  });

  it("documents every API route with a summary and a schema for its success response", async () => {
    const routes = listRoutes(testApp.app.printRoutes({ commonPrefix: false }))
      // HEAD routes are Fastify's automatic twins of GET routes.
      .filter(({ method, path }) => method !== "HEAD" && path.startsWith("/api/") && !UNDOCUMENTED.has(path));
    expect(routes.length).toBeGreaterThan(25);
    expect(routes).toContainEqual({ method: "POST", path: "/api/staff/cases/:caseId/assign" });

    const problems: string[] = [];
    for (const { method, path } of routes) {
      const operation = document.paths[toOpenApiPath(path)]?.[method.toLowerCase() as (typeof METHODS)[number]];
      if (!operation) {
        problems.push(`${method} ${path}: not in the document`);
        continue;
      }
      // A 303 is the success of a route that sends the browser on (single sign-on), with no body.
      const successes = Object.entries(operation.responses).filter(([status]) => /^(2\d\d|303)$/.test(status));
      const described = successes.some(([status, response]) =>
        status === "204" || status === "303" ? true : Boolean(response.content?.["application/json"]?.schema),
      );
      if (!described) problems.push(`${method} ${path}: no schema for a 2xx response`);
    }
    expect(problems).toEqual([]);
  });

  it("declares each path parameter of a documented route", () => {
    const problems: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      for (const [method, operation] of Object.entries(operations)) {
        const parameters = z
          .object({ parameters: z.array(z.object({ in: z.string(), name: z.string() })).default([]) })
          .parse(operation);
        for (const name of names) {
          if (!parameters.parameters.some((parameter) => parameter.in === "path" && parameter.name === name))
            problems.push(`${method.toUpperCase()} ${path}: path parameter ${name} not declared`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

describe("the API reference page at /api/docs", () => {
  const openPage = () => testApp.app.inject({ method: "GET", url: "/api/docs", headers: { accept: BROWSER_ACCEPT } });
  const assetUrls = (html: string) => [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? "");

  it("is HTML for a browser, with a title and a language, pointing at the JSON document's own address", async () => {
    const response = await openPage();
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.headers.vary).toBe("Accept");
    expect(response.headers["cache-control"]).toBe("no-cache");
    expect(response.body).toMatch(/^<!doctype html>\s*<html lang="en">/);
    expect(response.body).toMatch(/<title>[^<]*API reference[^<]*<\/title>/);
    const initializer = assetUrls(response.body).find((url) => /\/api-docs\.[0-9a-f]+\.js$/.test(url));
    expect(initializer).toBeDefined();
    const script = await testApp.app.inject({ method: "GET", url: initializer ?? "" });
    expect(script.body).toContain('url: "/api/docs/openapi.json"');
  });

  it("is under the app's own Content Security Policy, with no inline script or style for it to block", async () => {
    const page = await openPage();
    const health = await testApp.app.inject({ method: "GET", url: "/api/health/live" });
    expect(page.headers["content-security-policy"]).toBe(
      "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
    );
    expect(page.headers["content-security-policy"]).toBe(health.headers["content-security-policy"]);
    const scripts = [...page.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes = "", content = ""] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/api\/docs\/assets\//);
      expect(content.trim()).toBe("");
    }
    expect(page.body).not.toMatch(/<style\b/i);
    expect(page.body).not.toMatch(/\sstyle=/i);
    expect(page.body).not.toMatch(/\son[a-z]+=/i);
    // Everything it loads comes from this app.
    expect(assetUrls(page.body).every((url) => url.startsWith("/api/docs/assets/"))).toBe(true);
  });

  it("loads files that answer with the right type, cached for good under names that change with them", async () => {
    const urls = assetUrls((await openPage()).body);
    const types = await Promise.all(
      urls.map(async (url) => {
        const response = await testApp.app.inject({ method: "GET", url, headers: { "accept-encoding": "identity" } });
        expect(response.statusCode, url).toBe(200);
        expect(response.headers["cache-control"], url).toBe("public, max-age=31536000, immutable");
        expect(response.headers["content-encoding"], url).toBeUndefined();
        expect(response.rawPayload.length, url).toBeGreaterThan(0);
        return [url.replace(/\.[0-9a-f]{16}\./, "."), response.headers["content-type"]];
      }),
    );
    expect(Object.fromEntries(types)).toEqual({
      "/api/docs/assets/favicon-32x32.png": "image/png",
      "/api/docs/assets/swagger-ui.css": "text/css; charset=utf-8",
      "/api/docs/assets/api-docs.css": "text/css; charset=utf-8",
      "/api/docs/assets/swagger-ui-bundle.js": "text/javascript; charset=utf-8",
      "/api/docs/assets/api-docs.js": "text/javascript; charset=utf-8",
    });
  });

  it("sends Swagger UI's script compressed, brotli or gzip as the browser accepts", async () => {
    const url = assetUrls((await openPage()).body).find((candidate) => candidate.includes("/swagger-ui-bundle."));
    const plain = await testApp.app.inject({ method: "GET", url: url ?? "" });
    const brotli = await testApp.app.inject({
      method: "GET",
      url: url ?? "",
      headers: { "accept-encoding": "gzip, br" },
    });
    const gzip = await testApp.app.inject({ method: "GET", url: url ?? "", headers: { "accept-encoding": "gzip" } });
    expect(plain.rawPayload.length).toBeGreaterThan(1_000_000);
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotli.headers.vary).toBe("Accept-Encoding");
    expect(brotli.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(brotliDecompressSync(brotli.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.rawPayload).equals(plain.rawPayload)).toBe(true);
  });

  it("answers 404 in the error shape for a file it does not have", async () => {
    const response = await testApp.app.inject({ method: "GET", url: "/api/docs/assets/swagger-ui-bundle.js" });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("NOT_FOUND");
  });
});
