import type { ReactNode } from "react";

export type LegendProps = {
  legend: ReactNode;
  /** The legend is the page's question: it wraps the h1, as NHS.UK does on one-question pages. */
  isPageHeading?: boolean;
  legendSize?: "s" | "m" | "l";
};

type FieldsetProps = LegendProps & {
  describedBy?: string | undefined;
  /** role="group" for a date input, as nhsuk-frontend marks it up. */
  role?: "group";
  children: ReactNode;
};

/** NHS.UK fieldset with its legend, optionally holding the page's h1. */
export function Fieldset({ legend, isPageHeading = false, legendSize, describedBy, role, children }: FieldsetProps) {
  const size = legendSize ?? (isPageHeading ? "l" : "m");
  return (
    <fieldset className="nhsuk-fieldset" aria-describedby={describedBy} role={role}>
      <legend className={`nhsuk-fieldset__legend nhsuk-fieldset__legend--${size}`}>
        {isPageHeading ? <h1 className="nhsuk-fieldset__heading">{legend}</h1> : legend}
      </legend>
      {children}
    </fieldset>
  );
}
