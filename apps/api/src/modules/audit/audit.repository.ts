import { type AuditAction, AuditActionSchema } from "@psu/domain";
import { Prisma, type PrismaClient } from "@psu/prisma";
import { z } from "zod";
import type { KeyedHash } from "../../security/server-secret";

/** A Prisma client or an open transaction: audit rows are written in the transaction of the change. */
export type Database = PrismaClient | Prisma.TransactionClient;

export interface AuditRecord {
  actorId: string | null;
  /** One of the domain's audit actions. */
  action: AuditAction;
  caseId?: string | null;
  /** Ids, codes and versions only: never personal data (a note's text, a name, an email). */
  detail?: Prisma.InputJsonObject;
  /** Where from: the client IP, stored as a keyed hash (enough to tell sessions apart, not to find a person). */
  ip?: string | null;
}

// The server's keyed hash, set once by buildApp. Held here rather than passed by each caller:
// every module that writes an audit entry hands over `request.ip`, and one place turning it into
// a keyed hash cannot be forgotten by a new caller (decision 015).
let hashAddress: KeyedHash | undefined;

/** Gives the audit log the server's keyed hash for client addresses (buildApp calls this). */
export function useKeyedHashForAuditAddresses(keyedHash: KeyedHash): void {
  hashAddress = keyedHash;
}

/** 16 hex characters of the keyed hash: tells one address from another, and cannot be reversed without the secret. */
function toAddressHash(ip: string): string {
  // Fails loudly rather than store an address unkeyed.
  if (!hashAddress) throw new Error("the audit log has no keyed hash: buildApp must run first");
  return hashAddress("audit:ip", ip).slice(0, 16);
}

/** Appends one entry to the audit log (the table refuses updates and deletes). */
export async function recordAudit(db: Database, record: AuditRecord): Promise<void> {
  await db.auditEntry.create({
    data: {
      actorId: record.actorId,
      action: record.action,
      caseId: record.caseId ?? null,
      detail: record.detail ?? {},
      ipHash: record.ip ? toAddressHash(record.ip) : null,
    },
    select: { id: true },
  });
}

export interface AuditFilter {
  actorId: string | null;
  caseId: string | null;
  action: AuditAction | null;
  /** Entries at or after this instant. */
  from: Date | null;
  /** Entries before this instant. */
  to: Date | null;
}

const AuditRowSchema = z.object({
  id: z.string(),
  at: z.date(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: AuditActionSchema,
  caseId: z.string().nullable(),
  reference: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditRow = z.infer<typeof AuditRowSchema>;

/**
 * Audit entries newest first (by id, which only grows), older than `beforeId` when given, with
 * the actor's name and the case's reference joined in. Keyset: no OFFSET.
 */
export async function findAuditEntries(
  prisma: PrismaClient,
  filter: AuditFilter,
  page: { beforeId: string | null; take: number },
): Promise<AuditRow[]> {
  const conditions: Prisma.Sql[] = [];
  if (filter.actorId !== null) conditions.push(Prisma.sql`a.actor_id = ${filter.actorId}::uuid`);
  if (filter.caseId !== null) conditions.push(Prisma.sql`a.case_id = ${filter.caseId}::uuid`);
  if (filter.action !== null) conditions.push(Prisma.sql`a.action = ${filter.action}`);
  if (filter.from !== null) conditions.push(Prisma.sql`a.at >= ${filter.from}::timestamptz`);
  if (filter.to !== null) conditions.push(Prisma.sql`a.at < ${filter.to}::timestamptz`);
  if (page.beforeId !== null) conditions.push(Prisma.sql`a.id < ${page.beforeId}::bigint`);
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT a.id::text AS id, a.at, a.actor_id AS "actorId", s.name AS "actorName", a.action,
           a.case_id AS "caseId", r.reference, a.detail
    FROM audit_entries a
    LEFT JOIN staff_members s ON s.id = a.actor_id
    LEFT JOIN cases c ON c.id = a.case_id
    LEFT JOIN referrals r ON r.id = c.referral_id
    ${where}
    ORDER BY a.id DESC
    LIMIT ${page.take}`;
  return z.array(AuditRowSchema).parse(rows);
}
