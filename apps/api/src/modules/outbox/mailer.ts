import type { FastifyBaseLogger as Logger } from "fastify";
import nodemailer from "nodemailer";
import type { NotifyConfig } from "../../config/env";
import type { Mailer } from "./mail-channel";
import { createNotifyMailer } from "./notify-mailer";

/**
 * GOV.UK Notify when configured, else SMTP when configured. Otherwise (development, demos) the
 * email is written to the log, with its subject only: the address is personal data and never
 * goes into a log.
 */
export function createMailer(
  options: { smtpUrl: string | undefined; notify?: NotifyConfig | null; from: string },
  log: Logger,
): Mailer {
  // Which way email goes, once at start-up: an operator should not have to send one to find out.
  log.info({ channel: options.notify ? "notify" : options.smtpUrl ? "smtp" : "log" }, "email channel chosen");
  if (options.notify) return createNotifyMailer(options.notify);
  if (!options.smtpUrl) {
    return {
      async send(_to, content) {
        log.info(
          { subject: content.subject },
          "email not sent (no SMTP_URL or NOTIFY_API_KEY set): written to the log instead",
        );
        return undefined;
      },
    };
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    async send(to, content) {
      const info = await transport.sendMail({ from: options.from, to, subject: content.subject, text: content.text });
      return info.messageId || undefined;
    },
  };
}
