import type { ReactNode } from "react";
import { useDocumentTitle } from "../lib/use-document-title";

/** NHS.UK "Page not found": the heading, the check everyone needs, then where to go (children). */
export function PageNotFound({ children }: { children: ReactNode }) {
  useDocumentTitle("Page not found");
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Page not found</h1>
        <p>If you entered a web address, check it was correct.</p>
        {children}
      </div>
    </div>
  );
}
