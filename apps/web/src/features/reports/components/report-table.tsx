import type { ReactNode } from "react";

/** One column: its header, each row's cell, and whether it holds numbers (right-aligned). */
export type ReportColumn<Row> = { header: string; cell: (row: Row) => ReactNode; numeric?: boolean };

type ReportTableProps<Row> = {
  caption: string;
  /** The first column names each row (a header cell with scope="row"). */
  columns: readonly [ReportColumn<Row>, ...ReportColumn<Row>[]];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** A last row under the others, such as the total. */
  footer?: Row;
  captionSize?: "s" | "m";
};

/** An NHS.UK table of report figures: a caption, scoped headers and right-aligned numbers. */
export function ReportTable<Row>({ caption, columns, rows, rowKey, footer, captionSize = "s" }: ReportTableProps<Row>) {
  const renderRow = (row: Row, isFooter: boolean) => (
    <tr className="nhsuk-table__row" key={isFooter ? "footer" : rowKey(row)}>
      {columns.map((column, index) => {
        const numeric = column.numeric ? " nhsuk-table__cell--numeric" : "";
        return index === 0 ? (
          <th className={`nhsuk-table__header${numeric}`} scope="row" key={column.header}>
            {column.cell(row)}
          </th>
        ) : (
          <td className={`nhsuk-table__cell${numeric}`} key={column.header}>
            {isFooter ? <strong>{column.cell(row)}</strong> : column.cell(row)}
          </td>
        );
      })}
    </tr>
  );
  return (
    <table className="nhsuk-table app-report-table">
      <caption className={`nhsuk-table__caption nhsuk-table__caption--${captionSize}`}>{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          {columns.map((column) => (
            <th
              className={`nhsuk-table__header${column.numeric ? " nhsuk-table__header--numeric" : ""}`}
              scope="col"
              key={column.header}
            >
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {rows.map((row) => renderRow(row, false))}
        {footer !== undefined && renderRow(footer, true)}
      </tbody>
    </table>
  );
}

type CsvLinkProps = { href: string; table: string; text?: string };

/** "Download this table as CSV", naming the table for screen readers (several sit on one page). */
export function CsvLink({ href, table, text = "Download this table as CSV" }: CsvLinkProps) {
  return (
    <p className="nhsuk-body-s">
      <a href={href} download>
        {text}
        <span className="nhsuk-u-visually-hidden"> ({table})</span>
      </a>
    </p>
  );
}
