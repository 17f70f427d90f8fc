import type { ReactNode } from "react";

type LoadErrorProps = {
  children: ReactNode;
  /** Offers a "Try again" button when given. */
  onRetry?: () => void;
};

/** Says, as an alert, that some content could not be loaded, in NHS.UK inset text. */
export function LoadError({ children, onRetry }: LoadErrorProps) {
  return (
    <div className="nhsuk-inset-text" role="alert">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      {children}
      {onRetry && (
        <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
