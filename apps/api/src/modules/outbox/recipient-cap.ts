import type { Prisma } from "@psu/prisma";
import type { FastifyBaseLogger } from "fastify";
import type { KeyedHash } from "../../security/server-secret";
import { ANONYMOUS_LIMITS } from "../rate-limit/anonymous-limits";
import { consumeRateLimit, type RateLimit, toRateLimit } from "../rate-limit/rate-limit.service";

/** An email to queue: its kind, where it goes, and what its template needs. */
export interface EmailToQueue {
  kind: string;
  recipient: string;
  payload: Prisma.InputJsonValue;
}

/**
 * The daily cap on emails to one address, as a counter keyed by the address's keyed hash. Not
 * a count of outbox rows: a sent message's address is blanked at once (outbox.repository.ts).
 */
export function toRecipientCap(keyedHash: KeyedHash, recipient: string): RateLimit {
  return toRateLimit(keyedHash, ANONYMOUS_LIMITS.confirmationEmailsPerRecipient, recipient.trim().toLowerCase());
}

/**
 * Queues the email in the caller's transaction unless its recipient has already had the cap's
 * number of emails in its window; returns whether it was queued. Counted in the transaction, so
 * a change that rolls back counts nothing.
 */
export async function queueEmailWithinCap(
  tx: Prisma.TransactionClient,
  email: EmailToQueue,
  cap: RateLimit,
  now: Date,
): Promise<boolean> {
  const decision = await consumeRateLimit(tx, { ...cap, now });
  if (!decision.allowed) return false;
  await tx.outboxMessage.create({ data: email, select: { id: true } });
  return true;
}

/** Says an email was not queued because of the cap: its kind and the cap, never the address. */
export function logEmailCapped(log: FastifyBaseLogger, kind: string): void {
  const { limit, scope } = ANONYMOUS_LIMITS.confirmationEmailsPerRecipient;
  log.warn({ event: "email_capped", kind, cap: limit, scope }, "email not queued: its recipient reached the daily cap");
}
