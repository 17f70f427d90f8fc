import { useEffect } from "react";

const SUFFIX = "Professional Support Unit - NHS";

/**
 * Sets the browser tab's title to "<page> - Professional Support Unit - NHS" while mounted.
 * With `hasError`, the title starts "Error: ", so screen reader users hear at once that a form
 * needs correcting (the NHS.UK and GOV.UK pattern).
 */
export function useDocumentTitle(page: string, { hasError = false }: { hasError?: boolean } = {}): void {
  useEffect(() => {
    document.title = `${hasError ? "Error: " : ""}${page} - ${SUFFIX}`;
  }, [page, hasError]);
}
