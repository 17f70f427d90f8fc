import type { CalendarDate } from "../calendar/calendar-date";

export interface BankHoliday {
  readonly date: CalendarDate;
  readonly name: string;
}

/**
 * England and Wales bank holidays, 2025 to 2028. Each is checked in the tests against the
 * rules (Easter, first and last Mondays, substitute days when a holiday falls on a weekend).
 * 2025 and 2026 match GOV.UK's published list; 2027 and 2028 follow the usual rules and must
 * be checked against GOV.UK when published, since one-off holidays are announced by
 * proclamation. Dates outside these years are treated as ordinary days (weekends still
 * excluded): extend this list, or pass your own calendar, before 2029.
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly BankHoliday[] = [
  { date: "2025-01-01", name: "New Year's Day" },
  { date: "2025-04-18", name: "Good Friday" },
  { date: "2025-04-21", name: "Easter Monday" },
  { date: "2025-05-05", name: "Early May bank holiday" },
  { date: "2025-05-26", name: "Spring bank holiday" },
  { date: "2025-08-25", name: "Summer bank holiday" },
  { date: "2025-12-25", name: "Christmas Day" },
  { date: "2025-12-26", name: "Boxing Day" },

  { date: "2026-01-01", name: "New Year's Day" },
  { date: "2026-04-03", name: "Good Friday" },
  { date: "2026-04-06", name: "Easter Monday" },
  { date: "2026-05-04", name: "Early May bank holiday" },
  { date: "2026-05-25", name: "Spring bank holiday" },
  { date: "2026-08-31", name: "Summer bank holiday" },
  { date: "2026-12-25", name: "Christmas Day" },
  { date: "2026-12-28", name: "Boxing Day (substitute day)" },

  { date: "2027-01-01", name: "New Year's Day" },
  { date: "2027-03-26", name: "Good Friday" },
  { date: "2027-03-29", name: "Easter Monday" },
  { date: "2027-05-03", name: "Early May bank holiday" },
  { date: "2027-05-31", name: "Spring bank holiday" },
  { date: "2027-08-30", name: "Summer bank holiday" },
  { date: "2027-12-27", name: "Christmas Day (substitute day)" },
  { date: "2027-12-28", name: "Boxing Day (substitute day)" },

  { date: "2028-01-03", name: "New Year's Day (substitute day)" },
  { date: "2028-04-14", name: "Good Friday" },
  { date: "2028-04-17", name: "Easter Monday" },
  { date: "2028-05-01", name: "Early May bank holiday" },
  { date: "2028-05-29", name: "Spring bank holiday" },
  { date: "2028-08-28", name: "Summer bank holiday" },
  { date: "2028-12-25", name: "Christmas Day" },
  { date: "2028-12-26", name: "Boxing Day" },
];

/** The same holidays as a set of dates: the default holiday calendar for working-day sums. */
export const ENGLAND_AND_WALES_BANK_HOLIDAY_DATES: ReadonlySet<CalendarDate> = new Set(
  ENGLAND_AND_WALES_BANK_HOLIDAYS.map((holiday) => holiday.date),
);
