import { createPrismaClient } from "@psu/prisma";
import { describe, expect, it } from "vitest";
import { buildApp } from "./app";
import { parseConfig } from "./config/env";
import { loadServerSecret } from "./security/server-secret";
import { buildTestApp, useTestApp } from "./test/build-test-app";

const testApp = useTestApp();

describe("health", () => {
  it("says the process is alive", async () => {
    const response = await testApp.app.inject({ method: "GET", url: "/api/health/live" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
  });

  it("is ready when the database answers", async () => {
    const response = await testApp.app.inject({ method: "GET", url: "/api/health/ready" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
  });

  it("is not ready when the database cannot be reached", async () => {
    // Nothing listens on port 1: the ping fails fast.
    const url = "postgresql://nobody:nothing@127.0.0.1:1/none";
    const config = parseConfig({ NODE_ENV: "test", DATABASE_URL: url });
    const serverSecret = await loadServerSecret(config.serverSecret);
    const app = await buildApp({ config, serverSecret, prisma: createPrismaClient(url) });
    const response = await app.inject({ method: "GET", url: "/api/health/ready" });
    await app.close();
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({
      error: { code: "SERVICE_UNAVAILABLE", message: "The database is not reachable." },
    });
  });
});

describe("catalogue", () => {
  it("lists every service with its access route", async () => {
    const response = await testApp.app.inject({ method: "GET", url: "/api/services" });
    expect(response.statusCode).toBe(200);
    const ids = response.json().services.map((service: { id: string }) => service.id);
    expect(ids).toContain("spoc");
    expect(ids).toContain("wellbeing_resources");
    expect(ids).toContain("differential_attainment");
    expect(ids).toHaveLength(12);
  });

  it("filters services by group, leaving mental health services to doctors and dentists", async () => {
    const pharmacy = await testApp.app.inject({ method: "GET", url: "/api/services?group=pharmacy" });
    const doctors = await testApp.app.inject({ method: "GET", url: "/api/services?group=doctor_or_dentist" });
    const ids = (body: { services: { id: string }[] }) => body.services.map((service) => service.id);
    expect(ids(pharmacy.json())).not.toContain("mental_health");
    expect(ids(doctors.json())).toContain("mental_health");
  });

  it("lists the crisis contacts, Samaritans among them", async () => {
    const response = await testApp.app.inject({ method: "GET", url: "/api/crisis-contacts" });
    expect(response.statusCode).toBe(200);
    expect(response.json().contacts).toContainEqual(
      expect.objectContaining({ name: "Samaritans", channels: [{ kind: "phone", number: "116 123" }] }),
    );
  });
});

describe("errors", () => {
  it("answers an unknown API route with 404 in the error shape", async () => {
    const response = await testApp.app.inject({ method: "GET", url: "/api/nothing-here?email=a@b.c" });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: "NOT_FOUND", message: "There is nothing at GET /api/nothing-here." },
    });
  });

  it("answers a bad query parameter with 400 naming it", async () => {
    const response = await testApp.app.inject({ method: "GET", url: "/api/services?group=astronaut" });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.fields).toEqual([{ field: "group", message: expect.any(String) }]);
    expect(body.error.message).toContain("group");
  });

  it("hides the details of an unexpected failure", async () => {
    const { app, close } = await buildTestApp();
    app.get("/api/test/explode", async () => {
      throw new Error("secret detail: jane@example.com");
    });
    const response = await app.inject({ method: "GET", url: "/api/test/explode" });
    await close();
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: "INTERNAL_ERROR", message: "Something went wrong on our side. Try again later." },
    });
    expect(response.body).not.toContain("secret");
  });

  it("answers a body that is not JSON with 400 in the error shape", async () => {
    const { app, close } = await buildTestApp();
    app.post("/api/test/echo", async (request) => request.body);
    const response = await app.inject({
      method: "POST",
      url: "/api/test/echo",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    await close();
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("BAD_REQUEST");
  });
});

describe("security headers", () => {
  it("sends a strict content security policy and keeps API answers out of caches", async () => {
    const response = await testApp.app.inject({ method: "GET", url: "/api/health/live" });
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("no-referrer");
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  it.each([
    ["a route", "/api/health/live"],
    ["an unknown path", "/api/no-such-thing"],
    ["a page of the web app", "/"],
  ])("sends every header, exactly, on %s", async (_what, url) => {
    const response = await testApp.app.inject({ method: "GET", url });
    expect(response.headers).toMatchObject({
      "content-security-policy":
        "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-resource-policy": "same-origin",
      "origin-agent-cluster": "?1",
      "referrer-policy": "no-referrer",
      "strict-transport-security": "max-age=31536000; includeSubDomains",
      "x-content-type-options": "nosniff",
      "x-frame-options": "SAMEORIGIN",
      "x-permitted-cross-domain-policies": "none",
      "x-xss-protection": "0",
      "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    });
  });
});

describe("shutdown", () => {
  it("fails readiness and refuses new requests with 503 once shutdown has begun", async () => {
    const { app, close } = await buildTestApp();
    app.beginShutdown();
    const ready = await app.inject({ method: "GET", url: "/api/health/ready" });
    const services = await app.inject({ method: "GET", url: "/api/services" });
    const live = await app.inject({ method: "GET", url: "/api/health/live" });
    await close();
    expect(ready.statusCode).toBe(503);
    expect(services.statusCode).toBe(503);
    expect(services.json().error.code).toBe("SERVICE_UNAVAILABLE");
    expect(live.statusCode).toBe(200);
  });
});

describe("API documentation", () => {
  it("serves OpenAPI generated from the route schemas, the eligibility contract included", async () => {
    const response = await testApp.app.inject({ method: "GET", url: "/api/docs" });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    const eligibility = document.paths["/api/eligibility"].post;
    expect(eligibility.responses["200"]).toBeDefined();
    expect(JSON.stringify(eligibility.requestBody)).toContain("trainingEndedOn");
    expect(document.paths["/api/services"].get.parameters).toContainEqual(
      expect.objectContaining({ name: "group", in: "query" }),
    );
  });
});
