import { ErrorBodySchema, RecordedReferralSchema, RecordReferralRequestSchema, STAFF_PERMISSIONS } from "@psu/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { getSignedInStaff } from "../../plugins/staff-auth";
import { logEmailCapped } from "../outbox/recipient-cap";
import { IdempotencyKeyHeadersSchema } from "./idempotency-key-header";
import { recordReferral } from "./referrals.service";

/** Referrals that reached the unit by email or phone, recorded by a coordinator. */
export const recordReferralRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/referrals",
    {
      preHandler: app.requireStaff(...STAFF_PERMISSIONS.recordReferral),
      schema: {
        summary: "Record a referral received by email or phone (idempotent with the Idempotency-Key header)",
        description:
          "The same checks and eligibility rules as a trainee's own referral, and the same case. The channel is " +
          "stored, the first timeline event names the member of staff, the confirmation email is queued only when " +
          "an email address was given, and REFERRAL_RECORDED is audited. An ineligible referral is 422 NOT_ELIGIBLE " +
          "with the reasons. A retry with the same key and body answers the same (201, Idempotent-Replayed: true).",
        tags: ["staff"],
        headers: IdempotencyKeyHeadersSchema,
        body: RecordReferralRequestSchema,
        response: {
          201: RecordedReferralSchema,
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          403: ErrorBodySchema,
          422: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const result = await recordReferral(app.prisma, {
        request: request.body,
        staff: getSignedInStaff(request),
        ip: request.ip,
        keyedHash: app.keyedHash,
        idempotencyKey: request.headers["idempotency-key"],
        now: app.now(),
      });
      if (result.emailCapped) logEmailCapped(request.log, "referral_received");
      if (result.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(201).send(result.recorded);
    },
  );
};
