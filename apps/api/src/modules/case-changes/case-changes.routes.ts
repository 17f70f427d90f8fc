import {
  AddNoteRequestSchema,
  AssignRequestSchema,
  CaseChangedSchema,
  ChangeStatusRequestSchema,
  ErrorBodySchema,
  FirstContactRequestSchema,
  SafetyFlagRequestSchema,
  STAFF_PERMISSIONS,
  type StaffRole,
  SuggestionListSchema,
} from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { getSignedInStaff } from "../../plugins/staff-auth";
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

type App = Parameters<FastifyPluginAsyncZod>[0];
type CaseChanged = z.infer<typeof CaseChangedSchema>;

/** The change's context from the request: the signed-in staff member and the If-Match version. */
function toContext(request: FastifyRequest, caseId: string, ifMatch: string | undefined, now: Date): CaseChangeContext {
  const staff = getSignedInStaff(request);
  return { caseId, expectedVersion: readExpectedVersion(ifMatch), staff, ip: request.ip, now };
}

interface VersionedChange<Body extends z.ZodType> {
  path: string;
  /** From the one policy (STAFF_PERMISSIONS in the domain's case-access.ts). */
  roles: readonly StaffRole[];
  summary: string;
  /** Said after the concurrency note. */
  description?: string;
  body: Body;
  change: (prisma: PrismaClient, context: CaseChangeContext, body: z.infer<Body>) => Promise<CaseChanged>;
}

/**
 * A change to a case based on the version the client last saw (If-Match): every change route
 * answers the same way, with the new version in the body and as the ETag.
 */
function addVersionedChange<Body extends z.ZodType>(app: App, route: VersionedChange<Body>): void {
  app.post(
    route.path,
    {
      preHandler: app.requireStaff(...route.roles),
      schema: {
        summary: route.summary,
        description: route.description ? `${CONCURRENCY_NOTE} ${route.description}` : CONCURRENCY_NOTE,
        tags: ["cases"],
        params: CaseParamsSchema,
        headers: IfMatchHeadersSchema,
        body: route.body,
        response: CHANGE_RESPONSES,
      },
    },
    async (request, reply) => {
      const context = toContext(request, request.params.caseId, request.headers["if-match"], app.now());
      const changed = await route.change(app.prisma, context, request.body as z.infer<Body>);
      return reply.header("etag", toEntityTag(changed.version)).send(changed);
    },
  );
}

/** Versioned changes to a case, and the lead suggestions that go with allocating it. */
export const caseChangeRoutes: FastifyPluginAsyncZod = async (app) => {
  addVersionedChange(app, {
    path: "/cases/:caseId/status",
    roles: STAFF_PERMISSIONS.changeCase,
    summary: "Move a case to another status through the state machine",
    description:
      "A move the state machine refuses is 409 naming its rule; a missing reason or outcome is 400 naming the field.",
    body: ChangeStatusRequestSchema,
    change: changeCaseStatus,
  });

  addVersionedChange(app, {
    path: "/cases/:caseId/notes",
    roles: STAFF_PERMISSIONS.changeCase,
    summary: "Add an internal note to a case's timeline",
    body: AddNoteRequestSchema,
    change: addCaseNote,
  });

  addVersionedChange(app, {
    path: "/cases/:caseId/safety-flag",
    roles: STAFF_PERMISSIONS.changeCase,
    summary: "Raise or clear the safety-concern flag, saying why",
    description: "Setting the flag it already has is 409.",
    body: SafetyFlagRequestSchema,
    change: setSafetyFlag,
  });

  app.get(
    "/cases/:caseId/suggestions",
    {
      preHandler: app.requireStaff(...STAFF_PERMISSIONS.allocateCase),
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
      const staff = getSignedInStaff(request);
      return suggestLeadsForCase(app.prisma, { caseId: request.params.caseId, staff, ip: request.ip, now: app.now() });
    },
  );

  addVersionedChange(app, {
    path: "/cases/:caseId/assign",
    roles: STAFF_PERMISSIONS.allocateCase,
    summary: "Allocate a case to a lead (or re-allocate it)",
    description:
      "The lead must be an active lead covering one of the services asked for (else 422 naming leadId); " +
      "a lead the suggestions mark ineligible for capacity, leave or a conflict may still be chosen, and the override is recorded. " +
      "Only new, triage and allocated cases can be allocated (else 409).",
    body: AssignRequestSchema,
    change: assignCase,
  });

  addVersionedChange(app, {
    path: "/cases/:caseId/first-contact",
    roles: STAFF_PERMISSIONS.changeCase,
    summary: "Record the first contact with the trainee (allocated -> first contact)",
    description: "contactedAt defaults to now; in the future or before allocation is 400.",
    body: FirstContactRequestSchema,
    change: recordFirstContact,
  });
};
