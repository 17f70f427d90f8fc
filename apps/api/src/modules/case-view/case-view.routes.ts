import { CaseDetailSchema, ErrorBodySchema } from "@psu/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { getSignedInStaff } from "../../plugins/staff-auth";
import { viewCase } from "./case-view.service";

const CaseParamsSchema = z.object({ caseId: z.uuid({ error: "The case id is not valid" }) });

/** Reading a case (every read is audited). Changes to a case live in their own module. */
export const caseViewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/cases/:caseId",
    {
      preHandler: app.requireStaff(),
      schema: {
        summary: "A case: the referral, verdict, SLA clocks, timeline, notes and the moves open to you",
        description:
          "Answers with an ETag of the case's version: send it back as If-Match when changing the case. " +
          "A lead gets 404 for a case that is not allocated to them, exactly as for one that does not exist. " +
          "Every read and every refusal is written to the audit log.",
        tags: ["staff"],
        params: CaseParamsSchema,
        response: { 200: CaseDetailSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const detail = await viewCase(app.prisma, {
        caseId: request.params.caseId,
        staff: getSignedInStaff(request),
        ip: request.ip,
        now: app.now(),
      });
      reply.header("etag", `"${detail.version}"`);
      return detail;
    },
  );
};
