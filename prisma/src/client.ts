import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/client/client";

export interface CreatePrismaClientOptions {
  /** Most connections the pool opens (pg's default: 10). */
  max?: number;
}

/** How a client's connection pool is being used, at this moment, in this process. */
export interface PoolUse {
  /** Connections open, idle or busy. */
  total: number;
  idle: number;
  /** Queries waiting for a connection because all `max` are busy. */
  waiting: number;
  max: number;
}

// The pool behind each client made here, for the metrics: Prisma does not expose its adapter's pool.
const pools = new WeakMap<PrismaClient, pg.Pool>();

/** A Prisma client on a pg pool: Prisma 7 needs no native engine at run time. */
export function createPrismaClient(databaseUrl: string, options: CreatePrismaClientOptions = {}): PrismaClient {
  // The pool is made here rather than by the adapter so that its counts can be read; the
  // adapter still ends it when the client disconnects.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(prisma, pool);
  return prisma;
}

/** The pool use of a client made by createPrismaClient (null for any other client). */
export function readPoolUse(prisma: PrismaClient): PoolUse | null {
  const pool = pools.get(prisma);
  if (!pool) return null;
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 };
}
