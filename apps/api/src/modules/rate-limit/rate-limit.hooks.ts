import type { FastifyReply, FastifyRequest } from "fastify";
import { RateLimitedError } from "./rate-limit.service";

/**
 * An `onError` hook for routes that enforce limits: it runs before the one error handler,
 * which keeps the headers set here, so a 429 tells the client when to try again.
 */
export async function addRetryAfterHeader(_request: FastifyRequest, reply: FastifyReply, error: Error): Promise<void> {
  if (error instanceof RateLimitedError) reply.header("retry-after", String(error.retryAfterSeconds));
}
