import { ErrorBodySchema, ReferralReceiptSchema, ReferralSubmissionSchema } from "@psu/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { logEmailCapped } from "../outbox/recipient-cap";
import { IdempotencyKeyHeadersSchema } from "./idempotency-key-header";
import { submitReferral } from "./referrals.service";

export const referralRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/referrals",
    {
      schema: {
        summary: "Submit a trainee's referral (idempotent with the Idempotency-Key header)",
        description:
          "Creates the referral and opens its case in one transaction. A retry with the same key and body " +
          "returns the same referral (201, Idempotent-Replayed: true); the same key with another body is 422. " +
          "New referrals are limited per client address and overall (429 with Retry-After); a retry is never counted.",
        tags: ["referrals"],
        headers: IdempotencyKeyHeadersSchema,
        body: ReferralSubmissionSchema,
        response: { 201: ReferralReceiptSchema, 400: ErrorBodySchema, 422: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const result = await submitReferral(app.prisma, {
        submission: request.body,
        idempotencyKey: request.headers["idempotency-key"],
        now: app.now(),
        sender: { ip: request.ip, keyedHash: app.keyedHash },
      });
      if (result.emailCapped) logEmailCapped(request.log, "referral_received");
      if (result.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(201).send(result.receipt);
    },
  );
};
