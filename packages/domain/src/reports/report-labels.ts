import { formatCalendarDateLong } from "../calendar/calendar-date";
import type { TraineeGroup } from "../catalogue/groups";
import type { Region } from "../eligibility/eligibility-answers";

// Labels for the reports' rows, short enough for a chart's axis and a CSV column.

export const REPORT_REGION_LABELS: Readonly<Record<Region, string>> = {
  london: "London",
  kss: "Kent, Surrey and Sussex",
  elsewhere: "Elsewhere",
};

export const REPORT_PROFESSION_LABELS: Readonly<Record<TraineeGroup, string>> = {
  doctor_or_dentist: "Doctor or dentist in training",
  healthcare_professional: "Healthcare professional in training",
  pharmacy: "Pharmacy",
  gp_scheme: "GP scheme",
  caps_or_msw: "Clinical Apprenticeship or Medical Support Worker",
};

/** "2026-11" as "November 2026". */
export function formatReportMonth(month: string): string {
  return formatCalendarDateLong(`${month}-01`).replace(/^1 /, "");
}

/** Every month from `from` to `to` inclusive, as "YYYY-MM". */
export function listReportMonths(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split("-").map(Number) as [number, number];
  for (let key = from; key <= to; ) {
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    key = `${year}-${String(month).padStart(2, "0")}`;
  }
  return months;
}
