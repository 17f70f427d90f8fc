import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, formatCalendarDateLong } from "../calendar/calendar-date";
import {
  assessEligibility,
  ELIGIBILITY_REASON_CODES,
  EligibilityVerdictSchema,
  GRACE_PERIOD_MONTHS,
  getGracePeriodEnd,
} from "./eligibility";
import {
  BANDS,
  CONCERNS,
  type EligibilityAnswers,
  EligibilityAnswersSchema,
  PHARMACY_ROUTES,
  REFERRERS,
  REGIONS,
} from "./eligibility-answers";
import { PSU_COORDINATOR_EMAIL } from "./signposts";

const TODAY = "2026-02-15";

// Parsing through the schema keeps the fixtures honest: each one is a body the API accepts.
function answers(body: Record<string, unknown>): EligibilityAnswers {
  return EligibilityAnswersSchema.parse({ referrer: "self", region: "london", concerns: [], ...body });
}

const doctor = (trainingNumber: string, trainingEndedOn?: string) =>
  answers({ group: "doctor_or_dentist", trainingNumber, trainingEndedOn });
const professional = (band: string, inRecognisedScheme = true) =>
  answers({ group: "healthcare_professional", band, inRecognisedScheme });
const pharmacy = (pharmacyRoute: string) => answers({ group: "pharmacy", pharmacyRoute });
const gpScheme = (schemeOffered: boolean) => answers({ group: "gp_scheme", schemeOffered });

describe("assessEligibility: who is eligible", () => {
  it.each([
    { name: "doctor or dentist with a current number", input: doctor("current") },
    { name: "doctor or dentist whose number ended last month", input: doctor("ended", "2026-01-15") },
    { name: "doctor or dentist whose number ended today", input: doctor("ended", TODAY) },
    ...["5", "6", "7", "8a", "8b", "8c", "8d"].map((band) => ({
      name: `healthcare professional, band ${band}, in a scheme`,
      input: professional(band),
    })),
    ...[
      "foundation_trainee_pharmacist",
      "trainee_pharmacy_technician",
      "foundation_pharmacist",
      "gp_pharmacist_pathway",
    ].map((route) => ({ name: `pharmacy: ${route}`, input: pharmacy(route) })),
    { name: "GP scheme doctor offered a placement", input: gpScheme(true) },
    { name: "CAPS or MSW doctor", input: answers({ group: "caps_or_msw" }) },
    { name: "in KSS", input: answers({ group: "caps_or_msw", region: "kss" }) },
  ])("$name", ({ input }) => {
    expect(assessEligibility(input, TODAY)).toEqual({ eligible: true, reasons: [], signposts: [] });
  });
});

