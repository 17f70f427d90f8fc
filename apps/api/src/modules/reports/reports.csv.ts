import {
  type CaseloadRow,
  type EqualityReport,
  LEAD_KIND_LABELS,
  type OpenCases,
  type ReferralVolumes,
  type ReportCount,
  type ResponseTime,
  type SuppressedCount,
} from "@psu/domain";

// The report tables as CSV (RFC 4180: comma separated, CRLF line ends, fields with a comma,
// quote or line break in double quotes). A text field starting with = + - @ or a tab or
// carriage return is prefixed with ' so a spreadsheet shows it rather than runs it as a formula.

/** The tables made from referral volumes. */
export type VolumeTable =
  | "referrals-by-month"
  | "referrals-by-service"
  | "referrals-by-region"
  | "referrals-by-profession"
  | "referrals-by-channel";

type Cell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function toCsvField(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `${[header, ...rows].map((row) => row.map(toCsvField).join(",")).join("\r\n")}\r\n`;
}

const FEWER_THAN_5 = "fewer than 5";

function suppressedCell(cell: SuppressedCount): Cell {
  return cell.suppressed ? FEWER_THAN_5 : cell.count;
}

function countTable(first: string, counts: readonly ReportCount[]): string {
  return toCsv(
    [first, "Referrals"],
    counts.map((row) => [row.label, row.count]),
  );
}

/** A table of referral volumes as CSV. */
export function volumesToCsv(table: VolumeTable, volumes: ReferralVolumes): string {
  switch (table) {
    case "referrals-by-month":
      return toCsv(
        ["Month", "Referrals"],
        volumes.byMonth.map((row) => [row.key, row.count]),
      );
    case "referrals-by-service":
      return countTable("Service", volumes.byService);
    case "referrals-by-region":
      return countTable("Region", volumes.byRegion);
    case "referrals-by-profession":
      return countTable("Profession", volumes.byProfession);
    case "referrals-by-channel":
      return countTable("Channel", volumes.byChannel);
  }
}

export function responseTimesToCsv(responseTimes: readonly ResponseTime[]): string {
  return toCsv(
    [
      "Step",
      "Target (working days)",
      "Completed",
      "Waiting",
      "Median (working days)",
      "90th percentile (working days)",
      "Within target",
      "Share within target",
    ],
    responseTimes.map((row) => [
      row.kind === "triage" ? "Triage" : "First contact",
      row.targetWorkingDays,
      row.completed,
      row.waiting,
      row.medianWorkingDays,
      row.p90WorkingDays,
      row.withinSla,
      row.withinSlaShare === null ? null : Math.round(row.withinSlaShare * 1000) / 1000,
    ]),
  );
}

export function openCasesToCsv(openCases: OpenCases): string {
  return toCsv(
    ["Status", "Open cases"],
    openCases.byStatus.map((row) => [row.label, row.count]),
  );
}

export function caseloadToCsv(caseload: readonly CaseloadRow[]): string {
  return toCsv(
    ["Lead", "Leads for", "Open cases", "Capacity"],
    caseload.map((row) => [
      row.name,
      row.leadKinds.map((kind) => LEAD_KIND_LABELS[kind]).join("; "),
      row.open,
      row.capacity,
    ]),
  );
}

/** The equality report as CSV: question, answer, count ("fewer than 5" where suppressed). */
export function equalityToCsv(report: EqualityReport): string {
  return toCsv(
    ["Question", "Answer", "Responses"],
    report.questions.flatMap((question) => [
      ...question.answers.map((answer) => [question.label, answer.label, suppressedCell(answer)]),
      [question.label, "Total", suppressedCell(question.total)],
    ]),
  );
}
