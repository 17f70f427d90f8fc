import { describe, expect, it } from "vitest";
import {
  BANDS,
  createEligibilityAnswersSchema,
  ELIGIBILITY_GROUPS,
  EligibilityAnswersSchema,
  findFutureTrainingEnd,
  PHARMACY_ROUTES,
  validateEligibilityAnswers,
} from "./eligibility-answers";

const TODAY = "2026-02-15";
const COMMON = { referrer: "self", region: "london", concerns: [] };

// The smallest complete body for each branch of the contract.
const DOCTOR_CURRENT = { ...COMMON, group: "doctor_or_dentist", trainingNumber: "current" };
const DOCTOR_ENDED = { ...COMMON, group: "doctor_or_dentist", trainingNumber: "ended", trainingEndedOn: "2025-12-01" };
const HEALTHCARE_PROFESSIONAL = { ...COMMON, group: "healthcare_professional", band: "6", inRecognisedScheme: true };
const PHARMACY = { ...COMMON, group: "pharmacy", pharmacyRoute: "foundation_pharmacist" };
const GP_SCHEME = { ...COMMON, group: "gp_scheme", schemeOffered: true };

function withField(body: Record<string, unknown>, field: string, value: unknown): Record<string, unknown> {
  const copy = { ...body };
  if (value === undefined) delete copy[field];
  else copy[field] = value;
  return copy;
}

function listFields(input: unknown, today = TODAY): string[] {
  const result = validateEligibilityAnswers(input, today);
  return result.success ? [] : result.issues.map((issue) => issue.field);
}

describe("EligibilityAnswersSchema accepts every branch of the contract", () => {
  it.each([
    { name: "doctor with a current number", body: DOCTOR_CURRENT },
    { name: "doctor with no number", body: { ...DOCTOR_CURRENT, trainingNumber: "none" } },
    { name: "doctor whose number ended", body: DOCTOR_ENDED },
    { name: "doctor whose number ended on 29 February", body: { ...DOCTOR_ENDED, trainingEndedOn: "2024-02-29" } },
    { name: "healthcare professional", body: HEALTHCARE_PROFESSIONAL },
    {
      name: "healthcare professional outside a scheme",
      body: { ...HEALTHCARE_PROFESSIONAL, inRecognisedScheme: false },
    },
    ...BANDS.map((band) => ({ name: `band ${band}`, body: { ...HEALTHCARE_PROFESSIONAL, band } })),
    ...PHARMACY_ROUTES.map((pharmacyRoute) => ({
      name: `pharmacy route ${pharmacyRoute}`,
      body: { ...PHARMACY, pharmacyRoute },
    })),
    { name: "GP scheme with a placement", body: GP_SCHEME },
    { name: "GP scheme without a placement", body: { ...GP_SCHEME, schemeOffered: false } },
    { name: "CAPS or MSW", body: { ...COMMON, group: "caps_or_msw" } },
    { name: "none of these", body: { ...COMMON, group: "none_of_these" } },
    { name: "someone else, elsewhere", body: { ...DOCTOR_CURRENT, referrer: "someone_else", region: "elsewhere" } },
    { name: "KSS", body: { ...DOCTOR_CURRENT, region: "kss" } },
    {
      name: "every concern",
      body: { ...DOCTOR_CURRENT, concerns: ["contract", "physical_health", "rotation", "other"] },
    },
  ])("$name", ({ body }) => {
    expect(EligibilityAnswersSchema.parse(body)).toEqual(body);
  });

  it("has a branch for every group", () => {
    const accepted = ELIGIBILITY_GROUPS.filter((group) =>
      [DOCTOR_CURRENT, HEALTHCARE_PROFESSIONAL, PHARMACY, GP_SCHEME, COMMON].some(
        (body) => EligibilityAnswersSchema.safeParse({ ...body, group }).success,
      ),
    );
    expect(accepted).toEqual([...ELIGIBILITY_GROUPS]);
  });
});

