import type { FastifyBaseLogger as Logger } from "fastify";
import nodemailer from "nodemailer";
import type { EmailContent } from "./email-templates";

export interface Mailer {
  send(to: string, content: EmailContent): Promise<void>;
}

/**
 * SMTP when configured. Otherwise (development, demos) the email is written to the log, with
 * its subject only: the address is personal data and never goes into a log.
 */
export function createMailer(options: { smtpUrl: string | undefined; from: string }, log: Logger): Mailer {
  if (!options.smtpUrl) {
    return {
      async send(_to, content) {
        log.info({ subject: content.subject }, "email not sent (no SMTP_URL set): written to the log instead");
      },
    };
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    async send(to, content) {
      await transport.sendMail({ from: options.from, to, subject: content.subject, text: content.text });
    },
  };
}
