import { ErrorBodySchema } from "@psu/domain";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors/app-error";
import { type AdminContext, eraseOnRequest, exportSubjectData, previewErasure } from "./data-protection.service";

const ReferenceSchema = z
  .string()
  .trim()
  .min(1, { error: "Enter the referral reference" })
  .max(40, { error: "A reference is at most 40 characters" });

// Either an email or a reference, in the body (never the URL: it would reach logs and history).
const SubjectAccessRequestSchema = z.union([
  z.object({ email: z.email({ error: "Enter an email address in the correct format" }).max(254) }).strict(),
  z.object({ reference: ReferenceSchema }).strict(),
]);

export const ERASURE_REASON_MAX_LENGTH = 200;

const ErasureRequestSchema = z.object({
  reference: ReferenceSchema,
  // Goes to the audit log: the form tells the admin not to include personal data.
  reason: z
    .string()
    .trim()
    .min(5, { error: "Enter why the data is being erased, in at least 5 characters" })
    .max(ERASURE_REASON_MAX_LENGTH, { error: `Enter a reason of ${ERASURE_REASON_MAX_LENGTH} characters or fewer` }),
});

const ErasurePreviewSchema = z.object({
  reference: z.string(),
  submittedAt: z.string(),
  status: z.string().nullable(),
  alreadyErased: z.boolean(),
  timelineEvents: z.number().int(),
});

const ErasureResultSchema = z.object({ reference: z.string(), erasedAt: z.string(), withdrawn: z.boolean() });

const ERRORS = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };

function toContext(app: { now: () => Date }, request: FastifyRequest): AdminContext {
  if (!request.staff) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return { staffId: request.staff.id, ip: request.ip, now: app.now() };
}

/** Subject access export and erasure on request (admins only; docs/data-protection.md). */
export const dataProtectionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/data-protection/subject-access",
    {
      preHandler: app.requireStaff("admin"),
      schema: {
        summary: "Everything held about a trainee, as a JSON download (admins)",
        tags: ["data protection"],
        body: SubjectAccessRequestSchema,
        // The document is sent already serialised (pretty-printed, as a file download).
        response: { 200: z.unknown(), ...ERRORS },
      },
    },
    async (request, reply) => {
      const document = await exportSubjectData(app.prisma, request.body, toContext(app, request));
      const day = app.now().toISOString().slice(0, 10);
      return reply
        .header("content-disposition", `attachment; filename="subject-access-${day}.json"`)
        .header("cache-control", "no-store")
        .type("application/json; charset=utf-8")
        .send(JSON.stringify(document, null, 2));
    },
  );

  app.post(
    "/data-protection/erasure/preview",
    {
      preHandler: app.requireStaff("admin"),
      schema: {
        summary: "What erasing a referral would remove (admins)",
        tags: ["data protection"],
        body: z.object({ reference: ReferenceSchema }),
        response: { 200: ErasurePreviewSchema, ...ERRORS },
      },
    },
    async (request) => previewErasure(app.prisma, request.body.reference),
  );

  app.post(
    "/data-protection/erasure",
    {
      preHandler: app.requireStaff("admin"),
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
