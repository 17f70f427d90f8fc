// Starts the app for the browser tests on a fresh embedded database of its own.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
// A folder per run, removed afterwards, so two runs never share (or delete) each other's data.
const dataDir = join(root, `.data/e2e-${process.pid}`);
rmSync(dataDir, { recursive: true, force: true });

const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
  cwd: join(root, "apps/api"),
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
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
