import type { PublishedLink } from "@psu/domain";
import { Link, useLocation } from "react-router";
import { DataTable } from "../../../components/data-table";
import { LoadError } from "../../../components/load-error";
import { LoadingStatus } from "../../../components/loading-status";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { usePublishedLinks } from "../api/get-published-links";
import {
  describeLastChange,
  describeTarget,
  isNotAllowed,
  KIND_LABELS,
  LINKS_PATH,
  PAGE_TITLE,
} from "../components/link-labels";
import { NotAllowed } from "../components/not-allowed";
import { readSavedMessage } from "../components/saved-message";

/** Admins: every document and resource with its address, and a way to change each. */
export function PublishedLinksPage() {
  useDocumentTitle(PAGE_TITLE);
  const links = usePublishedLinks();
  const saved = readSavedMessage(useLocation().state);

  if (links.isError && isNotAllowed(links.error)) return <NotAllowed />;
  return (
    <>
      {saved && (
        <div className="nhsuk-inset-text" role="status">
          <p>{saved}</p>
        </div>
      )}
      <h1>{PAGE_TITLE}</h1>
      <p>
        Where trainees find the unit's documents and self-serve resources. Until an item has an address, trainees are
        told to ask the coordinators for it. Each document and resource needs its own address.
      </p>
      {links.isPending ? (
        <LoadingStatus>Loading documents and links</LoadingStatus>
      ) : links.isError ? (
        <LoadError onRetry={() => void links.refetch()}>
          <p>Sorry, we could not load the documents and links. Try again in a moment.</p>
        </LoadError>
      ) : (
        <LinksTable links={links.data} />
      )}
    </>
  );
}

const LINK_COLUMNS = [
  { label: "Document or resource" },
  { label: "Address" },
  { label: "Last changed" },
  { label: <span className="nhsuk-u-visually-hidden">Action</span> },
];

function LinksTable({ links }: { links: readonly PublishedLink[] }) {
  return (
    <DataTable
      captionId="links-caption"
      caption="Documents and resources with their addresses"
      captionHidden
      columns={LINK_COLUMNS}
    >
      {links.map((link) => (
        <tr key={link.id} className="nhsuk-table__row">
          <th scope="row" className="nhsuk-table__header">
            <span className="nhsuk-caption-m">{KIND_LABELS[link.kind]}</span>
            {describeTarget(link)}
          </th>
          <td className="nhsuk-table__cell" style={{ overflowWrap: "anywhere" }}>
            {link.url === null ? "No link: trainees are told to ask the coordinators" : link.url}
          </td>
          <td className="nhsuk-table__cell">{describeLastChange(link)}</td>
          <td className="nhsuk-table__cell">
            <Link to={`${LINKS_PATH}/${link.id}`}>
              Change<span className="nhsuk-u-visually-hidden"> the address of {link.title}</span>
            </Link>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
