import { TERMINAL_CASE_STATUSES } from "@psu/domain";
import { Prisma, type PrismaClient } from "@psu/prisma";
import { type AuditRecord, recordAudit } from "../audit/audit.repository";
import { changingStaffAccess } from "../auth/session-cache";

/** Who a member of staff is, what they cover and how many open cases they hold: what the admin screens and the lead suggestions both read. */
export interface StaffCoverRecord {
  id: string;
  name: string;
  role: string;
  active: boolean;
  leadKinds: string[];
  capacity: number;
  affiliations: string[];
  openCaseCount: number;
}

/** The columns of a StaffCoverRecord; `_count.cases` becomes `openCaseCount`. */
export const STAFF_COVER_SELECT = {
  id: true,
  name: true,
  role: true,
  active: true,
  leadKinds: true,
  capacity: true,
  affiliations: true,
  _count: { select: { cases: { where: { status: { notIn: [...TERMINAL_CASE_STATUSES] } } } } },
} satisfies Prisma.StaffMemberSelect;

/** A member of staff as the admin screens show them: never the password hash. */
export interface StaffMemberRecord extends StaffCoverRecord {
  email: string;
  leave: { id: string; fromDay: string; toDay: string }[];
  /** The latest invitation not yet accepted (perhaps expired); null once they have set a password. */
  invitation: { sentAt: string; expiresAt: string } | null;
}

const MEMBER_SELECT = {
  ...STAFF_COVER_SELECT,
  email: true,
  leave: { select: { id: true, fromDay: true, toDay: true }, orderBy: { fromDay: "asc" } },
  // Accepting an invitation (or setting a password any other way) uses or removes it.
  tokens: {
    where: { purpose: "invitation", usedAt: null },
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { createdAt: true, expiresAt: true },
  },
} satisfies Prisma.StaffMemberSelect;

type MemberRow = Prisma.StaffMemberGetPayload<{ select: typeof MEMBER_SELECT }>;

function toRecord({ _count, tokens, ...member }: MemberRow): StaffMemberRecord {
  const latest = tokens[0];
  const invitation = latest
    ? { sentAt: latest.createdAt.toISOString(), expiresAt: latest.expiresAt.toISOString() }
    : null;
  return { ...member, openCaseCount: _count.cases, invitation };
}

type Transaction = Prisma.TransactionClient;

async function readMember(db: PrismaClient | Transaction, id: string): Promise<StaffMemberRecord | null> {
  const row = await db.staffMember.findUnique({ where: { id }, select: MEMBER_SELECT });
  return row ? toRecord(row) : null;
}

export async function listStaffMembers(prisma: PrismaClient): Promise<StaffMemberRecord[]> {
  const rows = await prisma.staffMember.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: MEMBER_SELECT });
  return rows.map(toRecord);
}

export async function findStaffMember(prisma: PrismaClient, id: string): Promise<StaffMemberRecord | null> {
  return readMember(prisma, id);
}

export interface NewStaffMember {
  name: string;
  email: string;
  role: string;
  leadKinds: string[];
  capacity: number;
  affiliations: string[];
}

/**
 * Creates a member of staff (with no password: they choose their own), writes the audit entry
 * the service planned for the new id, then `also` (their invitation), all in one transaction;
 * "duplicate_email" when the address is taken.
 */
export async function createStaffMember(
  prisma: PrismaClient,
  member: NewStaffMember,
  audit: (staffId: string) => AuditRecord,
  also: (tx: Transaction, staffId: string) => Promise<void>,
): Promise<StaffMemberRecord | "duplicate_email"> {
  try {
    return await prisma.$transaction(async (tx) => {
      const { id } = await tx.staffMember.create({ data: member, select: { id: true } });
      await recordAudit(tx, audit(id));
      await also(tx, id);
      const created = await readMember(tx, id);
      if (!created) throw new Error("the member just created was not found");
      return created;
    });
  } catch (error) {
    // The unique index decides, so two admins adding one address at once cannot both succeed.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return "duplicate_email";
    throw error;
  }
}

export interface StaffMemberChanges {
  active?: boolean;
  leadKinds?: string[];
  capacity?: number;
  affiliations?: string[];
}

/**
 * Updates a member of staff with its audit entry. Deactivating also ends every session they
 * have, in the same transaction, so they are signed out everywhere at once.
 */
export async function updateStaffMember(
  prisma: PrismaClient,
  id: string,
  changes: StaffMemberChanges,
  audit: AuditRecord,
): Promise<StaffMemberRecord | null> {
  return changingStaffAccess(
    prisma.$transaction(async (tx) => {
      const updated = await tx.staffMember.updateMany({ where: { id }, data: changes });
      if (updated.count === 0) return null;
      if (changes.active === false) await tx.staffSession.deleteMany({ where: { staffId: id } });
      await recordAudit(tx, audit);
      return readMember(tx, id);
    }),
  );
}

/** Adds a period of leave with its audit entry; null when the member does not exist. */
export async function addLeave(
  prisma: PrismaClient,
  staffId: string,
  leave: { fromDay: string; toDay: string },
  audit: (leaveId: string) => AuditRecord,
): Promise<StaffMemberRecord | null> {
  return prisma.$transaction(async (tx) => {
    const created = await tx.leadLeave.create({ data: { staffId, ...leave }, select: { id: true } });
    await recordAudit(tx, audit(created.id));
    return readMember(tx, staffId);
  });
}

/** Removes a period of leave with its audit entry; null when the member has no such leave. */
export async function removeLeave(
  prisma: PrismaClient,
  staffId: string,
  leaveId: string,
  audit: AuditRecord,
): Promise<StaffMemberRecord | null> {
  return prisma.$transaction(async (tx) => {
    const removed = await tx.leadLeave.deleteMany({ where: { id: leaveId, staffId } });
    if (removed.count === 0) return null;
    await recordAudit(tx, audit);
    return readMember(tx, staffId);
  });
}

/** Names of these members of staff, by id (ids that are not staff are simply absent). */
export async function findStaffNames(
  db: PrismaClient | Prisma.TransactionClient,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.staffMember.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Runs `write` in a transaction, then answers the member as they now are; null when there is no such member. */
export async function updateMemberWith(
  prisma: PrismaClient,
  id: string,
  write: (tx: Transaction) => Promise<void>,
): Promise<StaffMemberRecord | null> {
  return prisma.$transaction(async (tx) => {
    await write(tx);
    return readMember(tx, id);
  });
}
