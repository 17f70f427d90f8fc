import { type EqualityResponseRequest, toLondonDate } from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import type { KeyedHash } from "../../security/server-secret";
import { ANONYMOUS_LIMITS, EVERYONE } from "../rate-limit/anonymous-limits";
import { enforceAnonymousLimit } from "../rate-limit/rate-limit.service";
import { createEqualityResponse } from "./equality.repository";

// Generous for people sharing one address (a Trust's network), tight enough to stop flooding
// that would skew the reports (anonymous-limits.ts).
const TOO_MANY_MESSAGE = "Too many equality forms have been sent in the last hour. Wait an hour, then try again.";

/**
 * Records optional equality answers apart from any referral: no reference, no case, no
 * timestamp finer than the London month, so a row cannot be matched back to a person.
 */
export async function recordEqualityResponse(
  prisma: PrismaClient,
  request: EqualityResponseRequest,
  input: { ip: string; now: Date; keyedHash: KeyedHash },
): Promise<void> {
  // One after the other: a form refused for its address must not use up everyone's allowance.
  await enforceAnonymousLimit(prisma, input, ANONYMOUS_LIMITS.equalityPerIp, input.ip, TOO_MANY_MESSAGE);
  await enforceAnonymousLimit(prisma, input, ANONYMOUS_LIMITS.equalityOverall, EVERYONE, TOO_MANY_MESSAGE);
  const submittedMonth = toLondonDate(input.now).slice(0, 7);
  await createEqualityResponse(prisma, { submittedMonth, answers: request.answers });
}
