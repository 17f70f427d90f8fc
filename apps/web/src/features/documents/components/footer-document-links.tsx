import { QueryClientProvider } from "@tanstack/react-query";
import { DocumentLink } from "../../../components/document-link";
import { FOOTER_LINK_CLASS, FOOTER_POLICIES } from "../../../components/footer";
import { getQueryClient } from "../../../lib/query-client";

/**
 * The footer's policy links, pointing at each policy's own address when one is set. Loaded after
 * the page (it needs react-query and zod) and outside the pages' query layout, hence the provider.
 */
export function FooterDocumentLinks() {
  return (
    <QueryClientProvider client={getQueryClient()}>
      {FOOTER_POLICIES.map((policy) => (
        <li className="nhsuk-footer__list-item" key={policy.id}>
          <DocumentLink className={FOOTER_LINK_CLASS} id={policy.id}>
            {policy.label}
          </DocumentLink>
        </li>
      ))}
    </QueryClientProvider>
  );
}
