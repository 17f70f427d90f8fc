import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { useTestApp } from "../test/build-test-app";

// The OpenAPI document at /api/docs is generated from the routes' zod schemas; these tests
// make sure it is a valid document and that no API route is missing from it, whoever adds one.
let raw: unknown;
let document: OpenApiDocument;

// Routes that are deliberately not in the document: the document itself (GET /api/docs/ is
// how printRoutes shows the plugin's "/" under the /api/docs prefix).
const UNDOCUMENTED = new Set(["/api/docs", "/api/docs/", "/api/docs/openapi.json"]);
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

  it("is also served at /api/docs", async () => {
    const response = await testApp.app.inject({ method: "GET", url: "/api/docs" });
    expect(response.statusCode).toBe(200);
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
