import type { ReportCount } from "@psu/domain";
import { BarChart } from "./bar-chart";
import { formatCount } from "./report-format";
import { CsvLink, ReportTable } from "./report-table";

type CountSectionProps = {
  heading: string;
  /** The table's caption, which also names its CSV link. */
  caption: string;
  /** The first column's header: what each row is ("Month", "Service"). */
  header: string;
  /** The count column's header ("Referrals", "Cases"). */
  countHeader: string;
  counts: readonly ReportCount[];
  csvHref: string;
  note?: string;
};

/** One breakdown: an h3, its bar chart, the same numbers as a table, and the CSV link. */
export function CountSection({ heading, caption, header, countHeader, counts, csvHref, note }: CountSectionProps) {
  return (
    <>
      <h3>{heading}</h3>
      {note && <p>{note}</p>}
      <BarChart
        bars={counts.map((row) => ({ key: row.key, label: row.label, value: row.count, text: formatCount(row.count) }))}
      />
      <ReportTable
        caption={caption}
        columns={[
          { header, cell: (row) => row.label },
          { header: countHeader, cell: (row) => formatCount(row.count), numeric: true },
        ]}
        rows={counts}
        rowKey={(row) => row.key}
      />
      <CsvLink href={csvHref} table={caption} />
    </>
  );
}
