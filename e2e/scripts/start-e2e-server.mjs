// Starts the app for the browser tests on a fresh embedded database of its own.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { API_DIR, buildServer, SERVER_NODE_ARGS } from "../../scripts/server-command.mjs";
import { startMailSink } from "./mail-sink.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
// A folder per run, removed afterwards, so two runs never share (or delete) each other's data.
const dataDir = join(root, `.data/e2e-${process.pid}`);
rmSync(dataDir, { recursive: true, force: true });
// Emails the app sends (invitations, password resets) land here, one file each, for tests/mailbox.ts.
const port = process.env.E2E_PORT ?? "3100";
const mailDir = join(root, `.data/e2e-mail-${port}`);
rmSync(mailDir, { recursive: true, force: true });
const mailSink = await startMailSink(mailDir);

// The compiled server, from the source as it is now.
buildServer();
const child = spawn(process.execPath, SERVER_NODE_ARGS, {
  cwd: API_DIR,
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    PORT: process.env.E2E_PORT ?? "3100",
    HOST: "127.0.0.1",
    DATABASE_URL: "",
    DATA_DIR: dataDir,
    EMBEDDED_POSTGRES_PORT: process.env.E2E_POSTGRES_PORT ?? "54339",
    LOG_LEVEL: "warn",
    SMTP_URL: mailSink.url,
    OUTBOX_POLL_MS: "200",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    // The browser tests say which address each test comes from (X-Forwarded-For, tests/fixtures.ts),
    // as a load balancer on this machine would: per-address limits then count each test apart.
    TRUST_PROXY: "loopback",
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(mailDir, { recursive: true, force: true });
  mailSink.close();
  process.exit(code ?? 0);
});
