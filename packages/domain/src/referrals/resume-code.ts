import { z } from "zod";
import { createSingleLineTextSchema } from "../text/text-input";

/** Resume codes: 12 characters from the reference alphabet, shown in groups of four. */
export const ResumeCodeSchema = createSingleLineTextSchema("Resume code", { error: "Enter your resume code" })
  .trim()
  .toUpperCase()
  .transform((code) => code.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^[23456789ABCDEFGHJKMNPQRSTVWXY]{12}$/, "Enter the 12-character resume code we gave you"));
