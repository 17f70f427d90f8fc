import { Route, Routes } from "react-router";
import { EditPublishedLinkPage } from "./pages/edit-published-link-page";
import { PublishedLinksPage } from "./pages/published-links-page";

/** Documents and links under /staff/links: the list, and one page per item to change it. */
export function PublishedLinksRoutes() {
  return (
    <Routes>
      <Route index element={<PublishedLinksPage />} />
      <Route path=":linkId" element={<EditPublishedLinkPage />} />
    </Routes>
  );
}
