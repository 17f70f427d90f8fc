import { useEffect, useId, useRef } from "react";
import { describeTimeLeft, describeTimeLeftForAnnouncement, useIdleState } from "./idle-timeout";

type IdleTimeoutProps = Omit<IdleTimeoutDialogProps, "msLeft"> & {
  /** Called when the idle time is up. */
  onTimeout: () => void;
};

/**
 * The staff pages' idle timeout: nothing until two minutes before it, then the warning, then
 * `onTimeout`. Its clock ticks here, so the page beside it does not re-render every second.
 */
export function IdleTimeout({ onTimeout, ...dialog }: IdleTimeoutProps) {
  const idle = useIdleState();
  const latestOnTimeout = useRef(onTimeout);
  latestOnTimeout.current = onTimeout;
  const hasTimedOut = idle.phase === "timed-out";
  useEffect(() => {
    if (hasTimedOut) latestOnTimeout.current();
  }, [hasTimedOut]);
  return idle.phase === "warning" ? <IdleTimeoutDialog msLeft={idle.msLeft} {...dialog} /> : null;
}

type IdleTimeoutDialogProps = {
  msLeft: number;
  onStaySignedIn: () => void;
  onSignOut: () => void;
  isStaying: boolean;
};

/**
 * GOV.UK's timeout warning: a modal dialog (the page behind is inert) with the time left, "Stay
 * signed in" and "Sign out". Focus moves to its heading when it opens and back where it was when
 * it closes; Escape stays signed in, as the pattern asks. The countdown on screen changes every
 * second, but screen readers hear it only at whole minutes and every 15 seconds in the last one.
 */
function IdleTimeoutDialog({ msLeft, onStaySignedIn, onSignOut, isStaying }: IdleTimeoutDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const returnFocusTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) element.showModal();
    heading.current?.focus();
    return () => {
      element.close();
      returnFocusTo?.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="app-timeout-dialog"
      aria-labelledby={headingId}
      aria-describedby={descriptionId}
      onCancel={(event) => {
        // Escape: stay signed in rather than close a warning that would still sign them out.
        event.preventDefault();
        onStaySignedIn();
      }}
    >
      <h2 className="nhsuk-heading-m" id={headingId} ref={heading} tabIndex={-1}>
        You're about to be signed out
      </h2>
      <div id={descriptionId}>
        <p className="nhsuk-body" aria-hidden="true">
          For your security, we will sign you out in <strong>{describeTimeLeft(msLeft)}</strong>.
        </p>
        <p className="nhsuk-u-visually-hidden" aria-live="polite" aria-atomic="true">
          For your security, we will sign you out in {describeTimeLeftForAnnouncement(msLeft)}.
        </p>
        <p className="nhsuk-body">Anything you have not saved will be lost.</p>
      </div>
      <div className="nhsuk-button-group">
        <button className="nhsuk-button" type="button" onClick={onStaySignedIn} disabled={isStaying}>
          Stay signed in
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </dialog>
  );
}
