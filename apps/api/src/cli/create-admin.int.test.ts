import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createPrismaClient, createTestDatabase, type TestDatabase } from "@psu/prisma";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildApp } from "../app";
import { parseConfig } from "../config/env";

// The create-admin command as an operator runs it: a real process against a real database,
// printing a one-time link that the service (same SERVER_SECRET) accepts.

const apiRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");
const SECRET = "create-admin-test-secret-of-enough-length-0123456789";
const PUBLIC_URL = "https://psu.example.nhs.uk";
let database: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase(inject("postgres"));
  const config = parseConfig({ NODE_ENV: "test", DATABASE_URL: database.url, PUBLIC_URL });
  app = await buildApp({ config, serverSecret: SECRET, prisma: createPrismaClient(database.url, { max: 2 }) });
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

function createAdmin(email: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "src/cli/create-admin.ts", "--email", email, "--name", "Ada Admin"],
      {
        cwd: apiRoot,
        env: { ...process.env, DATABASE_URL: database.url, SERVER_SECRET: SECRET, PUBLIC_URL },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += String(chunk)));
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

const check = (token: string) =>
  app.inject({ method: "POST", url: "/api/account/invitation/check", payload: { token } });

describe("the create-admin command", () => {
  it("creates an admin with no password and prints a one-time link the service accepts", async () => {
    const first = await createAdmin("Ada.Admin@nhs.net");
    expect(first.code).toBe(0);
    const link = first.stdout.trim();
    expect(link).toMatch(/^https:\/\/psu\.example\.nhs\.uk\/staff\/invitation#[\w-]{43}$/);
    const token = link.split("#")[1] ?? "";
    expect(first.stderr).not.toContain(token);
    const stored = await app.prisma.staffMember.findUniqueOrThrow({
      where: { email: "ada.admin@nhs.net" },
      select: { role: true, passwordHash: true, tokens: { select: { tokenHash: true } } },
    });
    expect(stored).toMatchObject({ role: "admin", passwordHash: null });
    expect(JSON.stringify(stored)).not.toContain(token);
    // Nothing was queued: the person running it is the admin, and has the link.
    expect(await app.prisma.outboxMessage.count()).toBe(0);
    const checked = await check(token);
    expect(checked.statusCode).toBe(200);
    expect(checked.json()).toEqual({ name: "Ada Admin", email: "ada.admin@nhs.net" });

    // Run again before a password is set: a new link, and the old one stops working.
    const again = await createAdmin("ada.admin@nhs.net");
    expect(again.code).toBe(0);
    const newToken = again.stdout.trim().split("#")[1] ?? "";
    expect((await check(token)).statusCode).toBe(404);
    expect((await check(newToken)).statusCode).toBe(200);

    // Once the admin has chosen a password, the command refuses.
    const accepted = await app.inject({
      method: "POST",
      url: "/api/account/invitation/accept",
      payload: { token: newToken, password: "plum kettle orbit lantern" },
    });
    expect(accepted.statusCode).toBe(204);
    const refused = await createAdmin("ada.admin@nhs.net");
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(/already has that email address/);
  }, 60_000);
});
