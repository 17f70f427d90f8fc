import { ErrorBodySchema, ReferralStatusSchema, StatusLookupRequestSchema, WithdrawRequestSchema } from "@psu/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { getReferralStatus, withdrawReferral } from "./referral-status.service";

/**
 * The trainee's status page. POST, so the reference and email address travel in the body and
 * never in a URL or a log line. Wrong pairs get one generic 404; attempts are rate-limited.
 */
export const referralStatusRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/referral-status",
    {
      schema: {
        summary: "Look up a referral's status by its reference and the email address given with it",
        tags: ["referral status"],
        body: StatusLookupRequestSchema,
        response: { 200: ReferralStatusSchema, 400: ErrorBodySchema, 404: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request) =>
      getReferralStatus(app.prisma, request.body, { ip: request.ip, now: app.now(), keyedHash: app.keyedHash }),
  );

  app.post(
    "/referral-status/withdraw",
    {
      schema: {
        summary: "Withdraw a referral",
        description: "409 when the referral is already closed or withdrawn, or changed while withdrawing.",
        tags: ["referral status"],
        body: WithdrawRequestSchema,
        response: {
          200: ReferralStatusSchema,
          400: ErrorBodySchema,
          404: ErrorBodySchema,
          409: ErrorBodySchema,
          429: ErrorBodySchema,
        },
      },
    },
    async (request) =>
      withdrawReferral(app.prisma, request.body, { ip: request.ip, now: app.now(), keyedHash: app.keyedHash }),
  );
};
