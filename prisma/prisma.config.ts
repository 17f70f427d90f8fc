import { defineConfig } from "prisma/config";

// The URL is only needed by CLI commands that talk to a database; generate does not.
// prisma's env() throws when the variable is unset, so read process.env directly.
export default defineConfig({
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