describe("EligibilityAnswersSchema ignores fields that do not apply, and unknown keys", () => {
  it.each([
    {
      name: "a doctor sending a band and a pharmacy route",
      body: { ...DOCTOR_CURRENT, band: "banana", pharmacyRoute: 7, schemeOffered: "maybe" },
      expected: DOCTOR_CURRENT,
    },
    {
      name: "a doctor with a current number sending an impossible end date",
      body: { ...DOCTOR_CURRENT, trainingEndedOn: "2025-02-30" },
      expected: DOCTOR_CURRENT,
    },
    {
      name: "a doctor with a current number sending a future end date",
      body: { ...DOCTOR_CURRENT, trainingEndedOn: "2099-01-01" },
      expected: DOCTOR_CURRENT,
    },
    {
      name: "a healthcare professional sending a training number",
      body: { ...HEALTHCARE_PROFESSIONAL, trainingNumber: "banana", trainingEndedOn: 12 },
      expected: HEALTHCARE_PROFESSIONAL,
    },
    {
      name: "a pharmacist sending a band",
      body: { ...PHARMACY, band: "banana", inRecognisedScheme: "no" },
      expected: PHARMACY,
    },
    { name: "a GP scheme doctor sending a band", body: { ...GP_SCHEME, band: 9 }, expected: GP_SCHEME },
    {
      name: "CAPS or MSW sending everything else",
      body: { ...COMMON, group: "caps_or_msw", schemeOffered: "yes", trainingNumber: null, band: [] },
      expected: { ...COMMON, group: "caps_or_msw" },
    },
    {
      name: "unknown keys",
      body: { ...DOCTOR_ENDED, name: "Ada", nhsNumber: "123" },
      expected: DOCTOR_ENDED,
    },
  ])("$name", ({ body, expected }) => {
    const result = validateEligibilityAnswers(body, TODAY);
    expect(result).toEqual({ success: true, answers: expected });
  });
});

// Each field, on the smallest body of a branch that needs it, with the wrong values it must refuse.
const WRONG_VALUES: [body: Record<string, unknown>, field: string, wrong: Record<string, unknown>][] = [
  // Always required.
  [DOCTOR_CURRENT, "referrer", { missing: undefined, "not a string": 1, unknown: "friend" }],
  [DOCTOR_CURRENT, "region", { missing: undefined, "not a string": true, unknown: "wales", "in capitals": "London" }],
  [DOCTOR_CURRENT, "group", { missing: undefined, "not a string": 3, unknown: "nurse" }],
  [DOCTOR_CURRENT, "concerns", { missing: undefined, "not a list": "contract", null: null }],
  // doctor_or_dentist
  [DOCTOR_CURRENT, "trainingNumber", { missing: undefined, "wrong type": true, unknown: "expired" }],
  [
    DOCTOR_ENDED,
    "trainingEndedOn",
    {
      missing: undefined,
      "a number": 20250101,
      "not a real day": "2025-02-30",
      "29 February in a common year": "2025-02-29",
      "written the British way": "31/08/2025",
      "without leading zeros": "2025-8-31",
      "a timestamp": "2025-08-31T00:00:00Z",
      tomorrow: "2026-02-16",
      "next year": "2027-01-01",
    },
  ],
  // healthcare_professional
  [HEALTHCARE_PROFESSIONAL, "band", { missing: undefined, "a number": 5, unknown: "10", "in capitals": "8A" }],
  [HEALTHCARE_PROFESSIONAL, "inRecognisedScheme", { missing: undefined, "a string": "true", "a number": 1 }],
  // pharmacy
  [PHARMACY, "pharmacyRoute", { missing: undefined, "a number": 1, unknown: "hospital" }],
  // gp_scheme
  [GP_SCHEME, "schemeOffered", { missing: undefined, "a string": "false", null: null }],
];

describe("validateEligibilityAnswers names the field that is wrong", () => {
  it.each([
    ...WRONG_VALUES.flatMap(([body, field, wrong]) =>
      Object.entries(wrong).map(([what, value]) => ({
        name: `${field} ${what}`,
        body: withField(body, field, value),
        field,
      })),
    ),
    // A wrong item of a list is named by its place in it.
    {
      name: "a concern unknown",
      body: withField(DOCTOR_CURRENT, "concerns", ["contract", "money"]),
      field: "concerns.1",
    },
    { name: "a concern not a string", body: withField(DOCTOR_CURRENT, "concerns", [1]), field: "concerns.0" },
  ])("$name -> $field", ({ body, field }) => {
    expect(listFields(body)).toEqual([field]);
  });

  it("names every wrong field at once, the common ones included when the group is wrong", () => {
    expect(listFields({ group: "nurse", referrer: 1 })).toEqual(["referrer", "region", "concerns", "group"]);
  });

  it("names common and branch fields together", () => {
    expect(listFields({ ...DOCTOR_ENDED, region: "mars", trainingEndedOn: "2099-12-31" })).toEqual([
      "region",
      "trainingEndedOn",
    ]);
  });

  it.each([null, "referral", 42, [], true])("names the whole body once when it is %j", (body) => {
    const result = validateEligibilityAnswers(body, TODAY);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.field).toBe("body");
    expect(result.issues[0]?.message).toMatch(/expected object/);
  });
});

