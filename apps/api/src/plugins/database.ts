import type { PrismaClient } from "@psu/prisma";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyInstance {
    prisma: PrismaClient;
  }
}

/** Exposes the Prisma client to repositories and closes its pool when the app closes. */
export const databasePlugin = fp<{ prisma: PrismaClient }>(async (app: FastifyInstance, options) => {
  app.decorate("prisma", options.prisma);
  app.addHook("onClose", async () => {
    await options.prisma.$disconnect();
  });
});
