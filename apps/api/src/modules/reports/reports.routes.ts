import {
  EqualityReportSchema,
  ErrorBodySchema,
  ReportQuerySchema,
  ReportSummarySchema,
  ReportTableSchema,
  STAFF_PERMISSIONS,
} from "@psu/domain";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { getSignedInStaff } from "../../plugins/staff-auth";
import { buildReportSummary, downloadReportTable, type ReportViewer, viewEqualityReport } from "./reports.service";

const ERRORS = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema };

/** Reports for coordinators and admins: figures only, no personal data (docs/reports.md). */
export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const canSeeReports = app.requireStaff(...STAFF_PERMISSIONS.readReports);
  const viewerOf = (request: FastifyRequest): ReportViewer => ({
    staffId: getSignedInStaff(request).id,
    ip: request.ip,
    now: app.now(),
  });

  app.get(
    "/reports/summary",
    {
      preHandler: canSeeReports,
      schema: {
        summary: "Referral volumes, response times, open cases and caseloads for whole months",
        tags: ["reports"],
        querystring: ReportQuerySchema,
        response: { 200: ReportSummarySchema, ...ERRORS },
      },
    },
    async (request) => buildReportSummary(app.prisma, request.query, app.now()),
  );

  app.get(
    "/reports/equality",
    {
      preHandler: canSeeReports,
      schema: {
        summary: "Equality monitoring in aggregate for one ended calendar quarter, counts under 5 suppressed",
        description:
          "`from` and `to` must be the first and last month of a calendar quarter that has ended (else 400 " +
          "naming the field), so that no two reports overlap or change and none can be subtracted from another " +
          "to reveal a suppressed count (docs/decisions/019). Each view is recorded in the audit log " +
          "(EQUALITY_REPORT_VIEWED, with the months).",
        tags: ["reports"],
        querystring: ReportQuerySchema,
        response: { 200: EqualityReportSchema, ...ERRORS },
      },
    },
    async (request) => viewEqualityReport(app.prisma, request.query, viewerOf(request)),
  );

  app.get(
    "/reports/csv/:table",
    {
      preHandler: canSeeReports,
      schema: {
        summary: "One report table as a CSV download",
        description:
          "Each download is recorded in the audit log (REPORT_EXPORTED). The equality table takes the same " +
          "periods as the equality report: one calendar quarter that has ended.",
        tags: ["reports"],
        params: z.object({ table: ReportTableSchema }),
        querystring: ReportQuerySchema,
        response: { 200: z.string(), ...ERRORS },
      },
    },
    async (request, reply) => {
      const { table } = request.params;
      const csv = await downloadReportTable(app.prisma, table, request.query, viewerOf(request));
      const filename = `${table}-${request.query.from}-to-${request.query.to}.csv`;
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .send(csv);
    },
  );
};
