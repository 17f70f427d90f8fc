import type { PrismaClient } from "@psu/prisma";
import type { FastifyBaseLogger as Logger } from "fastify";
import { renderEmail } from "./email-templates";
import { DeliveryError, type Mailer } from "./mail-channel";
import { claimDueMessages, MAX_ATTEMPTS, markFailed, markSent } from "./outbox.repository";

const BATCH = 20;

/** Told of each send and each failed attempt (the metrics' counters). */
export interface OutboxCounters {
  sent(): void;
  failed(): void;
}

/** Sends what is due once; returns how many were sent. Errors are recorded, never thrown. */
export async function processOutboxOnce(
  prisma: PrismaClient,
  mailer: Mailer,
  now: Date,
  log: Logger,
  counters?: OutboxCounters,
): Promise<number> {
  const messages = await claimDueMessages(prisma, now, BATCH);
  let sent = 0;
  for (const message of messages) {
    try {
      const content = renderEmail(message.kind, message.payload);
      const deliveryId = await mailer.send(message.recipient, content, { kind: message.kind, outboxId: message.id });
      await markSent(prisma, message.id, now, deliveryId);
      sent++;
      counters?.sent();
    } catch (error) {
      counters?.failed();
      // Back off 1, 2, 4 ... minutes. The error's name/code only: SMTP messages can echo addresses.
      const code = error instanceof Error ? ((error as Error & { code?: string }).code ?? error.name) : "unknown";
      const retryAt = new Date(now.getTime() + 60_000 * 2 ** Math.min(message.attempts - 1, 6));
      // Refused for good (GOV.UK Notify's 4xx other than 403 and 429) or out of attempts: never again.
      const givesUp = (error instanceof DeliveryError && error.permanent) || message.attempts >= MAX_ATTEMPTS;
      await markFailed(prisma, message.id, code, retryAt, givesUp ? now : null);
      log.warn(
        { outboxId: String(message.id), kind: message.kind, attempts: message.attempts, code, gaveUp: givesUp },
        givesUp ? "email failed, given up" : "email failed, will retry",
      );
    }
  }
  return sent;
}

export interface OutboxWorker {
  stop(): Promise<void>;
}

/** Polls the outbox until stopped; stop() waits for the batch in flight. */
export function startOutboxWorker(options: {
  prisma: PrismaClient;
  mailer: Mailer;
  pollMs: number;
  now: () => Date;
  log: Logger;
  counters?: OutboxCounters;
}): OutboxWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<unknown> = Promise.resolve();

  const tick = () => {
    inFlight = processOutboxOnce(options.prisma, options.mailer, options.now(), options.log, options.counters)
      .catch((error: unknown) =>
        options.log.error({ type: error instanceof Error ? error.name : "unknown" }, "outbox poll failed"),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.pollMs);
      });
  };
  timer = setTimeout(tick, options.pollMs);

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
