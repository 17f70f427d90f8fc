import { Prisma, type PrismaClient } from "@psu/prisma";
import { type AuditRecord, recordAudit } from "../audit/audit.repository";
import { findStaffNames } from "../staff-admin/staff-admin.repository";

/** A stored link: the address (null once taken down) and who last changed it, when. */
export interface PublishedLinkRecord {
  id: string;
  url: string | null;
  updatedAt: Date;
  updatedByName: string | null;
}

const LINK_SELECT = { id: true, url: true, updatedAt: true, updatedById: true } satisfies Prisma.PublishedLinkSelect;
type LinkRow = Prisma.PublishedLinkGetPayload<{ select: typeof LINK_SELECT }>;

type Database = PrismaClient | Prisma.TransactionClient;

// The table has no relation to staff_members (a link outlives any account), so names are read apart.
async function withNames(db: Database, rows: LinkRow[]): Promise<PublishedLinkRecord[]> {
  const ids = [...new Set(rows.flatMap((row) => (row.updatedById ? [row.updatedById] : [])))];
  const names = await findStaffNames(db, ids);
  return rows.map(({ updatedById, ...row }) => ({
    ...row,
    updatedByName: updatedById ? (names.get(updatedById) ?? null) : null,
  }));
}

/** Every stored link, set or taken down. Ids the domain no longer knows are the service's to ignore. */
export async function listPublishedLinkRecords(prisma: PrismaClient): Promise<PublishedLinkRecord[]> {
  return withNames(prisma, await prisma.publishedLink.findMany({ orderBy: { id: "asc" }, select: LINK_SELECT }));
}

/** The addresses set now, by link id: what trainees are shown. */
export async function findPublishedUrls(prisma: PrismaClient): Promise<Map<string, string>> {
  const rows = await prisma.publishedLink.findMany({ where: { url: { not: null } }, select: { id: true, url: true } });
  return new Map(rows.flatMap((row) => (row.url === null ? [] : [[row.id, row.url] as const])));
}

export interface PublishedLinkChange {
  id: string;
  url: string | null;
  at: Date;
  /** The admin making the change. */
  updatedById: string;
}

export type SavePublishedLinkResult =
  | { outcome: "saved"; link: PublishedLinkRecord }
  | { outcome: "address_taken"; takenBy: string };

/**
 * Sets or takes down one link and writes the audit entry the service planned, in one transaction. Writes to links are
 * serialised by a transaction-scoped advisory lock, so `findClash` (which compares addresses
 * the way the domain does: a trailing slash or an upper-case host is the same page) sees every
 * committed link and no other write can slip in between the check and the save. The unique
 * index on url backs this up: should it ever refuse, the answer is the same "address taken".
 */
export async function savePublishedLink(
  prisma: PrismaClient,
  change: PublishedLinkChange,
  audit: AuditRecord,
  findClash: (links: readonly { id: string; url: string | null }[]) => string | null,
): Promise<SavePublishedLinkResult> {
  try {
    return await prisma.$transaction(
      async (tx): Promise<SavePublishedLinkResult> => {
        await tx.$executeRaw`select pg_advisory_xact_lock(hashtextextended('published_links', 0))`;
        const current = await tx.publishedLink.findMany({ select: { id: true, url: true } });
        const takenBy = findClash(current);
        if (takenBy !== null) return { outcome: "address_taken", takenBy };
        const data = { url: change.url, updatedAt: change.at, updatedById: change.updatedById };
        const saved = await tx.publishedLink.upsert({
          where: { id: change.id },
          create: { id: change.id, ...data },
          update: data,
          select: LINK_SELECT,
        });
        await recordAudit(tx, audit);
        const [link] = await withNames(tx, [saved]);
        if (!link) throw new Error("the saved link could not be read back");
        return { outcome: "saved", link };
      },
      // Waiting for the lock counts against maxWait/timeout: allow for a few admins at once.
      { maxWait: 10_000, timeout: 15_000 },
    );
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002" || change.url === null)
      throw error;
    const holder = await prisma.publishedLink.findUnique({ where: { url: change.url }, select: { id: true } });
    return { outcome: "address_taken", takenBy: holder?.id ?? "another item" };
  }
}
