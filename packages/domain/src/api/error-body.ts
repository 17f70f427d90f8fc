import { z } from "zod";

/** One invalid field: a dotted path into the request (`concerns.0`, or `body`) and what is wrong. */
export const FieldErrorSchema = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldErrorSchema>;

/**
 * Every code an API error can carry, shared by both apps: the API maps each to its HTTP status,
 * and the web app branches on the code (never on the status).
 */
export const ERROR_CODES = [
  "BAD_REQUEST",
  "VALIDATION_FAILED",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "CONFLICT",
  "PRECONDITION_FAILED",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "UNPROCESSABLE",
  "NOT_ELIGIBLE",
  "IDEMPOTENCY_KEY_REUSED",
  "PRECONDITION_REQUIRED",
  "TOO_MANY_REQUESTS",
  "INTERNAL_ERROR",
  "SERVICE_UNAVAILABLE",
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** The one shape every API error has, on every route; the web app parses it back. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    fields: z.array(FieldErrorSchema).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
