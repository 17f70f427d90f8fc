import type { ReactNode } from "react";
import { useDocumentTitle } from "../lib/use-document-title";
import { BackLink } from "./back-link";

type ContentPageProps = {
  /** The page's h1, and its name in the browser tab. */
  heading: string;
  back?: { to: string; state?: unknown } | undefined;
  children: ReactNode;
};

/** A page to read: a back link when there is one, then the heading and text in the NHS.UK two-thirds column. */
export function ContentPage({ heading, back, children }: ContentPageProps) {
  useDocumentTitle(heading);
  return (
    <>
      {back && <BackLink to={back.to} state={back.state} />}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>{heading}</h1>
          {children}
        </div>
      </div>
    </>
  );
}
