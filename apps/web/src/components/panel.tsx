import type { ReactNode } from "react";

/** NHS.UK confirmation panel with the page's h1. */
export function Panel({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <div className="nhsuk-panel">
      <h1 className="nhsuk-panel__heading">{heading}</h1>
      <div className="nhsuk-panel__body">{children}</div>
    </div>
  );
}
