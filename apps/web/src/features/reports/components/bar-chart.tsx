import type { ReactNode } from "react";
import "./reports.css";

/** One bar: its label, its value, the text shown beside it, and an optional marker (a capacity). */
export type Bar = { key: string; label: string; value: number; text: string; marker?: number };

/** What share of the longest bar `value` is, 0 to 1. */
function toShare(value: number, max: number): number {
  return max <= 0 ? 0 : Math.min(Math.max(value / max, 0), 1);
}

/**
 * Horizontal bars in HTML and CSS, no charting library: each label on its own line above its
 * bar, the value written at the bar's end, so it reads at 320 px. Hidden from assistive
 * technology: the same numbers are in the table that always follows it.
 */
export function BarChart({ bars, max, legend }: { bars: readonly Bar[]; max?: number; legend?: ReactNode }) {
  const longest = max ?? Math.max(0, ...bars.flatMap((bar) => [bar.value, bar.marker ?? 0]));
  return (
    <div className="app-bar-chart" aria-hidden="true">
      {legend}
      {bars.map((bar) => (
        <div className="app-bar-chart__row" key={bar.key}>
          <div className="app-bar-chart__label">{bar.label}</div>
          <div className="app-bar-chart__track">
            {/* Widths leave room at the end of the longest bar for its value. */}
            <span
              className="app-bar-chart__bar"
              style={{ width: `calc((100% - var(--app-bar-chart-value-room)) * ${toShare(bar.value, longest)})` }}
            />
            {bar.marker !== undefined && bar.marker > bar.value && (
              <span
                className="app-bar-chart__spacer"
                style={{
                  width: `calc((100% - var(--app-bar-chart-value-room)) * ${toShare(bar.marker - bar.value, longest)})`,
                }}
              />
            )}
            <span className="app-bar-chart__value">{bar.text}</span>
            {bar.marker !== undefined && (
              <span
                className="app-bar-chart__marker"
                style={{ left: `calc((100% - var(--app-bar-chart-value-room)) * ${toShare(bar.marker, longest)})` }}
              />
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
