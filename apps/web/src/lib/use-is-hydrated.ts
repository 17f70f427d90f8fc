import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => undefined;

/**
 * False while React takes over a page prerendered at build (vite-plugins/page-html.ts), whose
 * HTML is on screen before its handlers are attached; true once they are, and from the start on a
 * page drawn in the browser. Form controls stay disabled until then: a choice made before would be
 * lost to React, and a form sent before would go by GET, its answers in the address (decision 006).
 */
export function useIsHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
