import { ErrorBodySchema, type ErrorCode, type FieldError } from "@psu/domain";
import type { z } from "zod";
import { recordApiAnswer } from "./staff-activity";

/** The API's own error codes, and the three the client gives a failure that never reached one. */
export type ApiErrorCode = ErrorCode | "NETWORK_ERROR" | "UNEXPECTED_RESPONSE" | "INVALID_RESPONSE";

type ApiErrorInit = {
  status: number;
  code: ApiErrorCode;
  message: string;
  fields?: readonly FieldError[] | undefined;
  cause?: unknown;
};

/**
 * Any failed API call: the server's own error (its status and code), or one of ours:
 * NETWORK_ERROR (status 0: no answer), UNEXPECTED_RESPONSE (an error without the error shape),
 * INVALID_RESPONSE (a success whose body does not match the expected schema).
 */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  /** What went wrong: branch on this, never on the HTTP status. */
  readonly code: ApiErrorCode;
  /** The invalid fields, in the order the server listed them (empty when none). */
  readonly fields: readonly FieldError[];

  constructor({ status, code, message, fields, cause }: ApiErrorInit) {
    super(message, { cause });
    this.status = status;
    this.code = code;
    this.fields = fields ?? [];
  }
}

export type FetchJsonOptions = Omit<RequestInit, "body"> & {
  /** A value to send as the JSON request body. */
  json?: unknown;
};

/** Sends a request to the API; an unreachable service is a NETWORK_ERROR ApiError. */
async function send(path: string, options: FetchJsonOptions, accept: string): Promise<Response> {
  const { json, headers: initHeaders, ...init } = options;
  const headers = new Headers(initHeaders);
  headers.set("Accept", accept);
  if (json !== undefined) headers.set("Content-Type", "application/json");
  try {
    const response = await fetch(path, {
      ...init,
      headers,
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    // The idle timeout's clock: a staff request the server answered kept the session alive.
    recordApiAnswer(path, response.status);
    return response;
  } catch (error) {
    // A cancelled request is not a failure: rethrow it so react-query can tell the difference.
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError({ status: 0, code: "NETWORK_ERROR", message: "The service could not be reached", cause: error });
  }
}

/** The API's error for a failed response: its own error shape, parsed, or UNEXPECTED_RESPONSE. */
function toApiError(response: Response, body: unknown): ApiError {
  const errorBody = ErrorBodySchema.safeParse(body);
  if (errorBody.success) return new ApiError({ status: response.status, ...errorBody.data.error });
  return new ApiError({
    status: response.status,
    code: "UNEXPECTED_RESPONSE",
    message: `The service answered with status ${response.status}`,
  });
}

/** Calls the API and parses the answer with `schema`; throws ApiError for any failure. */
export async function fetchJson<T>(path: string, schema: z.ZodType<T>, options: FetchJsonOptions = {}): Promise<T> {
  const response = await send(path, options, "application/json");
  const body = await readBody(response);
  if (!response.ok) throw toApiError(response, body);

  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: "INVALID_RESPONSE",
      message: `The answer from ${path} was not in the expected form`,
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** Calls the API for a file to save: its contents and the name the server gave it. */
export async function fetchDownload(
  path: string,
  options: FetchJsonOptions = {},
): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await send(path, options, "*/*");
  if (!response.ok) throw toApiError(response, await readBody(response));
  const disposition = response.headers.get("content-disposition") ?? "";
  return { blob: await response.blob(), fileName: /filename="([^"]+)"/.exec(disposition)?.[1] ?? null };
}

/** Whether a failure is an ApiError with one of these codes. */
export function hasErrorCode(error: unknown, ...codes: readonly ApiErrorCode[]): error is ApiError {
  return error instanceof ApiError && codes.includes(error.code);
}

/** The parsed JSON body; undefined when empty or not JSON (the schemas then reject it). */
async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