describe("messages a person can act on", () => {
  it.each([
    { body: withField(DOCTOR_CURRENT, "referrer", "x"), message: "Select who is making this referral" },
    { body: withField(DOCTOR_CURRENT, "region", undefined), message: "Select where you work or train" },
    { body: withField(DOCTOR_CURRENT, "group", "x"), message: "Select the group you belong to" },
    { body: withField(DOCTOR_CURRENT, "group", undefined), message: "Select the group you belong to" },
    { body: withField(DOCTOR_CURRENT, "concerns", 1), message: "Send concerns as a list, which may be empty" },
    { body: withField(DOCTOR_CURRENT, "concerns", ["x"]), message: "Select only concerns from the list" },
    {
      body: withField(DOCTOR_CURRENT, "trainingNumber", "x"),
      message: "Select whether you hold a London or KSS training number",
    },
    {
      body: withField(DOCTOR_ENDED, "trainingEndedOn", undefined),
      message: "Enter the date your training number ended",
    },
    { body: withField(DOCTOR_ENDED, "trainingEndedOn", 5), message: "Enter the date your training number ended" },
    {
      body: withField(DOCTOR_ENDED, "trainingEndedOn", "2025-02-30"),
      message: "Enter the date your training number ended as a real date, for example 2025-08-31",
    },
    {
      body: withField(DOCTOR_ENDED, "trainingEndedOn", "2026-02-16"),
      message: "The date your training number ended must be today or in the past",
    },
    { body: withField(HEALTHCARE_PROFESSIONAL, "band", "x"), message: "Select your Agenda for Change band" },
    {
      body: withField(HEALTHCARE_PROFESSIONAL, "inRecognisedScheme", "x"),
      message: "Select whether you are in a recognised training scheme",
    },
    { body: withField(PHARMACY, "pharmacyRoute", "x"), message: "Select your pharmacy training route" },
    {
      body: withField(GP_SCHEME, "schemeOffered", "x"),
      message: "Select whether you have been offered a place on the scheme",
    },
  ])("$message", ({ body, message }) => {
    const result = validateEligibilityAnswers(body, TODAY);
    expect(result.success ? [] : result.issues.map((issue) => issue.message)).toEqual([message]);
  });
});

describe("trainingEndedOn against today", () => {
  it.each([
    { trainingEndedOn: "2026-02-14", accepted: true },
    { trainingEndedOn: "2026-02-15", accepted: true },
    { trainingEndedOn: "2026-02-16", accepted: false },
    { trainingEndedOn: "2026-03-01", accepted: false },
    { trainingEndedOn: "2027-01-01", accepted: false },
    { trainingEndedOn: "1999-12-31", accepted: true },
  ])("ended $trainingEndedOn with today 2026-02-15: accepted $accepted", ({ trainingEndedOn, accepted }) => {
    expect(createEligibilityAnswersSchema(TODAY).safeParse({ ...DOCTOR_ENDED, trainingEndedOn }).success).toBe(
      accepted,
    );
  });

  it.each([
    DOCTOR_CURRENT,
    HEALTHCARE_PROFESSIONAL,
    PHARMACY,
    GP_SCHEME,
    ...["2026-02-14", "2026-02-15", "2026-02-16", "2027-01-01", "1999-12-31"].map((trainingEndedOn) => ({
      ...DOCTOR_ENDED,
      trainingEndedOn,
    })),
  ])(
    "findFutureTrainingEnd finds what validateEligibilityAnswers adds for today, on answers already parsed: %j",
    (body) => {
      const answers = EligibilityAnswersSchema.parse(body);
      const validation = validateEligibilityAnswers(body, TODAY);
      expect(findFutureTrainingEnd(answers, TODAY)).toEqual(validation.success ? null : validation.issues[0]);
      expect(validation.success || validation.issues.length === 1).toBe(true);
    },
  );

  it("is not checked by the schema built without today, which serves documentation and types", () => {
    expect(EligibilityAnswersSchema.safeParse({ ...DOCTOR_ENDED, trainingEndedOn: "2099-01-01" }).success).toBe(true);
  });

  it.each(["2026-02-15T00:00:00.000Z", "15/02/2026", "2026-02-30"])("refuses %j as today", (today) => {
    expect(() => createEligibilityAnswersSchema(today)).toThrow(RangeError);
    expect(() => validateEligibilityAnswers(DOCTOR_ENDED, today)).toThrow(RangeError);
  });
});
