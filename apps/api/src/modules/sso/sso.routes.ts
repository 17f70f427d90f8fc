import {
  createSingleLineTextSchema,
  ErrorBodySchema,
  SignInOptionsSchema,
  SSO_ERROR_PARAMETER,
  type SsoErrorCode,
  SsoStartQuerySchema,
} from "@psu/domain";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../../config/env";
import { AppError } from "../../errors/app-error";
import { ANONYMOUS_LIMITS } from "../rate-limit/anonymous-limits";
import { consumeRateLimit, toRateLimit } from "../rate-limit/rate-limit.service";
import { createOpenIdConnect } from "./openid-connect";
import { finishSsoSignIn, type SsoContext, startSsoSignIn } from "./sso.service";

// Start and callback both answer by sending the browser on (the Location header), with no body.
const REDIRECT_RESPONSE = z.null().describe("A redirect (the Location header says where); no body");

export interface SsoRoutesOptions {
  config: Pick<Config, "sso" | "passwordSignIn">;
}

const SIGN_IN_PAGE = "/staff/sign-in";
const AFTER_SIGN_IN = "/staff";

// The callback's own parameters are read by openid-client from the raw query; only the state is ours.
const CallbackQuerySchema = z.object({ state: createSingleLineTextSchema("state").max(1000).optional() });

/**
 * Single sign-on over OpenID Connect, under /api/auth: the options the sign-in page needs, the
 * start (a redirect to the provider) and the callback (a redirect into the app, or back to the
 * sign-in page with a short error code). Browsers navigate here; nothing answers JSON but options.
 */
export const ssoRoutes: FastifyPluginAsyncZod<SsoRoutesOptions> = async (app, options) => {
  const { sso, passwordSignIn } = options.config;
  const oidc = sso ? createOpenIdConnect(sso) : null;
  // Starts and returns both count: a flood of either writes rows (attempts, audit entries).
  const isOverSingleSignOnLimit = async (request: FastifyRequest): Promise<boolean> => {
    const limit = toRateLimit(app.keyedHash, ANONYMOUS_LIMITS.singleSignOnPerIp, request.ip);
    return !(await consumeRateLimit(app.prisma, { ...limit, now: app.now() })).allowed;
  };
  const contextFor = (request: FastifyRequest): SsoContext | null =>
    oidc && { prisma: app.prisma, keyedHash: app.keyedHash, oidc, now: app.now(), ip: request.ip };

  app.get(
    "/options",
    {
      schema: {
        summary: "How staff may sign in here: password, single sign-on (with the button's words), or both",
        tags: ["staff"],
        response: { 200: SignInOptionsSchema },
      },
    },
    async () => ({ passwordSignIn, singleSignOn: sso ? { label: sso.buttonLabel } : null }),
  );

  app.get(
    "/sso/start",
    {
      schema: {
        summary: "Starts single sign-on: redirects (303) to the identity provider, or back to sign-in if it is down",
        tags: ["staff"],
        querystring: SsoStartQuerySchema,
        response: { 303: REDIRECT_RESPONSE, 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const context = contextFor(request);
      if (!context) throw new AppError("NOT_FOUND", "Single sign-on is not configured here.");
      if (await isOverSingleSignOnLimit(request)) return redirectToSignIn(reply, "too-many");
      const outcome = await startSsoSignIn(context, request.query.returnTo ?? null);
      if (outcome.kind === "refused") {
        request.log.warn(
          { code: outcome.code },
          "single sign-on could not start: the identity provider did not answer",
        );
        return redirectToSignIn(reply, outcome.code);
      }
      return reply.redirect(outcome.url.href, 303);
    },
  );

  app.get(
    "/sso/callback",
    {
      schema: {
        summary:
          "Where the identity provider sends the browser back: starts a session, or explains on the sign-in page",
        tags: ["staff"],
        querystring: CallbackQuerySchema,
        response: { 303: REDIRECT_RESPONSE, 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const context = contextFor(request);
      if (!context) throw new AppError("NOT_FOUND", "Single sign-on is not configured here.");
      if (await isOverSingleSignOnLimit(request)) return redirectToSignIn(reply, "too-many");
      const query = new URL(request.url, "http://callback.invalid").search;
      const result = await finishSsoSignIn(context, { state: request.query.state, query });
      if (result.kind === "refused") {
        request.log.warn({ reason: result.reason, detail: result.detail }, "single sign-on refused");
        return redirectToSignIn(reply, result.code);
      }
      app.sessionCookie.set(reply, result.token);
      return reply.redirect(result.returnTo ?? AFTER_SIGN_IN, 303);
    },
  );
};

/** Back to the sign-in page with the reason, which the sign-in failure metric counts too. */
function redirectToSignIn(reply: FastifyReply, code: SsoErrorCode): FastifyReply {
  reply.server.metrics.countSignInFailure("sso", code);
  return reply.redirect(`${SIGN_IN_PAGE}?${new URLSearchParams({ [SSO_ERROR_PARAMETER]: code })}`, 303);
}
