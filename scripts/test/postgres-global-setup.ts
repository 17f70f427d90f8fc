// Starts one throwaway PostgreSQL for the integration tests and migrates a template database
// that every test file copies (prisma/src/test-database.ts), so files run in parallel, alone;
// and compiles the server for the tests that start it as a process.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMigrations, findFreePort, startEmbeddedPostgres } from "@psu/prisma";
import type { TestProject } from "vitest/node";
import { buildServer } from "../server-command.mjs";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The server-process tests start the compiled server, as production runs it.
  buildServer();
  const root = await mkdtemp(join(tmpdir(), "psu-test-"));
  // PostgreSQL runs as the `postgres` user when we are root: it must be able to reach its folder.
  await chmod(root, 0o755);
  const template = "psu_template";
  const server = await startEmbeddedPostgres({
    dataDir: join(root, "pg"),
    port: await findFreePort(),
    database: template,
    temporary: true,
  });
  await applyMigrations(server.url);
  const adminUrl = new URL(server.url);
  adminUrl.pathname = "/postgres";
  project.provide("postgres", { adminUrl: adminUrl.toString(), template });

  return async () => {
    await server.stop();
    await rm(root, { recursive: true, force: true });
  };
}
