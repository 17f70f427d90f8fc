import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../../errors/app-error";
import { decodeCursor, encodeCursor } from "./keyset-cursor";

const PositionSchema = z.object({ id: z.string(), at: z.iso.datetime() });

describe("keyset cursors", () => {
  it("give back the position they were made from, in URL-safe characters", () => {
    const position = { id: "42", at: "2026-11-24T09:00:00.000Z" };
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, PositionSchema)).toEqual(position);
  });

  it.each([
    ["not base64 JSON", "%%%"],
    ["JSON of the wrong shape", encodeCursor({ id: 42 })],
    ["empty", ""],
  ])("refuse a cursor that is %s with a 400", (_name, cursor) => {
    const attempt = () => decodeCursor(cursor, PositionSchema);
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(expect.objectContaining({ status: 400, code: "BAD_REQUEST" }));
  });
});
