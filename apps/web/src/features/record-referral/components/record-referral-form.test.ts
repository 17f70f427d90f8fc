import { describe, expect, it } from "vitest";
import {
  checkForm,
  EMPTY_FORM,
  findVerdict,
  NOT_ELIGIBLE_MESSAGE,
  type RecordReferralForm,
  toPageErrors,
} from "./record-referral-form";

const TODAY = "2026-11-24";

const PHONED_IN: RecordReferralForm = {
  channel: "phone",
  eligibility: {
    referrer: "self",
    region: "london",
    group: "doctor_or_dentist",
    trainingNumber: "current",
    trainingEndedOn: { day: "", month: "", year: "" },
    concerns: [],
  },
  services: ["spoc"],
  details: {
    fullName: "Pat Phone",
    personalEmail: "",
    phone: "07700 900982",
    preferredContact: "phone",
    safeContactTimes: "",
    register: "GMC",
    registrationNumber: "1234567",
    programme: "General Practice",
    grade: "ST2",
    employer: "Example NHS Trust",
    workPattern: "full_time",
  },
  story: {
    whatIsHappening: "Rang the unit.",
    whatHasBeenTried: "",
    whatWouldHelp: "",
    howSoon: "when_possible",
    accessNeeds: "",
  },
  consent: {
    discussed: ["confidentialityPolicyDiscussed", "safetyOverrideDiscussed"],
    consentsToSupervisorContact: "no",
  },
};

describe("checkForm", () => {
  it("turns a complete form into the API's request, a blank email into none", () => {
    const checked = checkForm(PHONED_IN, TODAY);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.request.details.personalEmail).toBeUndefined();
    expect(checked.request.details.phone).toBe("+447700900982");
    expect(checked.request.consent).toEqual({
      confidentialityPolicyDiscussed: true,
      safetyOverrideDiscussed: true,
      consentsToSupervisorContact: false,
    });
  });

  it("lists every missing answer of an empty form, in the page's order", () => {
    const checked = checkForm(EMPTY_FORM, TODAY);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const fields = checked.errors.map((error) => error.field);
    expect(fields.slice(0, 4)).toEqual(["channel", "eligibility-referrer", "eligibility-region", "eligibility-group"]);
    expect(fields).toContain("details-fullName");
    expect(fields).toContain("consent-discussed");
    expect(fields).toContain("consent-discussed-2");
    expect(fields).not.toContain("details-personalEmail");
  });

  it("refuses email as the preferred contact without an address, on that field", () => {
    const checked = checkForm({ ...PHONED_IN, details: { ...PHONED_IN.details, preferredContact: "email" } }, TODAY);
    expect(checked.ok ? [] : checked.errors.map((error) => error.field)).toEqual(["details-preferredContact"]);
  });

  it("refuses a training end date in the future, on the date's first box", () => {
    const checked = checkForm(
      {
        ...PHONED_IN,
        eligibility: {
          ...PHONED_IN.eligibility,
          trainingNumber: "ended",
          trainingEndedOn: { day: "1", month: "1", year: "2027" },
        },
      },
      TODAY,
    );
    expect(checked.ok ? [] : checked.errors.map((error) => error.field)).toEqual(["eligibility-trainingEndedOn-day"]);
  });

  it("refuses someone who is not eligible, pointing at the verdict", () => {
    const outside = { ...PHONED_IN, eligibility: { ...PHONED_IN.eligibility, region: "elsewhere" as const } };
    expect(findVerdict(outside.eligibility, TODAY)?.eligible).toBe(false);
    expect(checkForm(outside, TODAY)).toEqual({
      ok: false,
      errors: [{ field: "eligibility-verdict", message: NOT_ELIGIBLE_MESSAGE }],
    });
  });
});

describe("findVerdict", () => {
  it("waits until every answer of the chosen branch is in", () => {
    expect(findVerdict({ ...PHONED_IN.eligibility, trainingNumber: undefined }, TODAY)).toBeNull();
    expect(findVerdict(PHONED_IN.eligibility, TODAY)?.eligible).toBe(true);
  });
});

describe("toPageErrors", () => {
  it("puts the API's fields on the page's fields, and the rest in the summary only", () => {
    expect(
      toPageErrors([
        { field: "details.phone", message: "Enter a UK phone number" },
        { field: "consent.safetyOverrideDiscussed", message: "Confirm" },
        { field: "idempotency-key", message: "Send a key" },
      ]),
    ).toEqual([
      { field: "details-phone", message: "Enter a UK phone number" },
      { field: "consent-discussed-2", message: "Confirm" },
      { field: "", message: "Send a key" },
    ]);
  });
});
