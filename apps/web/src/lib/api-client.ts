import { ErrorBodySchema, type FieldError } from "@psu/domain";
import type { z } from "zod";

type ApiErrorInit = {
  status: number;
  code: string;
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
  readonly code: string;
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

/** Calls the API and parses the answer with `schema`; throws ApiError for any failure. */
export async function fetchJson<T>(path: string, schema: z.ZodType<T>, options: FetchJsonOptions = {}): Promise<T> {
  const { json, headers: initHeaders, ...init } = options;
  const headers = new Headers(initHeaders);
  headers.set("Accept", "application/json");
  if (json !== undefined) headers.set("Content-Type", "application/json");

  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers,
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
  } catch (error) {
    // A cancelled request is not a failure: rethrow it so react-query can tell the difference.
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError({ status: 0, code: "NETWORK_ERROR", message: "The service could not be reached", cause: error });
  }

  const body = await readBody(response);

  if (!response.ok) {
    const errorBody = ErrorBodySchema.safeParse(body);
    if (errorBody.success) throw new ApiError({ status: response.status, ...errorBody.data.error });
    throw new ApiError({
      status: response.status,
      code: "UNEXPECTED_RESPONSE",
      message: `The service answered with status ${response.status}`,
    });
  }

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
