import {
  AuthenticatorEnrolmentSchema,
  ConfirmEnrolmentRequestSchema,
  EnrolmentConfirmedSchema,
  ErrorBodySchema,
  SecondFactorRequestSchema,
  SignedInSchema,
  SignInRequestSchema,
  SignInStartedSchema,
  StaffProfileSchema,
} from "@psu/domain";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { PASSWORD_SIGN_IN_ROUTE } from "../../plugins/password-sign-in-gate";
import { getSignedInStaff } from "../../plugins/staff-auth";
import {
  type AuthContext,
  completeSecondFactor,
  confirmEnrolment,
  getEnrolment,
  signIn,
  signOut,
} from "./auth.service";

const STEP_ERRORS = { 400: ErrorBodySchema, 401: ErrorBodySchema, 409: ErrorBodySchema, 429: ErrorBodySchema };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const contextOf = (request: FastifyRequest, step?: "password" | "second_factor"): AuthContext => ({
    prisma: app.prisma,
    keyedHash: app.keyedHash,
    encryption: app.encryption,
    now: app.now(),
    ip: request.ip,
    ...(step && { countFailure: (reason) => app.metrics.countSignInFailure(step, reason) }),
  });
  const tokenOf = (request: FastifyRequest): string | undefined => request.cookies[app.sessionCookie.name];

  app.post(
    "/sign-in",
    {
      config: PASSWORD_SIGN_IN_ROUTE,
      schema: {
        summary: "Staff sign-in, first step: email and password. Starts a pending session and says what comes next",
        tags: ["staff"],
        body: SignInRequestSchema,
        response: { 200: SignInStartedSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const started = await signIn(contextOf(request, "password"), request.body);
      app.sessionCookie.set(reply, started.token);
      return { next: started.next };
    },
  );

  app.post(
    "/second-factor",
    {
      config: PASSWORD_SIGN_IN_ROUTE,
      schema: {
        summary:
          "Staff sign-in, second step: a code from the authenticator app or a recovery code. Signs in under a new session",
        tags: ["staff"],
        body: SecondFactorRequestSchema,
        response: { 200: SignedInSchema, ...STEP_ERRORS },
      },
    },
    async (request, reply) => {
      const signedIn = await completeSecondFactor(
        contextOf(request, "second_factor"),
        tokenOf(request),
        request.body.code,
      );
      app.sessionCookie.set(reply, signedIn.token);
      return { staff: signedIn.staff };
    },
  );

  app.get(
    "/enrolment",
    {
      config: PASSWORD_SIGN_IN_ROUTE,
      schema: {
        summary: "First sign-in: the authenticator key and QR code to set up (the same until confirmed)",
        tags: ["staff"],
        response: { 200: AuthenticatorEnrolmentSchema, 401: ErrorBodySchema, 409: ErrorBodySchema },
      },
    },
    async (request) => getEnrolment(contextOf(request), tokenOf(request)),
  );

  app.post(
    "/enrolment",
    {
      config: PASSWORD_SIGN_IN_ROUTE,
      schema: {
        summary:
          "First sign-in: confirms the authenticator with its first code; signs in and gives the recovery codes once",
        tags: ["staff"],
        body: ConfirmEnrolmentRequestSchema,
        response: { 200: EnrolmentConfirmedSchema, ...STEP_ERRORS },
      },
    },
    async (request, reply) => {
      const confirmed = await confirmEnrolment(
        contextOf(request, "second_factor"),
        tokenOf(request),
        request.body.code,
      );
      app.sessionCookie.set(reply, confirmed.token);
      return { staff: confirmed.staff, recoveryCodes: confirmed.recoveryCodes };
    },
  );

  app.post(
    "/sign-out",
    { schema: { summary: "Ends the session on the server", tags: ["staff"], response: { 204: z.null() } } },
    async (request, reply) => {
      const token = tokenOf(request);
      if (token) await signOut(contextOf(request), token);
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
