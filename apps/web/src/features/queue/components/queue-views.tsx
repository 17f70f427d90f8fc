import { Link } from "react-router";
import { useBreachingSoonCount } from "../api/get-breaching-soon-counts";
import { useQueueViewCount } from "../api/get-queue";
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
  return (
    <nav aria-label="Saved views">
      <ul className="app-view-list">
        {VIEW_ORDER.map((view) => (
          <li key={view} className={`app-view-list__item${view === current ? " app-view-list__item--current" : ""}`}>
            <Link to={hrefFor(view)} aria-current={view === current ? "page" : undefined}>
              {QUEUE_VIEW_LABELS[view]}
              {view === "breaching_soon" ? <BreachingSoonCount /> : <ViewCount view={view} />}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ViewCount({ view }: { view: QueueView }) {
  const { data } = useQueueViewCount({ view });
  if (data === undefined) return null;
  return <> ({data})</>;
}

// The per-status counts ignore the SLA state, which is worked out per case: this view has its own.
function BreachingSoonCount() {
  const { data } = useBreachingSoonCount();
  if (data === undefined) return null;
  return <> ({data})</>;
}
