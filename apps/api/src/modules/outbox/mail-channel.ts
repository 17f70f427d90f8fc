import type { EmailContent } from "./email-templates";

// What the outbox asks of a way to send email (GOV.UK Notify, SMTP, the log: mailer.ts).

/** What the outbox knows about the message it is sending, for the channel (never the address). */
export interface OutboxEmail {
  kind: string;
  outboxId: bigint;
}

export interface Mailer {
  /** Sends one email; resolves with the sending service's id for it, when it gives one. */
  send(to: string, content: EmailContent, message: OutboxEmail): Promise<string | undefined>;
}

/**
 * A send that failed, by a code that names no one (never the sending service's text, which may
 * echo the address). `permanent`: the service refused this message for good, so trying again
 * cannot help.
 */
export class DeliveryError extends Error {
  constructor(
    readonly code: string,
    readonly permanent: boolean,
  ) {
    super(`email not sent: ${code}`);
    this.name = "DeliveryError";
  }
}
