import { CrisisContactListSchema, ServiceListSchema, TraineeGroupSchema } from "@psu/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { getCrisisContacts, listServices } from "./catalogue.service";

const ServicesQuerySchema = z.object({
  group: TraineeGroupSchema.optional().describe("Only the services open to this professional group"),
});

// Public, unchanging reference data: let browsers and proxies keep it for a few minutes.
const CACHE_PUBLIC = "public, max-age=300";

export const catalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/services",
    {
      schema: {
        summary: "The PSU's services: referral services and self-serve resources",
        tags: ["catalogue"],
        querystring: ServicesQuerySchema,
        response: { 200: ServiceListSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", CACHE_PUBLIC);
      return listServices(request.query.group);
    },
  );

  app.get(
    "/crisis-contacts",
    {
      schema: {
        summary: "Crisis lines shown on every trainee page",
        tags: ["catalogue"],
        response: { 200: CrisisContactListSchema },
      },
    },
    async (_request, reply) => {
      reply.header("cache-control", CACHE_PUBLIC);
      return getCrisisContacts();
    },
  );
};
