import {
  BreachingSoonCountsSchema,
  ErrorBodySchema,
  QueuePageSchema,
  QueueQuerySchema,
  QueueViewCountsSchema,
  STAFF_PERMISSIONS,
} from "@psu/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { getSignedInStaff } from "../../plugins/staff-auth";
import { listQueue } from "./queue.service";
import { countOpenCasesBySlaState } from "./sla-counts";
import { countQueueViews } from "./view-counts";

/** The staff queue: a POST so searches for names and emails stay out of URLs and logs. */
export const queueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/queue",
    {
      preHandler: app.requireStaff(...STAFF_PERMISSIONS.readQueue),
      schema: {
        summary: "A page of the case queue, with counts per status",
        description:
          "Coordinators see every case; a lead sees only cases allocated to them, whatever the filters; " +
          "admins get 403 (the queue is case content: decision record 017). " +
          "Keyset pagination: send back `nextCursor` as `cursor` (with the same sort) for the next page. " +
          "With an SLA filter or the breaching-soon view a page may hold fewer than `limit` cases while " +
          "`nextCursor` is not null; a null `nextCursor` always means there are no more.",
        tags: ["staff"],
        body: QueueQuerySchema,
        response: { 200: QueuePageSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
      },
    },
    async (request) => {
      return listQueue(app.prisma, { query: request.body, staff: getSignedInStaff(request), now: app.now() });
    },
  );

  app.get(
    "/queue/sla-counts",
    {
      preHandler: app.requireStaff(...STAFF_PERMISSIONS.readQueue),
      schema: {
        summary: "How many cases the breaching-soon view holds, per SLA clock",
        description:
          "Open cases whose running SLA clock is breached or due soon, for triage and first contact: " +
          "the cases the breaching-soon view lists (judged by the same rules), among those the viewer may see.",
        tags: ["staff"],
        response: { 200: BreachingSoonCountsSchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
      },
    },
    async (request) => {
      return countOpenCasesBySlaState(app.prisma, { now: app.now(), viewer: getSignedInStaff(request) });
    },
  );

  app.get(
    "/queue/view-counts",
    {
      preHandler: app.requireStaff(...STAFF_PERMISSIONS.readQueue),
      schema: {
        summary: "How many cases each saved view holds",
        description:
          "The counts the queue shows beside its saved views, in one answer: each counted by the rules the " +
          "view's pages are listed by, among the cases the viewer may see (a lead: their own).",
        tags: ["staff"],
        response: { 200: QueueViewCountsSchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
      },
    },
    async (request) => {
      return countQueueViews(app.prisma, { now: app.now(), viewer: getSignedInStaff(request) });
    },
  );
};
