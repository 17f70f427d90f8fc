import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, fetchJson } from "./api-client";

const GreetingSchema = z.object({ greeting: z.string() });

function answerWith(status: number, body: string) {
  const fetchMock = vi.fn(async () => new Response(body, { status, headers: { "Content-Type": "application/json" } }));
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("fetchJson", () => {
  it("returns the body parsed by the schema", async () => {
    answerWith(200, JSON.stringify({ greeting: "hello", extra: "dropped" }));
    await expect(fetchJson("/api/greeting", GreetingSchema)).resolves.toEqual({ greeting: "hello" });
  });

  it("asks for JSON and sends a json option as the request body", async () => {
    const fetchMock = answerWith(200, JSON.stringify({ greeting: "hi" }));
    await fetchJson("/api/greeting", GreetingSchema, { method: "POST", json: { name: "Ada" } });
    const [path, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    const headers = new Headers(init.headers);
    expect(path).toBe("/api/greeting");
    expect(init.body).toBe('{"name":"Ada"}');
    expect(headers.get("Accept")).toBe("application/json");
    expect(headers.get("Content-Type")).toBe("application/json");
  });

  it("turns the API's error shape into an ApiError with its status, code and fields", async () => {
    answerWith(
      400,
      JSON.stringify({
        error: { code: "VALIDATION_FAILED", message: "Check", fields: [{ field: "band", message: "Choose a band" }] },
      }),
    );
    const error = await failureOf(fetchJson("/api/eligibility", GreetingSchema));
    expect(error).toMatchObject({
      status: 400,
      code: "VALIDATION_FAILED",
      message: "Check",
      fields: [{ field: "band", message: "Choose a band" }],
    });
  });

  it("reports an error answer without the error shape as UNEXPECTED_RESPONSE", async () => {
    answerWith(502, "<html>Bad gateway</html>");
    const error = await failureOf(fetchJson("/api/greeting", GreetingSchema));
    expect(error).toMatchObject({ status: 502, code: "UNEXPECTED_RESPONSE", fields: [] });
  });

  it("reports a success whose body does not match the schema as INVALID_RESPONSE", async () => {
    answerWith(200, JSON.stringify({ greeting: 42 }));
    const error = await failureOf(fetchJson("/api/greeting", GreetingSchema));
    expect(error).toMatchObject({ status: 200, code: "INVALID_RESPONSE" });
  });

  it("reports a request that never got an answer as NETWORK_ERROR", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    );
    const error = await failureOf(fetchJson("/api/greeting", GreetingSchema));
    expect(error).toMatchObject({ status: 0, code: "NETWORK_ERROR" });
  });

  it("lets a cancelled request through as the AbortError it is", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new DOMException("The operation was aborted", "AbortError");
      }),
    );
    await expect(fetchJson("/api/greeting", GreetingSchema)).rejects.toMatchObject({ name: "AbortError" });
  });
});
