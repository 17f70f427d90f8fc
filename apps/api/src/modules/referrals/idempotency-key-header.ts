import { createSingleLineTextSchema } from "@psu/domain";
import { z } from "zod";

/** The Idempotency-Key header every referral route requires: one new random value per referral. */
export const IdempotencyKeyHeadersSchema = z.object({
  "idempotency-key": createSingleLineTextSchema("Idempotency-Key", {
    error: "Send an Idempotency-Key header: a new random value (a UUID) for each referral",
  })
    .trim()
    .min(16, "Idempotency-Key must be at least 16 characters: use a UUID")
    .max(200, "Idempotency-Key must be 200 characters or fewer"),
});
