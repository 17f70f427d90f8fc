import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { AppError } from "../errors/app-error";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Part of signing in with a password (sign-in, second factor, invitations, resets, changes). */
    passwordSignIn?: boolean;
  }
}

/** The route config that marks a route as part of password sign-in, for the gate below. */
export const PASSWORD_SIGN_IN_ROUTE = { passwordSignIn: true } as const;

/**
 * With PASSWORD_SIGN_IN=false (allowed only with SSO configured), every route marked as part of
 * password sign-in refuses everyone: hiding the form alone would leave the door open, and an
 * invitation or reset link would still set a password nobody can use.
 */
export const passwordSignInGate = fp<{ passwordSignIn: boolean }>(async (app: FastifyInstance, options) => {
  if (options.passwordSignIn) return;
  app.addHook("onRequest", async (request) => {
    if (request.routeOptions.config.passwordSignIn)
      throw new AppError("FORBIDDEN", "Password sign-in is switched off here: use single sign-on.");
  });
});
