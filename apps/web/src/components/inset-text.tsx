import type { ReactNode } from "react";

/** NHS.UK inset text, for information a reader should not miss. */
export function InsetText({ children }: { children: ReactNode }) {
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      {children}
    </div>
  );
}
