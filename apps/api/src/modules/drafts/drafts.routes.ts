import {
  ErrorBodySchema,
  ResumeDraftRequestSchema,
  ResumedDraftSchema,
  SaveDraftRequestSchema,
  SavedDraftSchema,
} from "@psu/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { resumeDraft, saveDraft } from "./drafts.service";

/** Save and come back later: answers held server-side, reached only with a resume code. */
export const draftRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/drafts",
    {
      schema: {
        summary: "Save the wizard's answers and get (or keep) a resume code",
        description:
          "Without resumeCode a new draft and code are created (201). With the code from an earlier save, " +
          "that draft's answers are replaced and it is kept 7 more days, never past 30 days from its first save (200). " +
          "An unknown or expired code is a 404. A draft is deleted when the referral made from it is submitted.",
        tags: ["drafts"],
        body: SaveDraftRequestSchema,
        response: {
          200: SavedDraftSchema,
          201: SavedDraftSchema,
          400: ErrorBodySchema,
          404: ErrorBodySchema,
          429: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const { draft, created } = await saveDraft(app.prisma, {
        request: request.body,
        ip: request.ip,
        now: app.now(),
        keyedHash: app.keyedHash,
      });
      return reply.status(created ? 201 : 200).send(draft);
    },
  );

  app.post(
    "/drafts/resume",
    {
      schema: {
        summary: "Get saved answers back with a resume code",
        description: "Unknown and expired codes get the same 404. Attempts are limited per client.",
        tags: ["drafts"],
        body: ResumeDraftRequestSchema,
        response: { 200: ResumedDraftSchema, 400: ErrorBodySchema, 404: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request) =>
      resumeDraft(app.prisma, {
        resumeCode: request.body.resumeCode,
        ip: request.ip,
        now: app.now(),
        keyedHash: app.keyedHash,
      }),
  );
};
