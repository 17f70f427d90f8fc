import { type QueueItem, QueuePageSchema, type QueueQuery } from "@psu/domain";
import type { FastifyInstance } from "fastify";
import type { z } from "zod";

/** GET `url` with `headers` (a signed-in member's); the body as `schema` reads it, or an error naming the status. */
export async function getJsonAs<T>(
  app: FastifyInstance,
  url: string,
  headers: Record<string, string>,
  schema: z.ZodType<T>,
): Promise<T> {
  const response = await app.inject({ method: "GET", url, headers });
  if (response.statusCode !== 200) throw new Error(`GET ${url}: ${response.statusCode} ${response.body}`);
  return schema.parse(response.json());
}

/** Every row the queue lists for `query`, walking its pages with their cursors as the web does. */
export async function walkQueue(
  app: FastifyInstance,
  headers: Record<string, string>,
  query: Omit<QueueQuery, "cursor">,
): Promise<QueueItem[]> {
  const items: QueueItem[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1_000; pages += 1) {
    const response = await app.inject({
      method: "POST",
      url: "/api/staff/queue",
      headers,
      payload: { ...query, cursor },
    });
    if (response.statusCode !== 200) throw new Error(`POST /api/staff/queue: ${response.statusCode} ${response.body}`);
    const page = QueuePageSchema.parse(response.json());
    items.push(...page.items);
    if (page.nextCursor === null) return items;
    cursor = page.nextCursor;
  }
  throw new Error("the queue did not end");
}
