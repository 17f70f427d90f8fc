import { useEffect, useRef } from "react";

type CaseConflictProps = {
  /** The API's account of what changed and who changed it. */
  message: string;
  /** Changes on every new conflict, so the warning takes focus again. */
  focusKey: number;
  onReload: () => void;
  isReloading: boolean;
};

/**
 * Shown when a change was refused because the case had moved on (412): in NHS.UK error summary
 * style at the top of the page, focused and announced, with what happened and a way to reload.
 * Nothing the member of staff typed is lost: the forms keep their text.
 */
export function CaseConflict({ message, focusKey, onReload, isReloading }: CaseConflictProps) {
  const summary = useRef<HTMLDivElement>(null);

  // focusKey is the trigger: focus again on every conflict, even with the same message.
  useEffect(() => {
    summary.current?.focus();
  }, [focusKey]);

  return (
    <div className="nhsuk-error-summary" ref={summary} tabIndex={-1}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading">Someone else changed this case</h2>
        <div className="nhsuk-error-summary__body">
          <p>{message}</p>
          <p>
            Your change has not been saved. Reload the case to see the latest version, then try again if it is still
            needed.
          </p>
          <button
            className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
            type="button"
            onClick={onReload}
            disabled={isReloading}
          >
            Reload the case
          </button>
        </div>
      </div>
    </div>
  );
}
