import { z } from "zod";

// What the edit page tells the list page it saved, through the router's state (never the URL).
const SavedStateSchema = z.object({ saved: z.string().min(1) });

/** The router state the list page reads to say what was saved. */
export function savedState(message: string): z.infer<typeof SavedStateSchema> {
  return { saved: message };
}

/** The message from `savedState`, or null when the page was reached another way. */
export function readSavedMessage(state: unknown): string | null {
  const parsed = SavedStateSchema.safeParse(state);
  return parsed.success ? parsed.data.saved : null;
}
