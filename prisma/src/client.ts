import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/client/client";

export interface CreatePrismaClientOptions {
  /** Most connections the pool opens (pg's default: 10). */
  max?: number;
}

/** A Prisma client on a pg pool: Prisma 7 needs no native engine at run time. */
export function createPrismaClient(databaseUrl: string, options: CreatePrismaClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.max });
  return new PrismaClient({ adapter });
}
