import {
  AddNoteRequestSchema,
  AssignRequestSchema,
  CaseChangedSchema,
  ChangeStatusRequestSchema,
  ErrorBodySchema,
  FirstContactRequestSchema,
  SafetyFlagRequestSchema,
  SuggestionListSchema,
} from "@psu/domain";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors/app-error";
import {
  addCaseNote,
  assignCase,
  type CaseChangeContext,
  changeCaseStatus,
  recordFirstContact,
  setSafetyFlag,
  suggestLeadsForCase,
} from "./case-changes.service";
import { IfMatchHeadersSchema, readExpectedVersion, toEntityTag } from "./if-match";

const CaseParamsSchema = z.object({ caseId: z.uuid() });

// Every change answers the same way; the errors are the concurrency contract.
const CHANGE_RESPONSES = {
  200: CaseChangedSchema,
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
  412: ErrorBodySchema,
  422: ErrorBodySchema,
  428: ErrorBodySchema,
};

const CONCURRENCY_NOTE =
  'Send If-Match: "<version>" with the version the change is based on. Missing: 428. ' +
  "Stale: 412, saying who changed the case and what; nothing is written. " +
  "A lead may change only their own cases (others are 404). The answer carries the new version, also as ETag.";

/** The change's context from the request: the signed-in staff member and the If-Match version. */
function toContext(
  request: FastifyRequest<{ Params: { caseId: string }; Headers: { "if-match"?: string } }>,
  now: Date,
): CaseChangeContext {
  const staff = request.staff;
  // Set by requireStaff, which every route here runs first.
  if (!staff) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return {
    caseId: request.params.caseId,
    expectedVersion: readExpectedVersion(request.headers["if-match"]),
    staff,
    ip: request.ip,
    now,
  };
}

function sendChanged(reply: FastifyReply, changed: z.infer<typeof CaseChangedSchema>) {
  return reply.header("etag", toEntityTag(changed.version)).send(changed);
}

/** Versioned changes to a case, and the lead suggestions that go with allocating it. */
export const caseChangeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/cases/:caseId/status",
    {
      preHandler: app.requireStaff("coordinator", "lead", "admin"),
      schema: {
        summary: "Move a case to another status through the state machine",
        description: `${CONCURRENCY_NOTE} A move the state machine refuses is 409 naming its rule; a missing reason or outcome is 400 naming the field.`,
        tags: ["cases"],
        params: CaseParamsSchema,
        headers: IfMatchHeadersSchema,
        body: ChangeStatusRequestSchema,
        response: CHANGE_RESPONSES,
      },
    },
    async (request, reply) =>
      sendChanged(reply, await changeCaseStatus(app.prisma, toContext(request, app.now()), request.body)),
  );

  app.post(
    "/cases/:caseId/notes",
    {
      preHandler: app.requireStaff("coordinator", "lead"),
      schema: {
        summary: "Add an internal note to a case's timeline",
        description: CONCURRENCY_NOTE,
        tags: ["cases"],
        params: CaseParamsSchema,
        headers: IfMatchHeadersSchema,
        body: AddNoteRequestSchema,
        response: CHANGE_RESPONSES,
      },
    },
    async (request, reply) =>
      sendChanged(reply, await addCaseNote(app.prisma, toContext(request, app.now()), request.body)),
  );

  app.post(
    "/cases/:caseId/safety-flag",
    {
      preHandler: app.requireStaff("coordinator", "lead"),
      schema: {
        summary: "Raise or clear the safety-concern flag, saying why",
        description: `${CONCURRENCY_NOTE} Setting the flag it already has is 409.`,
        tags: ["cases"],
        params: CaseParamsSchema,
        headers: IfMatchHeadersSchema,
        body: SafetyFlagRequestSchema,
        response: CHANGE_RESPONSES,
      },
    },
    async (request, reply) =>
      sendChanged(reply, await setSafetyFlag(app.prisma, toContext(request, app.now()), request.body)),
  );

  app.get(
    "/cases/:caseId/suggestions",
    {
      preHandler: app.requireStaff("coordinator", "admin"),
      schema: {
        summary: "Every active lead ranked for allocating this case, with the reasons",
        tags: ["cases"],
        params: CaseParamsSchema,
        response: {
          200: SuggestionListSchema,
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          403: ErrorBodySchema,
          404: ErrorBodySchema,
        },
      },
    },
    async (request) => {
      const staff = request.staff;
      if (!staff) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
      return suggestLeadsForCase(app.prisma, { caseId: request.params.caseId, staff, ip: request.ip, now: app.now() });
    },
  );

  app.post(
    "/cases/:caseId/assign",
    {
      preHandler: app.requireStaff("coordinator"),
      schema: {
        summary: "Allocate a case to a lead (or re-allocate it)",
        description:
          `${CONCURRENCY_NOTE} The lead must be an active lead covering one of the services asked for (else 422 naming leadId); ` +
          "a lead the suggestions mark ineligible for capacity, leave or a conflict may still be chosen, and the override is recorded. " +
          "Only new, triage and allocated cases can be allocated (else 409).",
        tags: ["cases"],
        params: CaseParamsSchema,
        headers: IfMatchHeadersSchema,
        body: AssignRequestSchema,
        response: CHANGE_RESPONSES,
      },
    },
    async (request, reply) =>
      sendChanged(reply, await assignCase(app.prisma, toContext(request, app.now()), request.body)),
  );

  app.post(
    "/cases/:caseId/first-contact",
    {
      preHandler: app.requireStaff("coordinator", "lead"),
      schema: {
        summary: "Record the first contact with the trainee (allocated -> first contact)",
        description: `${CONCURRENCY_NOTE} contactedAt defaults to now; in the future or before allocation is 400.`,
        tags: ["cases"],
        params: CaseParamsSchema,
        headers: IfMatchHeadersSchema,
        body: FirstContactRequestSchema,
        response: CHANGE_RESPONSES,
      },
    },
    async (request, reply) =>
      sendChanged(reply, await recordFirstContact(app.prisma, toContext(request, app.now()), request.body)),
  );
};
