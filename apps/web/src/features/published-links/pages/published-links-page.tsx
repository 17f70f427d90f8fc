import type { PublishedLink } from "@psu/domain";
import { Link, useLocation } from "react-router";
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

function LinksTable({ links }: { links: readonly PublishedLink[] }) {
  return (
    <div className="nhsuk-table-container">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
          Documents and resources with their addresses
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Document or resource
            </th>
            <th scope="col" className="nhsuk-table__header">
              Address
            </th>
            <th scope="col" className="nhsuk-table__header">
              Last changed
            </th>
            <th scope="col" className="nhsuk-table__header">
              <span className="nhsuk-u-visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
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
        </tbody>
      </table>
    </div>
  );
}
