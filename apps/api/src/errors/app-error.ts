import { ERROR_CODE_STATUS, type ErrorCode, type FieldError } from "@psu/domain";

/** An expected failure the client can act on. Anything else becomes a 500 with no details. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    /** For TOO_MANY_REQUESTS and SERVICE_UNAVAILABLE: sent as the Retry-After header. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
    this.status = ERROR_CODE_STATUS[code];
  }
}
