import { type AuditEntry, AuditPageSchema, type AuditQuerySchema } from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../queue/keyset-cursor";
import { type AuditRow, findAuditEntries } from "./audit.repository";

export type AuditRequest = z.output<typeof AuditQuerySchema>;
export type AuditPage = z.infer<typeof AuditPageSchema>;

// The cursor is the id of the last entry shown: the next page holds older ones.
const CursorSchema = z.object({ id: z.string().regex(/^\d{1,19}$/) });

/** A page of the audit log, newest first, filtered by ids, action and time (never by personal data). */
export async function listAuditEntries(prisma: PrismaClient, query: AuditRequest): Promise<AuditPage> {
  const beforeId = query.cursor ? decodeCursor(query.cursor, CursorSchema).id : null;
  const rows = await findAuditEntries(
    prisma,
    {
      actorId: query.actorId ?? null,
      caseId: query.caseId ?? null,
      action: query.action ?? null,
      from: query.from ? new Date(query.from) : null,
      to: query.to ? new Date(query.to) : null,
    },
    { beforeId, take: query.limit + 1 },
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return AuditPageSchema.parse({
    entries: page.map(toAuditEntry),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
  });
}

function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    // A member of staff is never deleted, only made inactive; the fallback is for safety.
    actor: row.actorId ? { id: row.actorId, name: row.actorName ?? "Unknown member of staff" } : null,
    action: row.action,
    caseId: row.caseId,
    reference: row.reference,
    detail: row.detail,
  };
}
