import {
  DOCUMENTS,
  findSharedLinks,
  PUBLISHED_LINK_TARGETS,
  type PublishedDocumentList,
  PublishedDocumentListSchema,
  type PublishedLink,
  PublishedLinkIdSchema,
  type PublishedLinkList,
  PublishedLinkListSchema,
  PublishedLinkSchema,
  type StaffProfile,
  type UpdatePublishedLinkRequest,
} from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { AppError } from "../../errors/app-error";
import {
  findPublishedUrls,
  listPublishedLinkRecords,
  type PublishedLinkRecord,
  savePublishedLink,
} from "./published-links.repository";

/** The admin making a change and where from. */
export interface PublishedLinkContext {
  staff: StaffProfile;
  ip: string;
  now: Date;
}

function titleOf(id: string): string {
  return PUBLISHED_LINK_TARGETS.find((target) => target.id === id)?.title ?? "another item";
}

/** The six documents with their address, or null where none is set yet (trainees then ask the coordinators). */
export async function listPublishedDocuments(prisma: PrismaClient): Promise<PublishedDocumentList> {
  const urls = await findPublishedUrls(prisma);
  return PublishedDocumentListSchema.parse({
    documents: DOCUMENTS.map((document) => ({ ...document, url: urls.get(document.id) ?? null })),
  });
}

// Parsed, not cast: a stored address the contract no longer accepts is a bug to see.
function toPublishedLink(id: string, record: PublishedLinkRecord | undefined): PublishedLink {
  const target = PUBLISHED_LINK_TARGETS.find((candidate) => candidate.id === id);
  if (!target) throw new RangeError(`No published link ${id}`);
  return PublishedLinkSchema.parse({
    ...target,
    url: record?.url ?? null,
    updatedAt: record ? record.updatedAt.toISOString() : null,
    updatedByName: record?.updatedByName ?? null,
  });
}

/** Every document and resource, with its address and who last changed it (admins). */
export async function listPublishedLinks(prisma: PrismaClient): Promise<PublishedLinkList> {
  const records = new Map((await listPublishedLinkRecords(prisma)).map((record) => [record.id, record]));
  return PublishedLinkListSchema.parse({
    links: PUBLISHED_LINK_TARGETS.map((target) => toPublishedLink(target.id, records.get(target.id))),
  });
}

/**
 * Sets a document's or resource's address, or takes it down (null). Refuses an address another
 * item already uses, however it is written (the domain's findSharedLinks), with the item named.
 */
export async function updatePublishedLink(
  prisma: PrismaClient,
  rawId: string,
  request: UpdatePublishedLinkRequest,
  context: PublishedLinkContext,
): Promise<PublishedLink> {
  const id = PublishedLinkIdSchema.safeParse(rawId);
  if (!id.success) throw new AppError("NOT_FOUND", "There is no document or resource with that id.");
  const url = request.url;
  const result = await savePublishedLink(
    prisma,
    { id: id.data, url, at: context.now, updatedById: context.staff.id },
    {
      actorId: context.staff.id,
      ip: context.ip,
      action: "PUBLISHED_LINK_CHANGED",
      detail: { linkId: id.data, change: url === null ? "removed" : "set" },
    },
    (links) => {
      if (url === null) return null;
      // This item goes last, so any pair that includes it names the other item first.
      const shared = findSharedLinks([...links.filter((link) => link.id !== id.data), { id: id.data, url }]);
      return shared.find(([, second]) => second === id.data)?.[0] ?? null;
    },
  );
  if (result.outcome === "address_taken") {
    const message = `That address is already used for ${titleOf(result.takenBy)}. Each document and resource needs its own address.`;
    throw new AppError("CONFLICT", message, [{ field: "url", message }]);
  }
  return toPublishedLink(id.data, result.link);
}
