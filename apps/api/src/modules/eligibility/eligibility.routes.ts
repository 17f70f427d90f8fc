import { EligibilityAnswersSchema, EligibilityVerdictSchema, ErrorBodySchema } from "@psu/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { checkEligibility } from "./eligibility.service";

/** The stable eligibility contract (../shared/PRODUCT.md): other clients depend on it. */
export const eligibilityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/eligibility",
    {
      schema: {
        summary: "Check a trainee's eligibility for PSU support",
        description:
          "Every failed rule adds one reason; signposts point to better places for some concerns. " +
          "A missing, wrong-typed or unknown field, or a training end date in the future, is a 400 naming the field.",
        tags: ["eligibility"],
        body: EligibilityAnswersSchema,
        response: { 200: EligibilityVerdictSchema, 400: ErrorBodySchema },
      },
    },
    async (request) => checkEligibility(request.body, app.now()),
  );
};