describe("assessEligibility: every failed rule gives one reason, in rule order", () => {
  it.each([
    {
      name: "referred by someone else",
      input: doctor("current"),
      change: { referrer: "someone_else" },
      codes: ["NOT_SELF_REFERRAL"],
    },
    {
      name: "outside London and KSS",
      input: doctor("current"),
      change: { region: "elsewhere" },
      codes: ["OUTSIDE_REGION"],
    },
    {
      name: "none of these groups",
      input: answers({ group: "none_of_these" }),
      change: {},
      codes: ["NOT_ELIGIBLE_GROUP"],
    },
    { name: "doctor with no training number", input: doctor("none"), change: {}, codes: ["NO_TRAINING_NUMBER"] },
    {
      name: "doctor whose grace period ended",
      input: doctor("ended", "2025-01-01"),
      change: {},
      codes: ["GRACE_PERIOD_EXPIRED"],
    },
    { name: "band 4", input: professional("4"), change: {}, codes: ["BAND_NOT_ELIGIBLE"] },
    { name: "band 9", input: professional("9"), change: {}, codes: ["BAND_NOT_ELIGIBLE"] },
    {
      name: "not in a recognised scheme",
      input: professional("6", false),
      change: {},
      codes: ["NOT_IN_RECOGNISED_SCHEME"],
    },
    {
      name: "band 9 and not in a scheme",
      input: professional("9", false),
      change: {},
      codes: ["BAND_NOT_ELIGIBLE", "NOT_IN_RECOGNISED_SCHEME"],
    },
    {
      name: "band 4 and not in a scheme",
      input: professional("4", false),
      change: {},
      codes: ["BAND_NOT_ELIGIBLE", "NOT_IN_RECOGNISED_SCHEME"],
    },
    { name: "another pharmacy route", input: pharmacy("other"), change: {}, codes: ["PHARMACY_ROUTE_NOT_ELIGIBLE"] },
    { name: "GP scheme without a placement", input: gpScheme(false), change: {}, codes: ["NO_SCHEME_PLACEMENT"] },
    {
      name: "someone else, elsewhere, none of these",
      input: answers({ group: "none_of_these" }),
      change: { referrer: "someone_else", region: "elsewhere" },
      codes: ["NOT_SELF_REFERRAL", "OUTSIDE_REGION", "NOT_ELIGIBLE_GROUP"],
    },
    {
      name: "someone else for a doctor with no number",
      input: doctor("none"),
      change: { referrer: "someone_else" },
      codes: ["NOT_SELF_REFERRAL", "NO_TRAINING_NUMBER"],
    },
    {
      name: "elsewhere, grace period over",
      input: doctor("ended", "2024-06-30"),
      change: { region: "elsewhere" },
      codes: ["OUTSIDE_REGION", "GRACE_PERIOD_EXPIRED"],
    },
    {
      name: "someone else, elsewhere, band 9 outside a scheme",
      input: professional("9", false),
      change: { referrer: "someone_else", region: "elsewhere" },
      codes: ["NOT_SELF_REFERRAL", "OUTSIDE_REGION", "BAND_NOT_ELIGIBLE", "NOT_IN_RECOGNISED_SCHEME"],
    },
    {
      name: "someone else, elsewhere, another pharmacy route",
      input: pharmacy("other"),
      change: { referrer: "someone_else", region: "elsewhere" },
      codes: ["NOT_SELF_REFERRAL", "OUTSIDE_REGION", "PHARMACY_ROUTE_NOT_ELIGIBLE"],
    },
    {
      name: "elsewhere, GP scheme without a placement",
      input: gpScheme(false),
      change: { region: "elsewhere" },
      codes: ["OUTSIDE_REGION", "NO_SCHEME_PLACEMENT"],
    },
    {
      name: "someone else for a CAPS or MSW doctor elsewhere",
      input: answers({ group: "caps_or_msw" }),
      change: { referrer: "someone_else", region: "elsewhere" },
      codes: ["NOT_SELF_REFERRAL", "OUTSIDE_REGION"],
    },
  ])("$name -> $codes", ({ input, change, codes }) => {
    const verdict = assessEligibility(answers({ ...input, ...change }), TODAY);
    expect(verdict.eligible).toBe(false);
    expect(verdict.reasons.map((reason) => reason.code)).toEqual(codes);
  });
});

describe("assessEligibility: every band and every pharmacy route", () => {
  const ELIGIBLE_BAND = {
    "4": false,
    "5": true,
    "6": true,
    "7": true,
    "8a": true,
    "8b": true,
    "8c": true,
    "8d": true,
    "9": false,
  };
  it.each(BANDS.map((band) => ({ band, eligible: ELIGIBLE_BAND[band] })))(
    "band $band: eligible $eligible",
    ({ band, eligible }) => {
      expect(assessEligibility(professional(band), TODAY).eligible).toBe(eligible);
    },
  );

  it.each(PHARMACY_ROUTES.map((route) => ({ route, eligible: route !== "other" })))(
    "pharmacy route $route: eligible $eligible",
    ({ route, eligible }) => {
      expect(assessEligibility(pharmacy(route), TODAY).eligible).toBe(eligible);
    },
  );
});

