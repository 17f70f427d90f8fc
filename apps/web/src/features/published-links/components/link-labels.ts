import type { PublishedLink, PublishedLinkKind } from "@psu/domain";
import { hasErrorCode } from "../../../lib/api-client";
import { formatLondonDate } from "../../../lib/format-date";

export const PAGE_TITLE = "Documents and links";
export const LINKS_PATH = "/staff/links";

export const KIND_LABELS: Readonly<Record<PublishedLinkKind, string>> = {
  document: "Document",
  resource: "Resource",
};

/** "Confidentiality Policy (November 2018)": a document's title with its date, as the unit's page gives them. */
export function describeTarget(link: Pick<PublishedLink, "title" | "issued">): string {
  return link.issued === null ? link.title : `${link.title} (${link.issued})`;
}

/** "3 December 2026 by Ari Admin", or "Never" for a link no one has set. */
export function describeLastChange(link: Pick<PublishedLink, "updatedAt" | "updatedByName">): string {
  if (link.updatedAt === null) return "Never";
  return link.updatedByName === null
    ? formatLondonDate(link.updatedAt)
    : `${formatLondonDate(link.updatedAt)} by ${link.updatedByName}`;
}

/** True for the API's answer to someone whose role may not manage links. */
export function isNotAllowed(error: unknown): boolean {
  return hasErrorCode(error, "FORBIDDEN");
}
