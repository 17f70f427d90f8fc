import { CrisisContactListSchema, ServiceListSchema, TraineeGroupSchema } from "@psu/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { getCrisisContacts, listServices } from "./catalogue.service";

const ServicesQuerySchema = z.object({
  group: TraineeGroupSchema.optional().describe("Only the services open to this professional group"),
});

// Public, unchanging reference data: let browsers and proxies keep it for a few minutes.
const CACHE_PUBLIC = "public, max-age=300";
// The services carry the resources' links, which admins change at any time: always revalidate.
const CACHE_REVALIDATE = "no-cache";

export const catalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/services",
    {
      schema: {
        summary: "The PSU's services: referral services and self-serve resources",
        description:
          "A self-serve resource's `url` is the address an admin has published, or null while there is none.",
        tags: ["catalogue"],
        querystring: ServicesQuerySchema,
        response: { 200: ServiceListSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", CACHE_REVALIDATE);
      return listServices(app.prisma, request.query.group);
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
