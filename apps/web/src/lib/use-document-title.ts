import { useEffect } from "react";

const SUFFIX = "Professional Support Unit - NHS";

/** Sets the browser tab's title to "<page> - Professional Support Unit - NHS" while mounted. */
export function useDocumentTitle(page: string): void {
  useEffect(() => {
    document.title = `${page} - ${SUFFIX}`;
  }, [page]);
}
