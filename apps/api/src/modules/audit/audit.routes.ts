import { AuditPageSchema, AuditQuerySchema, ErrorBodySchema, STAFF_PERMISSIONS } from "@psu/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listAuditEntries } from "./audit.service";

/** The audit log, for admins: who read or changed what, when, and from where (hashed). */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/audit",
    {
      preHandler: app.requireStaff(...STAFF_PERMISSIONS.readAuditLog),
      schema: {
        summary: "The audit log, newest first (admins only)",
        description:
          "Filters are ids, an action and times only, so no personal data appears in the URL. " +
          "Keyset pagination: send back `nextCursor` as `cursor` for older entries.",
        tags: ["staff"],
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
      },
    },
    async (request) => listAuditEntries(app.prisma, request.query),
  );
};
