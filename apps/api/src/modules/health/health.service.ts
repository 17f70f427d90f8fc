import type { FastifyInstance } from "fastify";
import { AppError } from "../../errors/app-error";
import { pingDatabase } from "./health.repository";

const PING_TIMEOUT_MS = 2_000;

/** Throws SERVICE_UNAVAILABLE when shutting down or when the database does not answer in time. */
export async function checkReadiness(app: Pick<FastifyInstance, "prisma" | "isShuttingDown" | "log">): Promise<void> {
  if (app.isShuttingDown()) throw new AppError("SERVICE_UNAVAILABLE", "The service is shutting down.");
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("database ping timed out")), PING_TIMEOUT_MS);
  });
  try {
    await Promise.race([pingDatabase(app.prisma), timeout]);
  } catch (error) {
    app.log.warn({ reason: error instanceof Error ? error.name : "unknown" }, "readiness: database not reachable");
    throw new AppError("SERVICE_UNAVAILABLE", "The database is not reachable.");
  } finally {
    clearTimeout(timer);
  }
}
