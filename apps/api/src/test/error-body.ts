import { ErrorBodySchema } from "@psu/domain";

/** The `error` of an answer's body, read by the one error schema: a body of another shape fails the test. */
export function errorOf(body: unknown) {
  return ErrorBodySchema.parse(body).error;
}
