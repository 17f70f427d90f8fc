import { createPrismaClient, createTestDatabase, type TestDatabase } from "@psu/prisma";
import type { FastifyInstance } from "fastify";
import { inject } from "vitest";
import { buildApp } from "../app";
import { parseConfig } from "../config/env";

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The whole app on a fresh copy of the migrated test database (integration tests only). */
export async function buildTestApp(): Promise<TestApp> {
  const database = await createTestDatabase(inject("postgres"));
  const config = parseConfig({ NODE_ENV: "test", DATABASE_URL: database.url });
  const app = await buildApp({ config, prisma: createPrismaClient(database.url, { max: 4 }) });
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
