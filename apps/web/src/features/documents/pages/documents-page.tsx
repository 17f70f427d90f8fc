import { DOCUMENTS, type PublishedDocument } from "@psu/domain";
import { ContentPage } from "../../../components/content-page";
import { LoadError } from "../../../components/load-error";
import { LoadingStatus } from "../../../components/loading-status";
import { useDocuments } from "../../../lib/documents-query";
import { AskForDocument } from "../components/ask-for-document";

const HEADING = "Documents";

/** "Complaints Policy (December 2016)": the title and date as the unit's page gives them. */
function describeDocument(document: Pick<PublishedDocument, "title" | "issued">): string {
  return document.issued === null ? document.title : `${document.title} (${document.issued})`;
}

/** The unit's six documents: a link to each one that has an address, how to ask for the others. */
export function DocumentsPage() {
  const { data, isPending, isError, refetch } = useDocuments();

  return (
    <ContentPage heading={HEADING}>
      <p>Documents from the Professional Support Unit (PSU).</p>
      {isPending ? (
        <LoadingStatus>Loading the documents</LoadingStatus>
      ) : isError ? (
        <>
          <LoadError onRetry={() => void refetch()}>
            <p>Sorry, we could not load the links to the documents. Try again in a moment.</p>
          </LoadError>
          <DocumentList documents={DOCUMENTS.map((document) => ({ ...document, url: null }))} />
        </>
      ) : (
        <DocumentList documents={data} />
      )}
    </ContentPage>
  );
}

function DocumentList({ documents }: { documents: readonly PublishedDocument[] }) {
  return (
    <ul className="nhsuk-list">
      {documents.map((document) => (
        <li key={document.id} className="nhsuk-u-margin-bottom-5">
          <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">
            {document.url === null ? (
              describeDocument(document)
            ) : (
              <a href={document.url}>{describeDocument(document)}</a>
            )}
          </h2>
          {document.url === null && (
            <p>
              <AskForDocument title={document.title} />
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
