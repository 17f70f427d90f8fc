import type { MouseEvent } from "react";

/**
 * NHS.UK skip link. Handled here rather than by the browser's fragment navigation so the
 * router never sees a hash change, and focus lands on <main> itself (nhsuk-frontend's script,
 * which we do not load, would do the same).
 */
export function SkipLink({ targetId = "maincontent" }: { targetId?: string }) {
  function moveFocus(event: MouseEvent<HTMLAnchorElement>) {
    const target = document.getElementById(targetId);
    if (!target) return;
    event.preventDefault();
    target.tabIndex = -1;
    target.focus();
    target.scrollIntoView();
  }

  return (
    <a className="nhsuk-skip-link" href={`#${targetId}`} onClick={moveFocus}>
      Skip to main content
    </a>
  );
}
