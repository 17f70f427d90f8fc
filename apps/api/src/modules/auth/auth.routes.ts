import { ErrorBodySchema, SignInRequestSchema, StaffProfileSchema } from "@psu/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { getSignedInStaff } from "../../plugins/staff-auth";
import { signIn, signOut } from "./auth.service";

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/sign-in",
    {
      schema: {
        summary: "Staff sign-in with email and password; starts a new session",
        tags: ["staff"],
        body: SignInRequestSchema,
        response: { 200: z.object({ staff: StaffProfileSchema }), 401: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const signedIn = await signIn(app.prisma, request.body, app.now());
      app.sessionCookie.set(reply, signedIn.token);
      return { staff: signedIn.staff };
    },
  );

  app.post(
    "/sign-out",
    { schema: { summary: "Ends the session on the server", tags: ["staff"], response: { 204: z.null() } } },
    async (request, reply) => {
      const token = request.cookies[app.sessionCookie.name];
      if (token) await signOut(app.prisma, token);
      app.sessionCookie.clear(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/me",
    {
      preHandler: app.requireStaff(),
      schema: {
        summary: "The signed-in member of staff",
        tags: ["staff"],
        response: { 200: z.object({ staff: StaffProfileSchema }), 401: ErrorBodySchema },
      },
    },
    async (request) => ({ staff: StaffProfileSchema.parse(getSignedInStaff(request)) }),
  );
};