describe("the grace period after a training number ends", () => {
  it.each([
    // Plain case: 3 months after 15 November 2025 is 15 February 2026.
    { endedOn: "2025-11-15", today: "2026-02-14", eligible: true },
    { endedOn: "2025-11-15", today: "2026-02-15", eligible: true },
    { endedOn: "2025-11-15", today: "2026-02-16", eligible: false },
    // 31 August -> 30 November.
    { endedOn: "2025-08-31", today: "2025-11-29", eligible: true },
    { endedOn: "2025-08-31", today: "2025-11-30", eligible: true },
    { endedOn: "2025-08-31", today: "2025-12-01", eligible: false },
    // 30 November -> 28 February in a common year.
    { endedOn: "2025-11-30", today: "2026-02-27", eligible: true },
    { endedOn: "2025-11-30", today: "2026-02-28", eligible: true },
    { endedOn: "2025-11-30", today: "2026-03-01", eligible: false },
    // 30 November -> 29 February in a leap year.
    { endedOn: "2023-11-30", today: "2024-02-28", eligible: true },
    { endedOn: "2023-11-30", today: "2024-02-29", eligible: true },
    { endedOn: "2023-11-30", today: "2024-03-01", eligible: false },
    // 29 November -> 28 February when February has no 29th.
    { endedOn: "2024-11-29", today: "2025-02-28", eligible: true },
    { endedOn: "2024-11-29", today: "2025-03-01", eligible: false },
    // 31 December -> 31 March, across the year.
    { endedOn: "2025-12-31", today: "2026-03-30", eligible: true },
    { endedOn: "2025-12-31", today: "2026-03-31", eligible: true },
    { endedOn: "2025-12-31", today: "2026-04-01", eligible: false },
    // The contract's own examples: read back from today, a day February lacks becomes its last day.
    { endedOn: "2026-02-28", today: "2026-05-31", eligible: true },
    { endedOn: "2026-02-27", today: "2026-05-31", eligible: false },
    { endedOn: "2024-02-29", today: "2024-05-30", eligible: true },
    { endedOn: "2024-02-29", today: "2024-05-31", eligible: true },
    { endedOn: "2024-02-29", today: "2024-06-01", eligible: false },
    { endedOn: "2024-02-28", today: "2024-05-31", eligible: false },
    // Ended today, or long ago.
    { endedOn: "2026-02-15", today: "2026-02-15", eligible: true },
    { endedOn: "2020-01-01", today: "2026-02-15", eligible: false },
  ])("ended $endedOn, today $today: eligible $eligible", ({ endedOn, today, eligible }) => {
    const verdict = assessEligibility(doctor("ended", endedOn), today);
    expect(verdict.eligible).toBe(eligible);
    expect(verdict.reasons.map((reason) => reason.code)).toEqual(eligible ? [] : ["GRACE_PERIOD_EXPIRED"]);
  });

  it.each([
    { endedOn: "2025-08-31", end: "2025-11-30" },
    { endedOn: "2025-11-30", end: "2026-02-28" },
    { endedOn: "2023-11-30", end: "2024-02-29" },
    { endedOn: "2025-12-31", end: "2026-03-31" },
    { endedOn: "2025-10-31", end: "2026-01-31" },
    // February's end covers the last days of May.
    { endedOn: "2026-02-28", end: "2026-05-31" },
    { endedOn: "2024-02-29", end: "2024-05-31" },
    { endedOn: "2024-02-28", end: "2024-05-28" },
  ])("a number that ended $endedOn keeps its holder eligible until $end", ({ endedOn, end }) => {
    expect(GRACE_PERIOD_MONTHS).toBe(3);
    expect(getGracePeriodEnd(endedOn)).toBe(end);
  });

  it("tells the trainee both dates in words", () => {
    const [reason] = assessEligibility(doctor("ended", "2025-11-30"), "2026-03-01").reasons;
    expect(reason?.message).toContain("ended on 30 November 2025");
    expect(reason?.message).toContain("until 28 February 2026");
  });
});

