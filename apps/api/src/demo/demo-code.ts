// `npm run demo:code`: prints the demo accounts' current sign-in code (their one documented
// authenticator secret), so a newcomer can sign in without setting up an app. Refuses unless
// the app is configured for the embedded demo database on this machine only.
import { parseConfigOrReport } from "../config/env";
import { generateTotpCode } from "../modules/auth/totp";
import { isLoopbackDemo } from "../security/loopback-demo";
import { DEMO_TOTP_SECRET } from "./demo-seed";

function main(): number {
  const config = parseConfigOrReport(process.env);
  if (!config) return 1;
  if (!isLoopbackDemo(config)) {
    console.error(
      "No demo code: the demo accounts exist only on the embedded demo database served on this machine (no DATABASE_URL, HOST on loopback).",
    );
    return 1;
  }
  const now = new Date();
  const secondsLeft = 30 - (Math.floor(now.getTime() / 1000) % 30);
  console.log(`Demo sign-in code: ${generateTotpCode(DEMO_TOTP_SECRET, now)} (changes in ${secondsLeft} s)`);
  return 0;
}

process.exitCode = main();
