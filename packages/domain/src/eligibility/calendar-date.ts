// Calendar dates as "YYYY-MM-DD" strings, computed on year/month/day integers. JavaScript's
// Date would drag in the host's time zone and daylight saving, which moves dates by a day.

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function countDaysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function readCalendarDate(text: string): CalendarDate | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > countDaysInMonth(year, month)) return null;
  return { year, month, day };
}

// A malformed date here is a programming error (inputs were parsed at the edge), so it throws.
function parseCalendarDate(text: string): CalendarDate {
  const date = readCalendarDate(text);
  if (!date) throw new RangeError(`Not a calendar date in the form YYYY-MM-DD: "${text}"`);
  return date;
}

function formatCalendarDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Whether text is a real calendar date written "YYYY-MM-DD" (so 2025-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  return readCalendarDate(text) !== null;
}

/** Throws a RangeError unless text is a real "YYYY-MM-DD" date (catches a full ISO timestamp passed as `today`). */
export function assertCalendarDate(text: string, name: string): void {
  if (!isCalendarDate(text)) throw new RangeError(`${name} must be a calendar date in the form YYYY-MM-DD: "${text}"`);
}

/** Adds whole calendar months to a "YYYY-MM-DD" date, clamping to the last day of a shorter month. */
export function addCalendarMonthsClamped(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`Months must be a whole number: ${months}`);
  const { year, month, day } = parseCalendarDate(date);
  const monthsSinceYearZero = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthsSinceYearZero / 12);
  const targetMonth = monthsSinceYearZero - targetYear * 12 + 1;
  return formatCalendarDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, countDaysInMonth(targetYear, targetMonth)),
  });
}

/** Writes a "YYYY-MM-DD" date the way people read it: "30 November 2025". */
export function formatCalendarDateLong(date: string): string {
  const { year, month, day } = parseCalendarDate(date);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}
