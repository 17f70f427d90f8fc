import type { FastifyInstance } from "fastify";

export interface AnonymousResponse {
  status: number;
  /** The body parsed as JSON, or null when it is empty or not JSON. */
  body: unknown;
  raw: string;
  headers: Record<string, unknown>;
}

/**
 * A trainee's calls to the API, each from an address of its own unless one is given: the
 * per-address rate limits count for a whole test file, so tests would otherwise share them.
 */
export function createAnonymousClient(getApp: () => FastifyInstance) {
  let lastIp = 0;
  const nextIp = () => `198.51.100.${++lastIp}`;
  return {
    nextIp,
    async post(url: string, body: unknown, ip = nextIp()): Promise<AnonymousResponse> {
      const response = await getApp().inject({ method: "POST", url, payload: body as object, remoteAddress: ip });
      let parsed: unknown = null;
      try {
        parsed = response.body === "" ? null : response.json();
      } catch {
        parsed = null;
      }
      return { status: response.statusCode, body: parsed, raw: response.body, headers: response.headers };
    },
  };
}
