import type { FastifyServerOptions } from "fastify";
import type { TrustProxy } from "../config/env";

/**
 * Fastify's `trustProxy` for the setting. A hop count becomes a function trusting the socket's
 * peer and the next `count - 1` addresses from the right of X-Forwarded-For: Fastify 5 itself
 * treats a bare number as "trust nothing", because a client that can reach the app directly
 * could claim any address; with a hop count, the app must be reachable only through the proxies.
 */
export function toFastifyTrustProxy(setting: TrustProxy): FastifyServerOptions["trustProxy"] {
  switch (setting.kind) {
    case "none":
      return false;
    case "hops":
      return (_address: string, hop: number) => hop < setting.count;
    case "addresses":
      return setting.addresses;
  }
}
