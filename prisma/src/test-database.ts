import { randomBytes } from "node:crypto";
import pg from "pg";

/** Where integration tests find the shared test server, as the global setup provides it. */
export interface TestPostgres {
  /** URL of the `postgres` maintenance database, used to create and drop test databases. */
  adminUrl: string;
  /** A migrated database that each test database is copied from. */
  template: string;
}

// The integration tests' global setup provides the server to every test file.
declare module "vitest" {
  export interface ProvidedContext {
    postgres: TestPostgres;
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Copies the migrated template into a fresh database, so each test file starts clean and alone. */
export async function createTestDatabase(server: TestPostgres): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString("hex")}`;
  await runAdmin(server.adminUrl, (client) =>
    client.query(
      `create database ${client.escapeIdentifier(name)} template ${client.escapeIdentifier(server.template)}`,
    ),
  );
  const url = new URL(server.adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      runAdmin(server.adminUrl, (client) =>
        client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`),
      ),
  };
}

async function runAdmin(adminUrl: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
