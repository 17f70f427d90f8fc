import { useEffect, useRef } from "react";
import { useLocation, useNavigationType } from "react-router";

/**
 * After a client-side navigation, moves focus to the new page's h1 (or <main> when it has
 * none) so screen readers announce the page and keyboard users start from its top, as they
 * would after a full page load. A new page (not Back or Forward) starts scrolled to the top.
 * The first render is left alone: the browser handles it. So are redirects before the person
 * has gone anywhere (/refer to its first question), which are still part of loading the page.
 */
export function useFocusOnNavigation(mainId: string): void {
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const previousPathname = useRef(pathname);
  const hasNavigated = useRef(false);

  useEffect(() => {
    // Comparing paths, not counting renders, keeps StrictMode's double effects harmless.
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    if (navigationType !== "REPLACE") hasNavigated.current = true;
    if (!hasNavigated.current) return;
    if (navigationType !== "POP") window.scrollTo(0, 0);
    const main = document.getElementById(mainId);
    if (!main) return;
    const focus = (target: HTMLElement) => {
      target.tabIndex = -1;
      target.focus({ preventScroll: navigationType !== "POP" });
    };
    const heading = main.querySelector<HTMLElement>("h1");
    if (heading) {
      focus(heading);
      return;
    }
    // The page's code may still be loading ("Loading page" shows meanwhile): hold focus on
    // <main>, then move it to the h1 when it appears, unless the person has moved on already.
    focus(main);
    const observer = new MutationObserver(() => {
      const arrived = main.querySelector<HTMLElement>("h1");
      if (!arrived) return;
      stop();
      if (document.activeElement === main || document.activeElement === document.body) focus(arrived);
    });
    const timer = window.setTimeout(() => stop(), HEADING_WAIT_MS);
    const stop = () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
    observer.observe(main, { childList: true, subtree: true });
    return stop;
  }, [pathname, navigationType, mainId]);
}

// Long enough for a page's code on a slow phone connection; after that focus stays on <main>.
const HEADING_WAIT_MS = 15_000;
