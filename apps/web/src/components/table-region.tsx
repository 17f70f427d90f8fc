import type { ReactNode, Ref } from "react";

type TableRegionProps = {
  /** The id of the table's caption, which names the region. */
  labelledBy: string;
  /** True while the rows on screen are being replaced (a search or another page is loading). */
  isUpdating?: boolean;
  ref?: Ref<HTMLElement>;
  children: ReactNode;
};

/**
 * A table wider than a small screen scrolls sideways inside this named region, which can take
 * focus so keyboard users can scroll it with the arrow keys (WCAG 2.1.1). Not nhsuk-frontend's
 * scroll component: without its script its edge shadows show whether or not there is more to see.
 */
export function TableRegion({ labelledBy, isUpdating = false, ref, children }: TableRegionProps) {
  return (
    <section
      className="app-table-region"
      aria-labelledby={labelledBy}
      aria-busy={isUpdating || undefined}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll by keyboard.
      tabIndex={0}
      ref={ref}
    >
      {children}
    </section>
  );
}
