import { createPrismaClient, createTestDatabase, type PrismaClient, type TestDatabase } from "@psu/prisma";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PERSONAL_DATA_TABLES, toDatabaseColumn } from "./personal-data";

// The registry must name every table that holds trainee data and every column of it, exactly as
// the database has them: a new table or column the registry does not classify fails here (a
// new column of a listed table already fails to compile).

let database: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabase(inject("postgres"));
  prisma = createPrismaClient(database.url, { max: 2 });
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

async function listDatabaseColumns(table: string): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ column_name: string }[]>`
    SELECT column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY column_name`;
  return rows.map((row) => row.column_name);
}

describe("the personal-data registry", () => {
  it.each(PERSONAL_DATA_TABLES.map((classes) => [classes.table, classes] as const))(
    "classifies every column of %s, by its database name",
    async (table, classes) => {
      const registered = Object.keys(classes.columns).map(toDatabaseColumn).sort();
      expect(registered).toEqual(await listDatabaseColumns(table));
    },
  );

  it("lists every table that refers to a referral or a case", async () => {
    const rows = await prisma.$queryRaw<{ table_name: string }[]>`
      SELECT DISTINCT tc.table_name FROM information_schema.table_constraints tc
      JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
      WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()
        AND ccu.table_name IN ('referrals', 'cases')`;
    const registered = PERSONAL_DATA_TABLES.map((classes) => classes.table);
    for (const { table_name: table } of rows) expect(registered, table).toContain(table);
  });
});
