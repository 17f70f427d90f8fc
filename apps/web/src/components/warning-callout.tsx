import type { ReactNode } from "react";

/** NHS.UK warning callout (in nhsuk-frontend 10, a warning card) with an h2 heading. */
export function WarningCallout({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <div className="nhsuk-card nhsuk-card--warning">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading">
          {/* biome-ignore lint/a11y/useValidAriaRole: NHS.UK markup; role="text" stops VoiceOver splitting the hidden prefix from the heading. */}
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>
            {heading}
          </span>
        </h2>
        {children}
      </div>
    </div>
  );
}
