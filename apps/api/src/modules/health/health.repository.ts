import type { PrismaClient } from "@psu/prisma";

/** Round-trips one query to PostgreSQL; throws when the database cannot answer. */
export async function pingDatabase(prisma: PrismaClient): Promise<void> {
  await prisma.$queryRaw`select 1`;
}
