import type { ReactNode, Ref } from "react";
import { TableRegion } from "./table-region";

export type TableColumn = {
  label: ReactNode;
  /** Right-aligned, for numbers. */
  numeric?: boolean;
};

type DataTableProps = {
  /** The caption's id: it names the scrolling region too. */
  captionId: string;
  caption: ReactNode;
  /** Visually hidden where the page's heading already says what the table is. */
  captionHidden?: boolean;
  columns: readonly TableColumn[];
  /** True while the rows on screen are being replaced. */
  isUpdating?: boolean;
  regionRef?: Ref<HTMLElement>;
  /** The rows (`<tr className="nhsuk-table__row">`). */
  children: ReactNode;
};

/** An NHS.UK compact table with its caption and column headers, scrolling sideways on a small screen. */
export function DataTable({
  captionId,
  caption,
  captionHidden = false,
  columns,
  isUpdating,
  regionRef,
  children,
}: DataTableProps) {
  return (
    <TableRegion labelledBy={captionId} ref={regionRef} isUpdating={isUpdating}>
      <table className="nhsuk-table nhsuk-table--compact">
        <caption
          className={`nhsuk-table__caption ${captionHidden ? "nhsuk-u-visually-hidden" : "nhsuk-table__caption--m"}`}
          id={captionId}
        >
          {caption}
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            {columns.map((column, index) => (
              <th
                // Columns never move: their place is their identity.
                key={index}
                className={`nhsuk-table__header${column.numeric ? " nhsuk-table__header--numeric" : ""}`}
                scope="col"
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">{children}</tbody>
      </table>
    </TableRegion>
  );
}
