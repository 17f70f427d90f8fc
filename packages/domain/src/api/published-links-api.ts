import { z } from "zod";
import { DOCUMENT_IDS, DOCUMENTS, type DocumentId } from "../catalogue/documents";
import { HttpsUrlSchema, RESOURCE_SERVICE_IDS, type ResourceServiceId, SERVICES } from "../catalogue/services";

// Published links: the addresses of the unit's documents and self-serve resources. The unit's
// page gives none of them, so they are not in the code: admins set and change them from the
// staff side (stored, audited), and trainees see them at once, without a release.

export const PUBLISHED_LINK_IDS = [...DOCUMENT_IDS, ...RESOURCE_SERVICE_IDS] as const;
export const PublishedLinkIdSchema = z.enum(PUBLISHED_LINK_IDS);
export type PublishedLinkId = z.infer<typeof PublishedLinkIdSchema>;

export const PUBLISHED_LINK_KINDS = ["document", "resource"] as const;
export type PublishedLinkKind = (typeof PUBLISHED_LINK_KINDS)[number];

/** What each link is for, in the order staff and trainees see them. */
export interface PublishedLinkTarget {
  id: PublishedLinkId;
  kind: PublishedLinkKind;
  title: string;
  /** Documents: when issued, as the unit's page says it. */
  issued: string | null;
}

export const PUBLISHED_LINK_TARGETS: readonly PublishedLinkTarget[] = [
  ...DOCUMENTS.map((document) => ({
    id: document.id,
    kind: "document" as const,
    title: document.title,
    issued: document.issued,
  })),
  ...RESOURCE_SERVICE_IDS.map((id) => ({
    id,
    kind: "resource" as const,
    title: SERVICES.find((service) => service.id === id)?.name ?? id,
    issued: null,
  })),
];

/** Whether a link id is a document's. */
export function isDocumentId(id: PublishedLinkId): id is DocumentId {
  return (DOCUMENT_IDS as readonly string[]).includes(id);
}

/** Whether a link id is a self-serve resource's. */
export function isResourceServiceId(id: string): id is ResourceServiceId {
  return (RESOURCE_SERVICE_IDS as readonly string[]).includes(id);
}

/**
 * Pairs of different targets that share an address. Two documents behind one address is the
 * mistake the unit's page warns against: each document and resource needs its own.
 */
export function findSharedLinks(links: readonly { id: string; url: string | null }[]): [string, string][] {
  const byUrl = new Map<string, string>();
  const shared: [string, string][] = [];
  for (const link of links) {
    if (link.url === null) continue;
    const key = normaliseLinkForComparison(link.url);
    const first = byUrl.get(key);
    if (first !== undefined && first !== link.id) shared.push([first, link.id]);
    else byUrl.set(key, link.id);
  }
  return shared;
}

// The same page written two ways (a trailing slash, an upper-case host, a #fragment) is still
// the same page. Plain string work: the domain has no URL class (no DOM or Node types).
function normaliseLinkForComparison(url: string): string {
  const withoutFragment = url.trim().split("#")[0] ?? "";
  const match = /^([a-z]+:\/\/)([^/?]+)([^?]*)(.*)$/i.exec(withoutFragment);
  if (!match) return withoutFragment;
  const [, scheme = "", host = "", path = "", query = ""] = match;
  return `${scheme.toLowerCase()}${host.toLowerCase()}${path.replace(/\/+$/, "")}${query}`;
}

/** A document as trainees see it: `url` is null until an admin sets one. */
export const PublishedDocumentSchema = z.object({
  id: z.enum(DOCUMENT_IDS),
  title: z.string().min(1),
  issued: z.string().min(1).nullable(),
  url: HttpsUrlSchema.nullable(),
});
export type PublishedDocument = z.infer<typeof PublishedDocumentSchema>;

/** `GET /api/documents`. */
export const PublishedDocumentListSchema = z.object({ documents: z.array(PublishedDocumentSchema) });
export type PublishedDocumentList = z.infer<typeof PublishedDocumentListSchema>;

/** A link as admins manage it. */
export const PublishedLinkSchema = z.object({
  id: PublishedLinkIdSchema,
  kind: z.enum(PUBLISHED_LINK_KINDS),
  title: z.string().min(1),
  issued: z.string().min(1).nullable(),
  url: HttpsUrlSchema.nullable(),
  updatedAt: z.iso.datetime().nullable(),
  updatedByName: z.string().nullable(),
});
export type PublishedLink = z.infer<typeof PublishedLinkSchema>;

/** `GET /api/staff/published-links`. */
export const PublishedLinkListSchema = z.object({ links: z.array(PublishedLinkSchema) });
export type PublishedLinkList = z.infer<typeof PublishedLinkListSchema>;

/** `PUT /api/staff/published-links/:id`: a new address, or null to take the link down. */
export const UpdatePublishedLinkRequestSchema = z.object({ url: HttpsUrlSchema.nullable() });
export type UpdatePublishedLinkRequest = z.infer<typeof UpdatePublishedLinkRequestSchema>;
