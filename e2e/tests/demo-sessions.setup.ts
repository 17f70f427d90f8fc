import { rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { expect } from "@playwright/test";
import {
  claimCodeStep,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  SESSION_COOKIE,
  sessionFile,
  test,
  totpCode,
  waitForStep,
} from "./fixtures";

// Opens one session per demo account before the browser tests, through the API as a browser
// would (password, then the authenticator code), and keeps each cookie for `signIn` in
// fixtures.ts. Tests then share these sessions instead of each spending a code.

const DEMO_STAFF = [
  "coordinator@psu.example",
  "admin@psu.example",
  "spoc.lead@psu.example",
  "ist.lead@psu.example",
  "coaching.lead@psu.example",
];

function sessionCookieOf(setCookies: string[]): string {
  const cookie = setCookies.find((header) => header.startsWith(`${SESSION_COOKIE}=`));
  const value = cookie?.slice(SESSION_COOKIE.length + 1).split(";")[0];
  if (!value) throw new Error("The answer set no session cookie");
  return value;
}

function setCookiesOf(headers: { name: string; value: string }[]): string[] {
  return headers.filter((header) => header.name.toLowerCase() === "set-cookie").map((header) => header.value);
}

test("open a session for each demo account", async ({ request, baseURL }) => {
  rmSync(dirname(sessionFile(DEMO_STAFF[0] ?? "")), { recursive: true, force: true });
  for (const email of DEMO_STAFF) {
    const signedIn = await request.post("/api/auth/sign-in", {
      headers: { Origin: baseURL ?? "" },
      data: { email, password: DEMO_PASSWORD },
    });
    expect(signedIn.status()).toBe(200);
    expect(await signedIn.json()).toEqual({ next: "second-factor" });
    const pending = sessionCookieOf(setCookiesOf(signedIn.headersArray()));

    const step = claimCodeStep(email);
    await waitForStep(step);
    const confirmed = await request.post("/api/auth/second-factor", {
      headers: { Cookie: `${SESSION_COOKIE}=${pending}`, Origin: baseURL ?? "" },
      data: { code: totpCode(DEMO_TOTP_SECRET, step) },
    });
    expect(confirmed.status()).toBe(200);
    writeFileSync(sessionFile(email), sessionCookieOf(setCookiesOf(confirmed.headersArray())));
  }
});
