import { type EqualityResponseRequest, toLondonDate } from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { enforceRateLimits, toRateLimitKey } from "../rate-limit/rate-limit.service";
import { createEqualityResponse } from "./equality.repository";

// Generous for people sharing one address (a Trust's network), tight enough to stop flooding
// that would skew the reports.
const SUBMIT_LIMIT = { scope: "equality:ip", limit: 20, windowMs: 60 * 60 * 1000 };
const TOO_MANY_MESSAGE = "Too many equality forms from this connection. Wait an hour, then try again.";

/**
 * Records optional equality answers apart from any referral: no reference, no case, no
 * timestamp finer than the London month, so a row cannot be matched back to a person.
 */
export async function recordEqualityResponse(
  prisma: PrismaClient,
  request: EqualityResponseRequest,
  input: { ip: string; now: Date },
): Promise<void> {
  await enforceRateLimits(
    prisma,
    [{ ...SUBMIT_LIMIT, key: toRateLimitKey(SUBMIT_LIMIT.scope, input.ip) }],
    input.now,
    TOO_MANY_MESSAGE,
  );
  const submittedMonth = toLondonDate(input.now).slice(0, 7);
  await createEqualityResponse(prisma, { submittedMonth, answers: request.answers });
}
