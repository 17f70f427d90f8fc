import type { TraineeEmailKind } from "@psu/domain";
import type { Prisma, PrismaClient } from "@psu/prisma";

export interface ClaimedMessage {
  id: bigint;
  kind: string;
  recipient: string;
  payload: Prisma.JsonValue;
  attempts: number;
}

/** A claimed message is hidden from other workers this long; if we crash it comes back. */
const LEASE_SECONDS = 300;
export const MAX_ATTEMPTS = 8;

/** What `last_error` says of a message whose last attempt's lease ran out (a worker died mid-send). */
export const LAST_LEASE_EXPIRED = "last_attempt_lease_expired";

/**
 * Claims due messages for this worker. SKIP LOCKED lets several API instances run workers on
 * one database without sending anything twice; the lease covers a worker that dies mid-send.
 * A message whose last attempt's lease ran out can never be claimed again, so the same
 * statement marks it given up (whether that attempt reached the sender is not known).
 */
export async function claimDueMessages(prisma: PrismaClient, now: Date, limit: number): Promise<ClaimedMessage[]> {
  return prisma.$queryRaw<ClaimedMessage[]>`
    with lease_ran_out as (
      update outbox_messages
         set failed_at = ${now}, last_error = ${LAST_LEASE_EXPIRED}
       where sent_at is null and failed_at is null and available_at <= ${now} and attempts >= ${MAX_ATTEMPTS}
    )
    update outbox_messages
       set attempts = attempts + 1,
           available_at = ${now}::timestamptz + make_interval(secs => ${LEASE_SECONDS})
     where id in (
       select id from outbox_messages
        where sent_at is null and failed_at is null and available_at <= ${now} and attempts < ${MAX_ATTEMPTS}
        order by id
        limit ${limit}
        for update skip locked)
    returning id, kind, recipient, payload, attempts`;
}

/**
 * Marks a message sent, with the sending service's id for it when it gave one, and forgets the
 * address: a sent email needs no recipient on file. A one-time link (staff invitations and
 * password resets) goes too: only its keyed hash may stay.
 */
export async function markSent(prisma: PrismaClient, id: bigint, now: Date, deliveryId?: string): Promise<void> {
  await prisma.$executeRaw`
    update outbox_messages
       set sent_at = ${now}, recipient = '', last_error = null, payload = payload - 'link',
           delivery_id = ${deliveryId ?? null}
     where id = ${id}`;
}

/**
 * Records a failure (a code, never the address) and when to try again; or, when the failure is
 * permanent or this was the last attempt, that the outbox gave up on the message.
 */
export async function markFailed(
  prisma: PrismaClient,
  id: bigint,
  error: string,
  retryAt: Date,
  gaveUpAt: Date | null = null,
): Promise<void> {
  await prisma.outboxMessage.update({
    where: { id },
    data: { lastError: error.slice(0, 200), availableAt: retryAt, failedAt: gaveUpAt },
    select: { id: true },
  });
}

/** An email to a trainee about a step of their case: the reference only, never case detail. */
export interface TraineeEmailMessage {
  kind: TraineeEmailKind;
  recipient: string;
  reference: string;
}

/**
 * Queues an email to a trainee inside the caller's transaction, so it is sent exactly when the
 * change that caused it is written (and once: a change that loses its race writes nothing).
 */
export async function queueTraineeEmail(tx: Prisma.TransactionClient, message: TraineeEmailMessage): Promise<void> {
  await tx.outboxMessage.create({
    data: { kind: message.kind, recipient: message.recipient, payload: { reference: message.reference } },
    select: { id: true },
  });
}
