import {
  ErasurePreviewRequestSchema,
  ErasurePreviewSchema,
  ErasureRequestSchema,
  ErasureResultSchema,
  ErrorBodySchema,
  STAFF_PERMISSIONS,
  SubjectAccessExportSchema,
  SubjectAccessRequestSchema,
} from "@psu/domain";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { getSignedInStaff } from "../../plugins/staff-auth";
import { type AdminContext, eraseOnRequest, exportSubjectData, previewErasure } from "./data-protection.service";

const ERRORS = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };

function toContext(app: { now: () => Date }, request: FastifyRequest): AdminContext {
  return { staffId: getSignedInStaff(request).id, ip: request.ip, now: app.now() };
}

/** Subject access export and erasure on request (admins only; docs/data-protection.md). */
export const dataProtectionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/data-protection/subject-access",
    {
      preHandler: app.requireStaff(...STAFF_PERMISSIONS.handleDataProtection),
      schema: {
        summary: "Everything held about a trainee, as a JSON download (admins)",
        tags: ["data protection"],
        body: SubjectAccessRequestSchema,
        // Sent already serialised (pretty-printed, as a file download); the service parses it.
        response: { 200: SubjectAccessExportSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const document = await exportSubjectData(app.prisma, request.body, toContext(app, request));
      const day = app.now().toISOString().slice(0, 10);
      return (
        reply
          .header("content-disposition", `attachment; filename="subject-access-${day}.json"`)
          .header("cache-control", "no-store")
          .type("application/json; charset=utf-8")
          // Pretty-printed for the person reading the file.
          .serializer((payload) => JSON.stringify(payload, null, 2))
          .send(document)
      );
    },
  );

  app.post(
    "/data-protection/erasure/preview",
    {
      preHandler: app.requireStaff(...STAFF_PERMISSIONS.handleDataProtection),
      schema: {
        summary: "What erasing a referral would remove (admins)",
        tags: ["data protection"],
        body: ErasurePreviewRequestSchema,
        response: { 200: ErasurePreviewSchema, ...ERRORS },
      },
    },
    async (request) => previewErasure(app.prisma, request.body.reference),
  );

  app.post(
    "/data-protection/erasure",
    {
      preHandler: app.requireStaff(...STAFF_PERMISSIONS.handleDataProtection),
      schema: {
        summary: "Erase a trainee's personal data now, on their request (admins)",
        tags: ["data protection"],
        body: ErasureRequestSchema,
        response: { 200: ErasureResultSchema, ...ERRORS, 409: ErrorBodySchema },
      },
    },
    async (request) => eraseOnRequest(app.prisma, request.body, toContext(app, request)),
  );
};
