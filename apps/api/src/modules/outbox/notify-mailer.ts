import axios from "axios";
import { NotifyClient } from "notifications-node-client";
import { z } from "zod";
import type { NotifyConfig } from "../../config/env";
import { isEmailKind } from "./email-templates";
import { DeliveryError, type Mailer } from "./mail-channel";

// Notify answers within a second or two; a request hanging longer would hold up the outbox's
// batch (and shutdown, which waits for it), so it fails and is retried like any network error.
const NOTIFY_TIMEOUT_MS = 30_000;

const AcceptedSchema = z.object({ id: z.string().min(1).max(200) });
// Notify's error body: `{ status_code, errors: [{ error: "BadRequestError", message }] }`. Only
// the class is kept; the message can quote what was sent, the address included.
const RefusalSchema = z.object({ errors: z.array(z.object({ error: z.string().regex(/^[A-Za-z]{1,60}$/) })).min(1) });

/**
 * Sends through GOV.UK Notify with the official client: each kind of email has its own Notify
 * template whose subject is `((subject))` and body `((body))`, filled with our own words
 * (email-templates.ts), so the words live once, in this repository, and Notify still shows
 * which kind went out (decision 026). The outbox id goes as Notify's reference.
 */
export function createNotifyMailer(config: NotifyConfig): Mailer {
  const client = new NotifyClient(config.baseUrl, config.apiKey);
  client.setClient(axios.create({ timeout: NOTIFY_TIMEOUT_MS }));
  return {
    async send(to, content, message) {
      if (!isEmailKind(message.kind)) throw new DeliveryError("notify_no_template", true);
      try {
        const response = await client.sendEmail(config.templates[message.kind], to, {
          personalisation: { subject: content.subject, body: content.text },
          reference: `outbox-${message.outboxId}`,
        });
        const accepted = AcceptedSchema.safeParse(response.data);
        return accepted.success ? accepted.data.id : undefined;
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
  };
}

/**
 * What a failed request to Notify means for the outbox. A 4xx other than 403 and 429 is Notify
 * refusing this message (a bad address, template or personalisation): sending it again gets the
 * same answer. 403 is Notify refusing our key (revoked, mistyped, or this machine's clock more
 * than 30 s out): nothing wrong with the message, and an operator can fix it, so like 429 (a rate
 * or daily limit), 5xx and network failures it is tried again later, with the outbox's backoff.
 */
function toDeliveryError(error: unknown): unknown {
  if (!axios.isAxiosError(error)) return error;
  if (!error.response) return new DeliveryError(`notify_${error.code ?? "network"}`, false);
  const { status, data } = error.response;
  const refusal = RefusalSchema.safeParse(data);
  const code = refusal.success ? `notify_${status}_${refusal.data.errors[0]?.error}` : `notify_${status}`;
  return new DeliveryError(code, status >= 400 && status < 500 && status !== 403 && status !== 429);
}
