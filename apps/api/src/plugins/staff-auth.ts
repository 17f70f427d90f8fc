import cookie from "@fastify/cookie";
import type { StaffProfile, StaffRole } from "@psu/domain";
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from "fastify";
import fp from "fastify-plugin";
import type { Config } from "../config/env";
import { AppError } from "../errors/app-error";
import { hashSessionToken, resolveSession } from "../modules/auth/auth.service";
import { SessionCache } from "../modules/auth/session-cache";

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in member of staff, set by `requireStaff`. */
    staff: StaffProfile | null;
  }
  interface FastifyInstance {
    /** A preHandler that lets through only signed-in staff, of these roles when given. */
    requireStaff: (...roles: StaffRole[]) => preHandlerAsyncHookHandler;
    sessionCookie: {
      name: string;
      set: (reply: FastifyReply, token: string) => void;
      clear: (reply: FastifyReply) => void;
    };
  }
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Staff sessions: an HttpOnly, SameSite=Strict cookie holding a random token (`__Host-` and
 * Secure outside development), resolved against PostgreSQL so any instance can serve it, and
 * taken on trust for two seconds by the instance that resolved it (decision 032). Writes that
 * carry the cookie must come from this origin.
 */
export const staffAuthPlugin = fp<{ env: Config["env"] }>(async (app: FastifyInstance, options) => {
  await app.register(cookie);
  const secure = options.env !== "development" && options.env !== "test";
  const name = secure ? "__Host-psu_session" : "psu_session";

  const sessions = new SessionCache();
  app.decorateRequest("staff", null);
  app.decorate("sessionCookie", {
    name,
    set: (reply: FastifyReply, token: string) =>
      reply.setCookie(name, token, { path: "/", httpOnly: true, sameSite: "strict", secure }),
    clear: (reply: FastifyReply) => reply.clearCookie(name, { path: "/", httpOnly: true, sameSite: "strict", secure }),
  });

  app.addHook("onRequest", async (request) => {
    if (!UNSAFE_METHODS.has(request.method) || !request.cookies[name]) return;
    if (!isSameOrigin(request)) {
      throw new AppError("FORBIDDEN", "This request came from another site, so it was refused.");
    }
  });

  app.decorate("requireStaff", (...roles: StaffRole[]) => {
    const handler: preHandlerAsyncHookHandler = async (request) => {
      const token = request.cookies[name];
      // Only a signed-in session: one still waiting for its second factor reaches no staff route.
      const now = app.now();
      const staff = token
        ? await sessions.resolve(hashSessionToken(app.keyedHash, token), now, () =>
            resolveSession({ prisma: app.prisma, keyedHash: app.keyedHash, now }, token),
          )
        : null;
      if (!staff)
        throw new AppError("UNAUTHENTICATED", "Sign in to continue. Sessions end after 30 minutes without activity.");
      if (roles.length > 0 && !roles.includes(staff.role)) {
        throw new AppError("FORBIDDEN", "Your role does not allow this.");
      }
      request.staff = staff;
    };
    return handler;
  });
});

/**
 * The member of staff `requireStaff` let through, as a non-null value. Only for routes that run
 * `requireStaff` first; without it this is a programming error, answered as signed out.
 */
export function getSignedInStaff(request: FastifyRequest): StaffProfile {
  if (!request.staff) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return request.staff;
}

// Browsers send Origin on every cross-site write; Sec-Fetch-Site where Origin is absent.
function isSameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin) {
    try {
      // Through URL on both sides, so a default port (":80", ":443") compares equal to none.
      return new URL(origin).host === new URL(`${request.protocol}://${request.host}`).host;
    } catch {
      return false;
    }
  }
  return request.headers["sec-fetch-site"] === "same-origin";
}
