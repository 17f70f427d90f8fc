import type { ErrorBody, FieldError } from "@psu/domain";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "../errors/app-error";
import { findDatabaseInputErrorCode } from "../errors/database-input-error";

function send(reply: FastifyReply, status: number, error: ErrorBody["error"]): FastifyReply {
  return reply.status(status).type("application/json; charset=utf-8").send({ error });
}

/** `/concerns/0` -> `concerns.0`; an empty path means the part as a whole (`body`). */
function toFieldName(instancePath: string, part: string | undefined): string {
  const path = instancePath.split("/").filter(Boolean).join(".");
  return path || part || "body";
}

function describeValidation(error: FastifyError & { validation: { instancePath: string; message?: string }[] }): {
  fields: FieldError[];
  message: string;
} {
  const part = error.validationContext;
  const fields = error.validation.map((issue) => ({
    field: toFieldName(issue.instancePath, part),
    message: issue.message ?? "is not valid",
  }));
  const names = [...new Set(fields.map((field) => field.field))];
  return { fields, message: `Check ${names.join(", ")}: ${fields[0]?.message ?? "not valid"}` };
}

// Fastify's own 4xx errors, translated to our codes. Anything unknown below 500 is a BAD_REQUEST.
const FASTIFY_CODES: Record<string, { code: AppError["code"]; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: "UNSUPPORTED_MEDIA_TYPE", message: "Send the request body as JSON." },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: "PAYLOAD_TOO_LARGE", message: "The request body is too large." },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: "BAD_REQUEST", message: "The request body is empty but should be JSON." },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: "BAD_REQUEST", message: "The request body is not valid JSON." },
};

/**
 * One error handler for every route: validation problems name their fields, expected
 * failures keep their code, a value the database refuses is a 400, and anything unexpected is
 * logged and answered with a 500 that reveals nothing (no message, no stack).
 */
export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const { fields, message } = describeValidation(error);
      return send(reply, 400, { code: "VALIDATION_FAILED", message, fields });
    }
    if (error instanceof AppError) {
      if (error.retryAfterSeconds !== undefined) reply.header("retry-after", String(error.retryAfterSeconds));
      return send(reply, error.status, {
        code: error.code,
        message: error.message,
        ...(error.fields ? { fields: error.fields } : {}),
      });
    }
    const databaseCode = findDatabaseInputErrorCode(error);
    if (databaseCode !== null) {
      // Logged without the database's message, which quotes the value sent.
      request.log.warn({ err: { type: error.name, code: databaseCode } }, "the database refused a value it was sent");
      return send(reply, 400, {
        code: "BAD_REQUEST",
        message:
          "Something in the request cannot be stored, such as an unusual character or a date or number out of range. Check what was sent and try again.",
      });
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    const status = error.statusCode ?? 500;
    if (known) return send(reply, status, known);
    if (status === 429) {
      return send(reply, 429, {
        code: "TOO_MANY_REQUESTS",
        message: "Too many requests. Wait a minute, then try again.",
      });
    }
    if (status >= 400 && status < 500) {
      return send(reply, status, { code: "BAD_REQUEST", message: "The request could not be understood." });
    }
    // Log the error's type and stack but never the request body: it may hold personal data.
    // The first stack line repeats the message, which for a database error can quote values.
    const frames = error.stack?.split("\n").slice(1).join("\n");
    request.log.error({ err: { type: error.name, code: error.code, frames } }, "request failed");
    return send(reply, 500, { code: "INTERNAL_ERROR", message: "Something went wrong on our side. Try again later." });
  });
});

// Fastify's errors from before a route is found, in words.
const ROUTING_ERRORS: Record<string, string> = {
  FST_ERR_BAD_URL: "The address of the request is not valid: check its % codes.",
  FST_ERR_MAX_PARAM_LENGTH: "The address of the request is too long.",
};

/**
 * Fastify's errors from before a route is found (its `frameworkErrors` option): a URL that
 * cannot be decoded, a path part too long. A 4xx in the error shape; Fastify's own answer
 * would quote the URL, which may carry personal data.
 */
export function sendFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const message = (error.code && ROUTING_ERRORS[error.code]) || "The address of the request is not valid.";
    send(reply, status, { code: "BAD_REQUEST", message });
    return;
  }
  request.log.error({ err: { type: error.name, code: error.code } }, "request failed before routing");
  send(reply, 500, { code: "INTERNAL_ERROR", message: "Something went wrong on our side. Try again later." });
}

/** The 404 in the error shape. The query string is left out: it may carry personal data. */
export function sendNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return send(reply, 404, {
    code: "NOT_FOUND",
    message: `There is nothing at ${request.method} ${request.url.split("?")[0]}.`,
  });
}
