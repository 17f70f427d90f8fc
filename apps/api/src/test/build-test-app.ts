import { createPrismaClient, createTestDatabase, type TestDatabase } from "@psu/prisma";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import { afterAll, beforeAll, inject } from "vitest";
import { buildApp } from "../app";
import { parseConfig } from "../config/env";
import { loadServerSecret } from "../security/server-secret";

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** The app's clock; tests that move time pass one that reads a variable they change. */
  now?: () => Date;
  /** More settings, as the environment would give them (e.g. OIDC_ISSUER_URL). */
  env?: Record<string, string>;
  /** A logger to read what the app logs; without one the app is silent. */
  logger?: FastifyBaseLogger;
  /** Runs the background jobs (outbox, retention) once the app is ready, as the server does. */
  backgroundJobs?: boolean;
}

/** The whole app on a fresh copy of the migrated test database (integration tests only). */
export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase(inject("postgres"));
  const config = parseConfig({ ...options.env, NODE_ENV: "test", DATABASE_URL: database.url });
  const serverSecret = await loadServerSecret(config.serverSecret);
  const app = await buildApp({
    config,
    serverSecret,
    prisma: createPrismaClient(database.url, { max: 4 }),
    now: options.now,
    logger: options.logger,
    backgroundJobs: options.backgroundJobs,
  });
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * The whole app for the tests of one file (or one describe block): built before they run and
 * closed after. Read `app` and `database` inside tests and hooks; at load time they are not built yet.
 */
export function useTestApp(options: TestAppOptions = {}): Pick<TestApp, "app" | "database"> {
  let built: TestApp | undefined;
  beforeAll(async () => {
    built = await buildTestApp(options);
  });
  afterAll(async () => {
    await built?.close();
  });
  const current = (): TestApp => {
    if (!built) throw new Error("the test app is built in beforeAll: use it inside tests and hooks");
    return built;
  };
  return {
    get app() {
      return current().app;
    },
    get database() {
      return current().database;
    },
  };
}
