import { createHash, timingSafeEqual } from "node:crypto";

const BEARER = /^Bearer +(\S+) *$/i;

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/**
 * Whether an Authorization header carries `Bearer <token>`. Digests of equal length are
 * compared in constant time, so neither the token's length nor how much of it a guess got
 * right shows in the time taken.
 */
export function createBearerTokenCheck(token: string): (authorization: string | undefined) => boolean {
  const expected = digest(token);
  return (authorization) => {
    const given = BEARER.exec(authorization ?? "")?.[1];
    const matches = timingSafeEqual(digest(given ?? ""), expected);
    return given !== undefined && matches;
  };
}
