import { z } from "zod";
import type { CrisisChannel, CrisisContact } from "./crisis-contacts";

// The crisis contacts' schemas, kept apart from the data so the error page can show the data
// without loading zod (crisis help must render even when a page's code failed to download).

export const CrisisChannelSchema = z.object({
  kind: z.enum(["phone", "text"]),
  /** What a person dials or texts, as written on the unit's page. */
  number: z.string().min(1),
  /** For texts: the word to send. */
  message: z.string().min(1).optional(),
  /** Opening hours in plain words; absent means 24 hours a day, 7 days a week. */
  hours: z.string().min(1).optional(),
}) satisfies z.ZodType<CrisisChannel>;

export const CrisisContactSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  audience: z.string().min(1).optional(),
  channels: z.array(CrisisChannelSchema).min(1),
  website: z.url({ protocol: /^https$/ }).optional(),
}) satisfies z.ZodType<CrisisContact>;

export const CrisisContactListSchema = z.object({ contacts: z.array(CrisisContactSchema) });
export type CrisisContactList = z.infer<typeof CrisisContactListSchema>;
