import {
  createSingleLineTextSchema,
  ErrorBodySchema,
  PublishedDocumentListSchema,
  PublishedLinkListSchema,
  PublishedLinkSchema,
  STAFF_PERMISSIONS,
  UpdatePublishedLinkRequestSchema,
} from "@psu/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { getSignedInStaff } from "../../plugins/staff-auth";
import { listPublishedDocuments, listPublishedLinks, updatePublishedLink } from "./published-links.service";

// Any id is let through to the service, which answers 404 for one it does not know (not 400).
const LinkParamsSchema = z.object({ id: createSingleLineTextSchema("Link id").min(1).max(100) });

// Admins change links at any time and trainees must see the change at once: no shared caching.
const CACHE_REVALIDATE = "no-cache";

/** `GET /api/documents`: the unit's documents for trainees. */
export const publishedDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/documents",
    {
      schema: {
        summary: "The unit's documents, each with its address or null when none is set yet",
        tags: ["catalogue"],
        response: { 200: PublishedDocumentListSchema },
      },
    },
    async (_request, reply) => {
      reply.header("cache-control", CACHE_REVALIDATE);
      return listPublishedDocuments(app.prisma);
    },
  );
};

/** `/api/staff/published-links`: admins keep the addresses of documents and resources current. */
export const publishedLinkRoutes: FastifyPluginAsyncZod = async (app) => {
  const adminsOnly = app.requireStaff(...STAFF_PERMISSIONS.managePublishedLinks);

  app.get(
    "/published-links",
    {
      preHandler: adminsOnly,
      schema: {
        summary: "Every document and self-serve resource with its address and who last changed it",
        tags: ["published links"],
        response: { 200: PublishedLinkListSchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
      },
    },
    async () => listPublishedLinks(app.prisma),
  );

  app.put(
    "/published-links/:id",
    {
      preHandler: adminsOnly,
      schema: {
        summary: "Set a document's or resource's address (https only), or take it down with null",
        description:
          "404 for an unknown id. 409 naming `url` when another document or resource already uses the " +
          "address (a trailing slash, the host's case or a #fragment make no difference). Audited as " +
          "PUBLISHED_LINK_CHANGED.",
        tags: ["published links"],
        params: LinkParamsSchema,
        body: UpdatePublishedLinkRequestSchema,
        response: {
          200: PublishedLinkSchema,
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          403: ErrorBodySchema,
          404: ErrorBodySchema,
          409: ErrorBodySchema,
        },
      },
    },
    async (request) => {
      return updatePublishedLink(app.prisma, request.params.id, request.body, {
        staff: getSignedInStaff(request),
        ip: request.ip,
        now: app.now(),
      });
    },
  );
};
