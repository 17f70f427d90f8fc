import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "@psu/prisma";

/** A Prisma client or an open transaction: audit rows are written in the transaction of the change. */
export type Database = PrismaClient | Prisma.TransactionClient;

export interface AuditRecord {
  actorId: string | null;
  /** UPPER_SNAKE verb: CASE_VIEWED, CASE_STATUS_CHANGED, CASE_ASSIGNED, STAFF_SIGNED_IN, ... */
  action: string;
  caseId?: string | null;
  /** Ids, codes and versions only: never personal data (a note's text, a name, an email). */
  detail?: Prisma.InputJsonObject;
  /** Where from: the client IP, hashed (enough to tell sessions apart, not to find a person). */
  ip?: string | null;
}

/** Appends one entry to the audit log (the table refuses updates and deletes). */
export async function recordAudit(db: Database, record: AuditRecord): Promise<void> {
  await db.auditEntry.create({
    data: {
      actorId: record.actorId,
      action: record.action,
      caseId: record.caseId ?? null,
      detail: record.detail ?? {},
      ipHash: record.ip ? createHash("sha256").update(record.ip).digest("hex").slice(0, 16) : null,
    },
    select: { id: true },
  });
}
