import {
  AddLeaveRequestSchema,
  CreateStaffMemberRequestSchema,
  ErrorBodySchema,
  StaffMemberListSchema,
  StaffMemberSchema,
  UpdateStaffMemberRequestSchema,
} from "@psu/domain";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { getSignedInStaff } from "../../plugins/staff-auth";
import {
  type AdminContext,
  addStaffLeave,
  createStaff,
  listStaff,
  removeStaffLeave,
  resendInvitation,
  type StaffAdminSettings,
  updateStaff,
} from "./staff-admin.service";

const MemberParamsSchema = z.object({ id: z.uuid() });
const LeaveParamsSchema = z.object({ id: z.uuid(), leaveId: z.uuid() });

const AUTH_ERRORS = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema };

/** Staff and leads: who they are, what they cover, their capacity and leave (admins; coordinators may list). */
export const staffAdminRoutes: FastifyPluginAsyncZod<{ publicUrl: string; passwordSignIn: boolean }> = async (
  app,
  options,
) => {
  const settings: StaffAdminSettings = {
    keyedHash: app.keyedHash,
    publicUrl: options.publicUrl,
    passwordSignIn: options.passwordSignIn,
  };
  const toContext = (request: FastifyRequest): AdminContext => ({
    staff: getSignedInStaff(request),
    ip: request.ip,
    now: app.now(),
  });

  app.get(
    "/members",
    {
      preHandler: app.requireStaff("admin", "coordinator"),
      schema: {
        summary: "Every member of staff, with what leads cover, their open cases and leave",
        tags: ["staff admin"],
        response: { 200: StaffMemberListSchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
      },
    },
    async () => listStaff(app.prisma),
  );

  app.post(
    "/members",
    {
      preHandler: app.requireStaff("admin"),
      schema: {
        summary: "Add a member of staff and email them an invitation to set their own password",
        description:
          "The invitation link works once, for 72 hours. 409 when the email address is taken. Only leads may have services and a capacity (400).",
        tags: ["staff admin"],
        body: CreateStaffMemberRequestSchema,
        response: { 201: StaffMemberSchema, ...AUTH_ERRORS, 409: ErrorBodySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createStaff(app.prisma, settings, request.body, toContext(request))),
  );

  app.post(
    "/members/:id/invitation",
    {
      preHandler: app.requireStaff("admin"),
      schema: {
        summary: "Send a member of staff a new invitation; the one before stops working",
        description: "409 when they have already set a password, or cannot sign in.",
        tags: ["staff admin"],
        params: MemberParamsSchema,
        response: { 201: StaffMemberSchema, ...AUTH_ERRORS, 404: ErrorBodySchema, 409: ErrorBodySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await resendInvitation(app.prisma, settings, request.params.id, toContext(request))),
  );

  app.patch(
    "/members/:id",
    {
      preHandler: app.requireStaff("admin"),
      schema: {
        summary: "Change what a member of staff covers, their capacity, Trusts or whether they may sign in",
        description: "Deactivating ends their sessions at once. Admins cannot deactivate themselves (409).",
        tags: ["staff admin"],
        params: MemberParamsSchema,
        body: UpdateStaffMemberRequestSchema,
        response: { 200: StaffMemberSchema, ...AUTH_ERRORS, 404: ErrorBodySchema, 409: ErrorBodySchema },
      },
    },
    async (request) => updateStaff(app.prisma, request.params.id, request.body, toContext(request)),
  );

  app.post(
    "/members/:id/leave",
    {
      preHandler: app.requireStaff("admin"),
      schema: {
        summary: "Record a lead's leave (both days included)",
        description: "Answers the member with all their leave. Leave is for leads only (409).",
        tags: ["staff admin"],
        params: MemberParamsSchema,
        body: AddLeaveRequestSchema,
        response: { 201: StaffMemberSchema, ...AUTH_ERRORS, 404: ErrorBodySchema, 409: ErrorBodySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addStaffLeave(app.prisma, request.params.id, request.body, toContext(request))),
  );

  app.delete(
    "/members/:id/leave/:leaveId",
    {
      preHandler: app.requireStaff("admin"),
      schema: {
        summary: "Remove a period of leave",
        description: "Answers the member with the leave that remains.",
        tags: ["staff admin"],
        params: LeaveParamsSchema,
        response: { 200: StaffMemberSchema, ...AUTH_ERRORS, 404: ErrorBodySchema },
      },
    },
    async (request) => removeStaffLeave(app.prisma, request.params.id, request.params.leaveId, toContext(request)),
  );
};
