// Signing a benchmark's member in over HTTP, as a browser does at a first sign-in: password,
// then setting up the authenticator with a code made from the key the app shows.
import { AuthenticatorEnrolmentSchema } from "@psu/domain";
import { generateTotpCode } from "../../src/modules/auth/totp";
import { PASSWORD } from "../bench-support";

export interface SignedIn {
  /** Same-origin headers with the session cookie, for every request the member makes. */
  headers: Record<string, string>;
}

function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((candidate) => /^(__Host-)?psu_session=/.test(candidate));
  if (!cookie) throw new Error(`no session cookie (status ${response.status})`);
  return cookie.split(";")[0] ?? "";
}

export async function signInOverHttp(base: string, email: string): Promise<SignedIn> {
  const sameOrigin = { origin: base, "content-type": "application/json" };
  const signIn = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    headers: sameOrigin,
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const pending = { ...sameOrigin, cookie: sessionCookie(signIn) };
  const enrolment = await fetch(`${base}/api/auth/enrolment`, { headers: pending });
  const { secret } = AuthenticatorEnrolmentSchema.parse(await enrolment.json());
  const confirmed = await fetch(`${base}/api/auth/enrolment`, {
    method: "POST",
    headers: pending,
    body: JSON.stringify({ code: generateTotpCode(secret, new Date()) }),
  });
  return { headers: { origin: base, cookie: sessionCookie(confirmed) } };
}
