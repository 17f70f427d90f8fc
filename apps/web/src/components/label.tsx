import type { ReactNode } from "react";

export type LabelProps = {
  label: ReactNode;
  /** The label is the page's question: it sits inside the h1, as NHS.UK does on one-question pages. */
  isPageHeading?: boolean;
  labelSize?: "s" | "m" | "l";
};

/** NHS.UK label, optionally wrapped in the page's h1. */
export function Label({ htmlFor, label, isPageHeading = false, labelSize }: LabelProps & { htmlFor: string }) {
  const size = labelSize ?? (isPageHeading ? "l" : undefined);
  const element = (
    <label className={`nhsuk-label${size ? ` nhsuk-label--${size}` : ""}`} htmlFor={htmlFor}>
      {label}
    </label>
  );
  return isPageHeading ? <h1 className="nhsuk-label-wrapper">{element}</h1> : element;
}
