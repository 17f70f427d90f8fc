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
    const target = main?.querySelector<HTMLElement>("h1") ?? main;
    if (!target) return;
    target.tabIndex = -1;
    target.focus({ preventScroll: navigationType !== "POP" });
  }, [pathname, navigationType, mainId]);
}
