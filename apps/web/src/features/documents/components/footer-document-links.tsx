import { QueryClientProvider } from "@tanstack/react-query";
import { DocumentLink } from "../../../components/document-link";
import { getQueryClient } from "../../../lib/query-client";

/**
 * The footer's policy links, pointing at each policy's own address when one is set. Loaded after
 * the page (it needs react-query and zod) and outside the pages' query layout, hence the provider.
 */
export function FooterDocumentLinks() {
  return (
    <QueryClientProvider client={getQueryClient()}>
      <li className="nhsuk-footer__list-item">
        <DocumentLink className="nhsuk-footer__list-item-link" id="confidentiality_policy">
          Confidentiality policy
        </DocumentLink>
      </li>
      <li className="nhsuk-footer__list-item">
        <DocumentLink className="nhsuk-footer__list-item-link" id="complaints_policy">
          Complaints policy
        </DocumentLink>
      </li>
    </QueryClientProvider>
  );
}
