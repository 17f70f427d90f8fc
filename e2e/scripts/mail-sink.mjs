// The SMTP server the browser tests' app sends its real emails to, through the outbox (the
// integration tests' server, apps/api/src/test/smtp-server.mjs). Each message is written to
// `dir` as JSON ({ to, data }), where tests/mailbox.ts reads it.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startSmtpServer } from "../../apps/api/src/test/smtp-server.mjs";

/** Starts the sink on a free loopback port; resolves to its smtp:// URL and a close function. */
export async function startMailSink(dir) {
  mkdirSync(dir, { recursive: true });
  let count = 0;
  return startSmtpServer(({ to, data }) => {
    count += 1;
    writeFileSync(join(dir, `${Date.now()}-${String(count).padStart(6, "0")}.json`), JSON.stringify({ to, data }));
  });
}
