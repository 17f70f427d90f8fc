import type { ReactNode } from "react";

const URGENCY_PREFIX = {
  urgent: "Urgent advice",
  emergency: "Immediate action required",
} as const;

type CareCardProps = {
  urgency: keyof typeof URGENCY_PREFIX;
  heading: string;
  children: ReactNode;
};

/** NHS.UK care card (nhsuk-frontend 10 markup) with an h2 heading. */
export function CareCard({ urgency, heading, children }: CareCardProps) {
  return (
    <div className={`nhsuk-card nhsuk-card--care nhsuk-card--care--${urgency}`}>
      <div className="nhsuk-card__heading-container">
        <h2 className="nhsuk-card__heading">
          {/* biome-ignore lint/a11y/useValidAriaRole: NHS.UK markup; role="text" stops VoiceOver reading the hidden prefix and the heading as two items. */}
          <span role="text">
            <span className="nhsuk-u-visually-hidden">{URGENCY_PREFIX[urgency]}: </span>
            {heading}
          </span>
        </h2>
        <span className="nhsuk-card--care__arrow" aria-hidden="true" />
      </div>
      <div className="nhsuk-card__content">{children}</div>
    </div>
  );
}
