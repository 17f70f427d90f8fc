import { EqualityResponseRequestSchema, ErrorBodySchema } from "@psu/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { recordEqualityResponse } from "./equality.service";

/** Optional equality monitoring, stored apart from referrals and cases. */
export const equalityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/equality-responses",
    {
      schema: {
        summary: "Record optional equality monitoring answers",
        description: "Stored with the month only and no link to any referral. Answers with no body (204).",
        tags: ["equality"],
        body: EqualityResponseRequestSchema,
        response: { 204: z.null().describe("Stored"), 400: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      await recordEqualityResponse(app.prisma, request.body, {
        ip: request.ip,
        now: app.now(),
        keyedHash: app.keyedHash,
      });
      return reply.status(204).send(null);
    },
  );
};
