// A local stand-in for GOV.UK Notify's API, for tests: POST /v2/notifications/email checked as
// Notify documents it (docs.notifications.service.gov.uk, "REST API"): a bearer JWT signed with
// HS256 by the API key's secret, `iss` the service id, `iat` within 30 seconds of now; a JSON
// body with email_address, template_id, personalisation and an optional reference; every
// placeholder of the template filled. It answers as Notify does (201 with the notification, or
// `{ status_code, errors: [{ error, message }] }`), so the real client talks to it over HTTP.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { z } from "zod";

/** A template as Notify holds it: placeholders are `((name))`. */
export interface NotifyTemplate {
  subject: string;
  body: string;
}

/** An email Notify accepted: what the app sent, and the id Notify gave it. */
export interface AcceptedEmail {
  id: string;
  emailAddress: string;
  templateId: string;
  personalisation: Record<string, unknown>;
  reference: string | undefined;
  /** The template filled in, as the recipient would read it. */
  subject: string;
  body: string;
}

/** What the server answered a request with, and why when it refused it. */
export interface NotifyExchange {
  status: number;
  error: string | undefined;
}

/** Notify's error classes, with the status each comes with. */
export interface NotifyRefusal {
  status: number;
  error: string;
  message: string;
}

export interface NotifyServer {
  /** The base URL to give the client (NOTIFY_BASE_URL). */
  url: string;
  /** A key this server accepts: `<key name>-<service id>-<secret>` (NOTIFY_API_KEY). */
  apiKey: string;
  serviceId: string;
  /** Every request to the send-email endpoint, in order, with the answer it got. */
  exchanges: NotifyExchange[];
  accepted: AcceptedEmail[];
  /** Answers the next valid request with this refusal instead of accepting it (one per call). */
  refuseNext(refusal: NotifyRefusal): void;
  close(): Promise<void>;
}

const ALLOWED_CLOCK_SKEW_SECONDS = 30;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER = /\(\(([^()]+)\)\)/g;

const JwtHeaderSchema = z.object({ alg: z.literal("HS256"), typ: z.literal("JWT") });
const JwtClaimsSchema = z.object({ iss: z.string(), iat: z.number().int() });
const SendEmailSchema = z.strictObject({
  email_address: z.string().regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, "Not a valid email address"),
  template_id: z.string().regex(UUID, "is not a valid UUID"),
  personalisation: z.record(z.string(), z.unknown()).optional(),
  reference: z.string().optional(),
  email_reply_to_id: z.string().optional(),
  one_click_unsubscribe_url: z.string().optional(),
});

/** Starts the server on a free loopback port with the given templates (id to template). */
export async function startNotifyServer(templates: Record<string, NotifyTemplate>): Promise<NotifyServer> {
  const serviceId = randomUUID();
  const secret = randomUUID();
  const exchanges: NotifyExchange[] = [];
  const accepted: AcceptedEmail[] = [];
  const refusals: NotifyRefusal[] = [];

  const answer = (response: ServerResponse, status: number, body: unknown, error?: string) => {
    exchanges.push({ status, error });
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  };
  const refuse = (response: ServerResponse, refusal: NotifyRefusal) =>
    answer(
      response,
      refusal.status,
      { status_code: refusal.status, errors: [{ error: refusal.error, message: refusal.message }] },
      refusal.error,
    );

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== "POST" || request.url !== "/v2/notifications/email") {
      return refuse(response, { status: 404, error: "ResourceNotFound", message: "Not found" });
    }
    const authProblem = checkToken(request.headers.authorization, serviceId, secret);
    if (authProblem) return refuse(response, authProblem);

    let json: unknown;
    try {
      json = JSON.parse(await readBody(request));
    } catch {
      return refuse(response, { status: 400, error: "BadRequestError", message: "Invalid JSON supplied in POST data" });
    }
    const parsed = SendEmailSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const message = `${issue?.path.join(".") || "body"} ${issue?.message ?? "is not valid"}`;
      return refuse(response, { status: 400, error: "ValidationError", message });
    }
    const sent = parsed.data;
    const template = templates[sent.template_id.toLowerCase()];
    if (!template) return refuse(response, { status: 400, error: "BadRequestError", message: "Template not found" });
    const personalisation = sent.personalisation ?? {};
    const missing = [...`${template.subject}${template.body}`.matchAll(PLACEHOLDER)]
      .map((match) => match[1] ?? "")
      .filter((name) => !(name in personalisation));
    if (missing.length > 0) {
      return refuse(response, {
        status: 400,
        error: "BadRequestError",
        message: `Missing personalisation: ${missing.join(", ")}`,
      });
    }

    const scripted = refusals.shift();
    if (scripted) return refuse(response, scripted);

    const fill = (text: string) => text.replace(PLACEHOLDER, (_whole, name: string) => String(personalisation[name]));
    const email: AcceptedEmail = {
      id: randomUUID(),
      emailAddress: sent.email_address,
      templateId: sent.template_id,
      personalisation,
      reference: sent.reference,
      subject: fill(template.subject),
      body: fill(template.body),
    };
    accepted.push(email);
    const host = `http://${request.headers.host}`;
    answer(response, 201, {
      id: email.id,
      reference: email.reference ?? null,
      content: { subject: email.subject, body: email.body, from_email: "psu@notifications.service.gov.uk" },
      uri: `${host}/v2/notifications/${email.id}`,
      template: {
        id: sent.template_id,
        version: 1,
        uri: `${host}/services/${serviceId}/templates/${sent.template_id}`,
      },
      scheduled_for: null,
    });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent)
        refuse(response, { status: 500, error: "Exception", message: "Internal server error" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the Notify server has no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    apiKey: `psu_test_key-${serviceId}-${secret}`,
    serviceId,
    exchanges,
    accepted,
    refuseNext: (refusal) => void refusals.push(refusal),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** Checks the bearer token as Notify does; returns Notify's refusal, or null when it is good. */
function checkToken(authorization: string | undefined, serviceId: string, secret: string): NotifyRefusal | null {
  const token = /^Bearer (\S+)$/.exec(authorization ?? "")?.[1];
  if (!token) {
    return { status: 401, error: "AuthError", message: "Unauthorized: authentication token must be provided" };
  }
  const [header = "", claims = "", signature = ""] = token.split(".");
  const invalid = (why: string): NotifyRefusal => ({
    status: 403,
    error: "AuthError",
    message: `Invalid token: ${why}`,
  });
  if (!JwtHeaderSchema.safeParse(decodeSegment(header)).success) return invalid("algorithm used is not HS256");
  const parsedClaims = JwtClaimsSchema.safeParse(decodeSegment(claims));
  if (!parsedClaims.success) return invalid("iss and iat are required");
  if (parsedClaims.data.iss !== serviceId) return invalid("service not found");
  const expected = createHmac("sha256", secret).update(`${header}.${claims}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return invalid("API key not found");
  }
  if (Math.abs(Date.now() / 1000 - parsedClaims.data.iat) > ALLOWED_CLOCK_SKEW_SECONDS) {
    return {
      status: 403,
      error: "AuthError",
      message: "Error: Your system clock must be accurate to within 30 seconds",
    };
  }
  return null;
}

function decodeSegment(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
  } catch {
    return null;
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}
