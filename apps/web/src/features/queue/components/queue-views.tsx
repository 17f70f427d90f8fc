import { Link } from "react-router";
import { useViewCounts } from "../api/get-view-counts";
import type { QueueView } from "./queue-filters";

export const QUEUE_VIEW_LABELS: Readonly<Record<QueueView, string>> = {
  unassigned: "Unassigned",
  breaching_soon: "Breaching soon",
  my_cases: "My cases",
  all: "All cases",
};

const VIEW_ORDER: readonly QueueView[] = ["unassigned", "breaching_soon", "my_cases", "all"];

type QueueViewsProps = {
  current: QueueView;
  /** The link to each view (keeping the other filters). */
  hrefFor: (view: QueueView) => string;
};

/** The saved views as a row of links, each with how many cases it holds. */
export function QueueViews({ current, hrefFor }: QueueViewsProps) {
  const counts = useViewCounts().data;
  return (
    <nav aria-label="Saved views">
      <ul className="app-view-list">
        {VIEW_ORDER.map((view) => (
          <li key={view} className={`app-view-list__item${view === current ? " app-view-list__item--current" : ""}`}>
            <Link to={hrefFor(view)} aria-current={view === current ? "page" : undefined}>
              {QUEUE_VIEW_LABELS[view]}{" "}
              {/* Its space is kept while the counts load, so their arrival moves nothing (staff.css). */}
              <span className="app-view-list__count">{counts && `(${counts[view]})`}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
