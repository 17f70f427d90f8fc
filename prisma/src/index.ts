// The package's one public entry: the generated client and its types, how to build a client,
// and how to bring a database up to date.
export * from "../generated/client/client";
export { type CreatePrismaClientOptions, createPrismaClient, type PoolUse, readPoolUse } from "./client";
export {
  type EmbeddedDatabase,
  type EmbeddedDatabaseOptions,
  embeddedDatabaseUrl,
  embeddedPasswordFile,
  startEmbeddedPostgres,
} from "./embedded-postgres";
export { findFreePort } from "./free-port";
export { type ApplyMigrationsOptions, type ApplyMigrationsResult, applyMigrations, MigrationError } from "./migrations";
export { createTestDatabase, type TestDatabase, type TestPostgres } from "./test-database";
