import type { Prisma, PrismaClient } from "@psu/prisma";
import { type AuditRecord, recordAudit } from "../audit/audit.repository";
import { changingStaffAccess } from "../auth/session-cache";
import { type LinkPurpose, STAFF_EMAIL_KIND_FOR } from "./account-emails";

export type { LinkPurpose } from "./account-emails";

/** A new one-time link as the service planned it: the token's keyed hash, never the token, plus the email carrying it. */
export interface NewOneTimeLink {
  staffId: string;
  purpose: LinkPurpose;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  /** The link holding the token; emailed to `emailTo`, or shown to whoever runs the create-admin command (null). */
  url: string;
  emailTo: string | null;
  audit: AuditRecord;
}

/**
 * Writes a one-time link, the email that carries it (when emailed) and its audit entry, in the caller's
 * transaction. The member's earlier links for the same purpose go: only the newest works.
 */
export async function writeOneTimeLink(tx: Prisma.TransactionClient, link: NewOneTimeLink): Promise<void> {
  await tx.staffToken.deleteMany({ where: { staffId: link.staffId, purpose: link.purpose, usedAt: null } });
  await tx.staffToken.create({
    data: {
      tokenHash: link.tokenHash,
      staffId: link.staffId,
      purpose: link.purpose,
      createdAt: link.createdAt,
      expiresAt: link.expiresAt,
    },
    select: { tokenHash: true },
  });
  if (link.emailTo !== null) {
    // The outbox's queueing shape: kind, recipient, and a payload the template reads.
    await tx.outboxMessage.create({
      data: { kind: STAFF_EMAIL_KIND_FOR[link.purpose], recipient: link.emailTo, payload: { link: link.url } },
      select: { id: true },
    });
  }
  await recordAudit(tx, link.audit);
}

/** writeOneTimeLink in a transaction of its own. */
export async function createOneTimeLink(prisma: PrismaClient, link: NewOneTimeLink): Promise<void> {
  await prisma.$transaction((tx) => writeOneTimeLink(tx, link));
}

/** A link that still works: unused, unexpired, for this purpose, and its member still active. */
function usableLink(tokenHash: string, purpose: LinkPurpose, now: Date): Prisma.StaffTokenWhereInput {
  return { tokenHash, purpose, usedAt: null, expiresAt: { gt: now }, staff: { active: true } };
}

/** Whom a usable link is for; null when it is unknown, expired, used, or the member is inactive. */
export async function findLinkHolder(
  prisma: PrismaClient,
  link: { tokenHash: string; purpose: LinkPurpose; now: Date },
): Promise<{ staffId: string; name: string; email: string } | null> {
  const token = await prisma.staffToken.findFirst({
    where: usableLink(link.tokenHash, link.purpose, link.now),
    select: { staff: { select: { id: true, name: true, email: true } } },
  });
  return token ? { staffId: token.staff.id, name: token.staff.name, email: token.staff.email } : null;
}

/**
 * Uses a one-time link to set the member's password, in one transaction: the link is claimed
 * by a single conditional update (two uses at once cannot both succeed), every other link the
 * member holds goes, and so does every session they have. Null when the link is not usable.
 */
export async function setPasswordWithLink(
  prisma: PrismaClient,
  change: {
    tokenHash: string;
    purpose: LinkPurpose;
    now: Date;
    passwordHash: string;
    audit: (staffId: string, sessionsEnded: number) => AuditRecord;
  },
): Promise<{ staffId: string } | null> {
  return changingStaffAccess(
    prisma.$transaction(async (tx) => {
      const claimed = await tx.staffToken.updateMany({
        where: usableLink(change.tokenHash, change.purpose, change.now),
        data: { usedAt: change.now },
      });
      if (claimed.count === 0) return null;
      const { staffId } = await tx.staffToken.findUniqueOrThrow({
        where: { tokenHash: change.tokenHash },
        select: { staffId: true },
      });
      await tx.staffMember.update({
        where: { id: staffId },
        data: { passwordHash: change.passwordHash, passwordChangedAt: change.now },
        select: { id: true },
      });
      await tx.staffToken.deleteMany({ where: { staffId, usedAt: null } });
      const { count } = await tx.staffSession.deleteMany({ where: { staffId } });
      await recordAudit(tx, change.audit(staffId, count));
      return { staffId };
    }),
  );
}

/** The member a password reset would be for, by email; null when there is none. */
export async function findStaffByEmail(
  prisma: PrismaClient,
  email: string,
): Promise<{ id: string; email: string; active: boolean } | null> {
  return prisma.staffMember.findUnique({ where: { email }, select: { id: true, email: true, active: true } });
}

/** The member's password hash and email, for checking their current password. */
export async function findPasswordHolder(
  prisma: PrismaClient,
  staffId: string,
): Promise<{ email: string; passwordHash: string | null } | null> {
  return prisma.staffMember.findUnique({ where: { id: staffId }, select: { email: true, passwordHash: true } });
}

/** Whether the member has set a password yet. */
export async function hasPassword(prisma: PrismaClient, staffId: string): Promise<boolean> {
  return (await prisma.staffMember.count({ where: { id: staffId, passwordHash: { not: null } } })) === 1;
}

/**
 * Sets a new password chosen by its signed-in owner, ends every session of theirs but the one
 * they are using, and drops any reset link they hold, in one transaction; returns how many
 * sessions ended.
 */
export async function changePassword(
  prisma: PrismaClient,
  change: {
    staffId: string;
    passwordHash: string;
    now: Date;
    keepSessionHash: string;
    audit: (sessionsEnded: number) => AuditRecord;
  },
): Promise<number> {
  return changingStaffAccess(
    prisma.$transaction(async (tx) => {
      await tx.staffMember.update({
        where: { id: change.staffId },
        data: { passwordHash: change.passwordHash, passwordChangedAt: change.now },
        select: { id: true },
      });
      await tx.staffToken.deleteMany({ where: { staffId: change.staffId, usedAt: null } });
      const { count } = await tx.staffSession.deleteMany({
        where: { staffId: change.staffId, tokenHash: { not: change.keepSessionHash } },
      });
      await recordAudit(tx, change.audit(count));
      return count;
    }),
  );
}
