import type { DocumentId } from "@psu/domain";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useDocuments } from "../lib/documents-query";

export const DOCUMENTS_PATH = "/documents";

type DocumentLinkProps = { id: DocumentId; className?: string; children: ReactNode };

/**
 * A link to one of the unit's documents: its own address once an admin has set one, otherwise
 * (and while the addresses load) the documents page, which says how to ask for a copy.
 */
export function DocumentLink({ id, className, children }: DocumentLinkProps) {
  const { data } = useDocuments();
  const url = data?.find((document) => document.id === id)?.url ?? null;
  if (url !== null) {
    return (
      <a className={className} href={url}>
        {children}
      </a>
    );
  }
  return (
    <Link className={className} to={DOCUMENTS_PATH}>
      {children}
    </Link>
  );
}