// An independent reading of the contract's words, to check the rule against: "the date 3
// calendar months before today, where a day that month lacks becomes its last day".
function threeMonthsBefore(today: string): string {
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  const targetYear = month > 3 ? year : year - 1;
  const targetMonth = month > 3 ? month - 3 : month + 9;
  const daysInTarget = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${targetYear}-${pad(targetMonth)}-${pad(Math.min(day, daysInTarget))}`;
}

const MONTH_ENDS_2024_TO_2028 = Array.from({ length: 60 }, (_, index) => {
  const year = 2024 + Math.floor(index / 12);
  const month = (index % 12) + 1;
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
});

describe("the grace period at every month end of 2024 to 2028", () => {
  it.each(MONTH_ENDS_2024_TO_2028)("today %s: ended on the cutoff is eligible, the day before is not", (today) => {
    const cutoff = threeMonthsBefore(today);
    expect(assessEligibility(doctor("ended", cutoff), today).eligible).toBe(true);
    expect(assessEligibility(doctor("ended", addCalendarDays(cutoff, -1)), today).reasons.map((r) => r.code)).toEqual([
      "GRACE_PERIOD_EXPIRED",
    ]);
  });

  it.each(MONTH_ENDS_2024_TO_2028)(
    "ended %s: eligible up to the date the message gives, every day checked",
    (endedOn) => {
      let lastEligible = endedOn;
      for (let today = endedOn; today <= addCalendarDays(endedOn, 100); today = addCalendarDays(today, 1)) {
        const verdict = assessEligibility(doctor("ended", endedOn), today);
        expect(verdict.eligible, today).toBe(endedOn >= threeMonthsBefore(today));
        if (verdict.eligible) lastEligible = today;
      }
      expect(getGracePeriodEnd(endedOn)).toBe(lastEligible);
      const [reason] = assessEligibility(doctor("ended", endedOn), addCalendarDays(lastEligible, 1)).reasons;
      expect(reason?.message).toContain(`until ${formatCalendarDateLong(lastEligible)}`);
    },
  );
});

describe("signposts", () => {
  it.each([
    { name: "eligible, no concerns", input: doctor("current"), concerns: [], codes: [] },
    { name: "eligible, other", input: doctor("current"), concerns: ["other"], codes: [] },
    { name: "eligible, contract", input: doctor("current"), concerns: ["contract"], codes: ["CONTRACT"] },
    {
      name: "eligible, physical health",
      input: doctor("current"),
      concerns: ["physical_health"],
      codes: ["PHYSICAL_HEALTH"],
    },
    { name: "eligible, rotation", input: doctor("current"), concerns: ["rotation"], codes: ["ROTATION"] },
    {
      name: "eligible, every concern",
      input: doctor("current"),
      concerns: ["other", "rotation", "physical_health", "contract"],
      codes: ["CONTRACT", "PHYSICAL_HEALTH", "ROTATION"],
    },
    { name: "ineligible, no concerns", input: doctor("none"), concerns: [], codes: ["LOCAL_SUPPORT"] },
    { name: "ineligible, other", input: doctor("none"), concerns: ["other"], codes: ["LOCAL_SUPPORT"] },
    {
      name: "ineligible, contract",
      input: doctor("none"),
      concerns: ["contract"],
      codes: ["CONTRACT", "LOCAL_SUPPORT"],
    },
    {
      name: "ineligible, every concern",
      input: professional("9"),
      concerns: ["contract", "physical_health", "rotation", "other"],
      codes: ["CONTRACT", "PHYSICAL_HEALTH", "ROTATION", "LOCAL_SUPPORT"],
    },
  ])("$name -> $codes", ({ input, concerns, codes }) => {
    const verdict = assessEligibility(answers({ ...input, concerns }), TODAY);
    expect(verdict.signposts.map((signpost) => signpost.code)).toEqual(codes);
  });
});

describe("reason messages say where to go instead", () => {
  it.each([
    {
      input: answers({ group: "caps_or_msw", referrer: "someone_else" }),
      words: ["refer themselves", PSU_COORDINATOR_EMAIL],
    },
    {
      input: answers({ group: "caps_or_msw", region: "elsewhere" }),
      words: ["London and Kent, Surrey and Sussex", "deanery"],
    },
    { input: answers({ group: "none_of_these" }), words: ["Occupational Health"] },
    { input: doctor("none"), words: ["training number", "Occupational Health"] },
    { input: professional("9"), words: ["bands 5 to 8", "Occupational Health"] },
    { input: professional("6", false), words: ["recognised training scheme", "Occupational Health"] },
    { input: pharmacy("other"), words: ["GP pharmacist training pathway", "Occupational Health"] },
    { input: gpScheme(false), words: ["offered a placement", "Occupational Health"] },
  ])("$input.group: $words", ({ input, words }) => {
    const [reason] = assessEligibility(input, TODAY).reasons;
    for (const word of words) expect(reason?.message).toContain(word);
  });
});

describe("assessEligibility invariants", () => {
  const anyAnswers = fc
    .record({
      referrer: fc.constantFrom(...REFERRERS),
      region: fc.constantFrom(...REGIONS),
      concerns: fc.array(fc.constantFrom(...CONCERNS), { maxLength: 6 }),
      branch: fc.oneof(
        fc.record({ group: fc.constant("doctor_or_dentist"), trainingNumber: fc.constantFrom("current", "none") }),
        fc.record({
          group: fc.constant("doctor_or_dentist"),
          trainingNumber: fc.constant("ended"),
          trainingEndedOn: fc
            .date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2026-02-15T00:00:00Z"), noInvalidDate: true })
            .map((date) => date.toISOString().slice(0, 10)),
        }),
        fc.record({
          group: fc.constant("healthcare_professional"),
          band: fc.constantFrom(...BANDS),
          inRecognisedScheme: fc.boolean(),
        }),
        fc.record({ group: fc.constant("pharmacy"), pharmacyRoute: fc.constantFrom(...PHARMACY_ROUTES) }),
        fc.record({ group: fc.constant("gp_scheme"), schemeOffered: fc.boolean() }),
        fc.record({ group: fc.constantFrom("caps_or_msw", "none_of_these") }),
      ),
    })
    .map(({ branch, ...common }) => EligibilityAnswersSchema.parse({ ...common, ...branch }));

  it("is eligible exactly when there are no reasons, and only then leaves out LOCAL_SUPPORT", () => {
    fc.assert(
      fc.property(anyAnswers, (input) => {
        const verdict = assessEligibility(input, TODAY);
        expect(EligibilityVerdictSchema.parse(verdict)).toEqual(verdict);
        expect(verdict.eligible).toBe(verdict.reasons.length === 0);
        expect(verdict.signposts.some((signpost) => signpost.code === "LOCAL_SUPPORT")).toBe(!verdict.eligible);
        const order = verdict.reasons.map((reason) => ELIGIBILITY_REASON_CODES.indexOf(reason.code));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        expect(new Set(order).size).toBe(order.length);
      }),
      { numRuns: 500 },
    );
  });

  it("refuses a timestamp as today, which would silently shift the grace period", () => {
    expect(() => assessEligibility(doctor("current"), "2026-02-15T09:00:00.000Z")).toThrow(RangeError);
  });
});
