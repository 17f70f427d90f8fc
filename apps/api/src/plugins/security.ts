import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import helmet, { type HelmetOptions } from "helmet";

/**
 * The CSP allows nothing but this origin: the web app is built without inline scripts or
 * styles. Helmet's other headers keep its defaults.
 */
const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  referrerPolicy: { policy: "no-referrer" },
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
};

/**
 * The headers helmet sets for these options, worked out once by running its middleware against
 * a response that only records them. Every response gets the same ones (no nonces, no per-route
 * options), and @fastify/helmet built helmet's middleware, CSP parsing included, for every
 * request: about a tenth of the CPU of a small request (docs/performance.md).
 */
export function computeSecurityHeaders(options: HelmetOptions = HELMET_OPTIONS): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let finished = false;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    finished = true;
  });
  // Helmet's middleware is synchronous; if a version ever is not, fail at start-up, not silently.
  if (!finished) throw new Error("helmet did not set its headers synchronously");
  headers["permissions-policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
  return Object.freeze(headers);
}

/**
 * Baseline security headers on every response. API answers are never cached by default, since
 * they may hold personal data; routes serving public reference data opt in.
 */
export const securityPlugin = fp(async (app: FastifyInstance) => {
  const headers = computeSecurityHeaders();
  app.addHook("onRequest", (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  app.addHook("onSend", (request, reply, payload, done) => {
    if (request.url.startsWith("/api/") && !reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
    done(null, payload);
  });
});
