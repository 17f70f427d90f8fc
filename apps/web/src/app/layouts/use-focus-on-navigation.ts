import { useEffect, useRef } from "react";
import { useLocation } from "react-router";

/**
 * After a client-side navigation, moves focus to the new page's h1 (or <main> when it has
 * none) so screen readers announce the page and keyboard users start from its top, as they
 * would after a full page load. The first render is left alone: the browser handles it.
 */
export function useFocusOnNavigation(mainId: string): void {
  const { pathname } = useLocation();
  const previousPathname = useRef(pathname);

  useEffect(() => {
    // Comparing paths, not counting renders, keeps StrictMode's double effects harmless.
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    const main = document.getElementById(mainId);
    const target = main?.querySelector<HTMLElement>("h1") ?? main;
    if (!target) return;
    target.tabIndex = -1;
    target.focus();
  }, [pathname, mainId]);
}
