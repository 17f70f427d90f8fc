import { BreakGlassRequestSchema, CaseDetailSchema, ErrorBodySchema, STAFF_PERMISSIONS } from "@psu/domain";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { getSignedInStaff } from "../../plugins/staff-auth";
import { viewCase, viewCaseByBreakGlass } from "./case-view.service";

const CaseParamsSchema = z.object({ caseId: z.uuid({ error: "The case id is not valid" }) });

// Both reads answer with the case, or refuse the same ways.
const CASE_READ_RESPONSES = {
  200: CaseDetailSchema,
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
};

/** Which case is read, by whom, from where and when. */
function toReadContext(request: FastifyRequest<{ Params: z.infer<typeof CaseParamsSchema> }>, now: Date) {
  return { caseId: request.params.caseId, staff: getSignedInStaff(request), ip: request.ip, now };
}

/** Reading a case (every read is audited). Changes to a case live in their own module. */
export const caseViewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/cases/:caseId",
    {
      preHandler: app.requireStaff(...STAFF_PERMISSIONS.readCase),
      schema: {
        summary: "A case: the referral, verdict, SLA clocks, timeline, notes and the moves open to you",
        description:
          "Answers with an ETag of the case's version: send it back as If-Match when changing the case. " +
          "A lead gets 404 for a case that is not allocated to them, exactly as for one that does not exist. " +
          "Admins get 403: their way to a case is the break-glass read. " +
          "Every read and every refusal is written to the audit log.",
        tags: ["staff"],
        params: CaseParamsSchema,
        response: CASE_READ_RESPONSES,
      },
    },
    async (request, reply) => {
      const detail = await viewCase(app.prisma, toReadContext(request, app.now()));
      reply.header("etag", `"${detail.version}"`);
      return detail;
    },
  );

  app.post(
    "/cases/:caseId/break-glass",
    {
      preHandler: app.requireStaff(...STAFF_PERMISSIONS.breakGlassRead),
      schema: {
        summary: "A break-glass read of a case by an admin, for a reason (audited as such)",
        description:
          "Admins have no routine access to case content. This gives them one case, read-only, for a reason " +
          "from a fixed list and a line of detail; the read is written to the audit log as CASE_BREAK_GLASS_VIEWED " +
          "with the reason before the case is returned. A POST so the reason stays out of URLs and logs. " +
          "Coordinators and leads get 403: they read cases the ordinary way.",
        tags: ["staff"],
        params: CaseParamsSchema,
        body: BreakGlassRequestSchema,
        response: CASE_READ_RESPONSES,
      },
    },
    async (request) => viewCaseByBreakGlass(app.prisma, { ...toReadContext(request, app.now()), reason: request.body }),
  );
};
