import {
  ChangePasswordRequestSchema,
  CheckLinkRequestSchema,
  ErrorBodySchema,
  LinkHolderSchema,
  PasswordChangedSchema,
  PasswordResetRequestedSchema,
  PasswordResetRequestSchema,
  SetPasswordRequestSchema,
} from "@psu/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { PASSWORD_SIGN_IN_ROUTE } from "../../plugins/password-sign-in-gate";
import { getSignedInStaff } from "../../plugins/staff-auth";
import { hashSessionToken } from "../auth/auth.service";
import {
  changeOwnPassword,
  checkLink,
  type LinkSettings,
  requestPasswordReset,
  setPasswordFromLink,
} from "./account.service";

const LINK_ERRORS = { 400: ErrorBodySchema, 404: ErrorBodySchema };
const LINK_NOTE = "The token is the fragment of the emailed link. Unknown, expired and used links are one 404.";

/** A member of staff's own account: invitations, password resets by email, and changing the password. */
export const accountRoutes: FastifyPluginAsyncZod<{ publicUrl: string }> = async (app, options) => {
  const settings: LinkSettings = { keyedHash: app.keyedHash, publicUrl: options.publicUrl };
  const context = (request: { ip: string }) => ({ now: app.now(), ip: request.ip });

  app.post(
    "/invitation/check",
    {
      config: PASSWORD_SIGN_IN_ROUTE,
      schema: {
        summary: "Whom an invitation is for, while it still works",
        description: LINK_NOTE,
        tags: ["account"],
        body: CheckLinkRequestSchema,
        response: { 200: LinkHolderSchema, ...LINK_ERRORS },
      },
    },
    async (request) => checkLink(app.prisma, settings, "invitation", request.body.token, app.now()),
  );

  app.post(
    "/invitation/accept",
    {
      config: PASSWORD_SIGN_IN_ROUTE,
      schema: {
        summary: "Accept an invitation by choosing a password",
        description: `${LINK_NOTE} A password that is too short, common or holds the email address is 400 naming \`password\`.`,
        tags: ["account"],
        body: SetPasswordRequestSchema,
        response: { 204: z.null(), ...LINK_ERRORS },
      },
    },
    async (request, reply) => {
      await setPasswordFromLink(app.prisma, settings, "invitation", request.body, context(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/password-reset",
    {
      config: PASSWORD_SIGN_IN_ROUTE,
      schema: {
        summary: "Email a password reset link",
        description:
          "Answers 202 alike whether or not the address has an account. 429 when this network has asked too often.",
        tags: ["account"],
        body: PasswordResetRequestSchema,
        response: { 202: PasswordResetRequestedSchema, 400: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await requestPasswordReset(app.prisma, settings, request.body, context(request))),
  );

  app.post(
    "/password-reset/check",
    {
      config: PASSWORD_SIGN_IN_ROUTE,
      schema: {
        summary: "Whom a password reset link is for, while it still works",
        description: LINK_NOTE,
        tags: ["account"],
        body: CheckLinkRequestSchema,
        response: { 200: LinkHolderSchema, ...LINK_ERRORS },
      },
    },
    async (request) => checkLink(app.prisma, settings, "password-reset", request.body.token, app.now()),
  );

  app.post(
    "/password-reset/complete",
    {
      config: PASSWORD_SIGN_IN_ROUTE,
      schema: {
        summary: "Choose a new password with a reset link; ends every session of that member",
        description: `${LINK_NOTE} The second factor stays as it was.`,
        tags: ["account"],
        body: SetPasswordRequestSchema,
        response: { 204: z.null(), ...LINK_ERRORS },
      },
    },
    async (request, reply) => {
      await setPasswordFromLink(app.prisma, settings, "password-reset", request.body, context(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/password",
    {
      config: PASSWORD_SIGN_IN_ROUTE,
      preHandler: app.requireStaff(),
      schema: {
        summary: "Change your own password; your other sessions end",
        description: "400 naming `currentPassword` when it is wrong (5 wrong in 15 minutes: 429), or `newPassword`.",
        tags: ["account"],
        body: ChangePasswordRequestSchema,
        response: { 200: PasswordChangedSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request) =>
      changeOwnPassword(app.prisma, settings, getSignedInStaff(request), request.body, {
        ...context(request),
        // requireStaff let the request through, so the cookie is there.
        sessionTokenHash: hashSessionToken(app.keyedHash, request.cookies[app.sessionCookie.name] ?? ""),
      }),
  );
};
