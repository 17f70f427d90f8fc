import type { z } from "zod";
import { AppError } from "../../errors/app-error";

// Keyset pagination hands the client an opaque cursor: the sort key of the last row it saw,
// as base64url JSON. It holds ids and timestamps only, never anything searched for.

/** Encodes a position in a keyset-paginated list. */
export function encodeCursor(position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(position), "utf8").toString("base64url");
}

/** Decodes a cursor made by encodeCursor; anything else is a 400, never a 500. */
export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new AppError("BAD_REQUEST", "The cursor is not one this list gave out. Start again from the first page.", [
      { field: "cursor", message: "is not valid" },
    ]);
  }
  return parsed.data;
}
