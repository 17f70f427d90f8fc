import { buildExampleSubmission, type EligibilityVerdict } from "@psu/domain";
import { describe, expect, it } from "vitest";
import {
  canVisitStep,
  findFirstIncompleteStep,
  findNextStep,
  hasAllEligibilityAnswers,
  listJourney,
  type WizardStep,
} from "./journey";
import { INITIAL_WIZARD_STATE, type WizardState } from "./wizard-state";

const TODAY = "2025-11-24";
const ELIGIBLE: EligibilityVerdict = { eligible: true, reasons: [], signposts: [] };

function state(overrides: Partial<WizardState> = {}): WizardState {
  return { ...INITIAL_WIZARD_STATE, urgentHelp: "no", ...overrides };
}

const DOCTOR = { referrer: "self", region: "london", group: "doctor_or_dentist", trainingNumber: "current" } as const;
const SOMEONE_ELSE = { ...DOCTOR, referrer: "someone_else" } as const;
// Every answer given, from the domain's example referral (a doctor with a current number).
const COMPLETE: Partial<WizardState> = { ...buildExampleSubmission(), verdict: ELIGIBLE };

describe("listJourney", () => {
  it.each<[string, WizardState["eligibility"], WizardStep[]]>([
    ["a doctor with a current number", { group: "doctor_or_dentist", trainingNumber: "current" }, ["training-number"]],
    [
      "a doctor whose number ended",
      { group: "doctor_or_dentist", trainingNumber: "ended" },
      ["training-number", "training-ended"],
    ],
    ["a healthcare professional", { group: "healthcare_professional" }, ["band", "recognised-scheme"]],
    ["someone in pharmacy", { group: "pharmacy" }, ["pharmacy-route"]],
    ["a GP scheme doctor", { group: "gp_scheme" }, ["scheme-offered"]],
    ["a CAPS or MSW doctor", { group: "caps_or_msw" }, []],
    ["someone in none of the groups", { group: "none_of_these" }, []],
  ])("asks %s only their branch's questions", (_, eligibility, branch) => {
    expect(listJourney(state({ eligibility }))).toEqual([
      "urgent-help",
      "who-is-referring",
      "where-you-work",
      "your-group",
      ...branch,
    ]);
  });

  it("ends at the exit page when the verdict is not eligible", () => {
    const verdict: EligibilityVerdict = {
      eligible: false,
      reasons: [{ code: "OUTSIDE_REGION", message: "London and KSS only" }],
      signposts: [],
    };
    expect(listJourney(state({ eligibility: { ...DOCTOR }, verdict })).at(-1)).toBe("not-eligible");
  });

  it("puts one signpost page per matching concern after the concerns question, and none for local support", () => {
    const verdict: EligibilityVerdict = {
      eligible: true,
      reasons: [],
      signposts: [
        { code: "CONTRACT", title: "Contract", detail: "Talk to HR" },
        { code: "ROTATION", title: "Rotation", detail: "Talk to your TPD" },
      ],
    };
    const journey = listJourney(state({ eligibility: { ...DOCTOR, concerns: ["contract", "rotation"] }, verdict }));
    expect(journey.slice(journey.indexOf("concerns"), journey.indexOf("contact-details"))).toEqual([
      "concerns",
      "advice-contract",
      "advice-rotation",
    ]);
  });
});

describe("findFirstIncompleteStep", () => {
  it("starts at the urgent-help question", () => {
    expect(findFirstIncompleteStep(INITIAL_WIZARD_STATE, TODAY)).toBe("urgent-help");
  });

  it("after a refresh past the details (only eligibility answers kept) asks the last eligibility question again for a verdict", () => {
    const refreshed = { ...INITIAL_WIZARD_STATE, passedUrgentHelp: true, eligibility: { ...DOCTOR, concerns: [] } };
    expect(findFirstIncompleteStep(refreshed, TODAY)).toBe("training-number");
  });

  it("treats a training end date in the future as unanswered", () => {
    const eligibility = { ...DOCTOR, trainingNumber: "ended", trainingEndedOn: "2025-12-01" } as const;
    expect(findFirstIncompleteStep(state({ eligibility }), TODAY)).toBe("training-ended");
  });

  it("finds the details still missing once the eligibility questions are done", () => {
    expect(findFirstIncompleteStep(state({ ...COMPLETE, details: {} }), TODAY)).toBe("contact-details");
  });
});

describe("canVisitStep", () => {
  it("refuses a page whose earlier answers are missing", () => {
    expect(canVisitStep("consent", state({ eligibility: { ...DOCTOR } }), TODAY)).toBe(false);
  });

  it("allows check your answers only when everything before it is valid", () => {
    expect(canVisitStep("check-your-answers", state(COMPLETE), TODAY)).toBe(true);
    const badPhone = { ...COMPLETE, details: { ...COMPLETE.details, phone: "12345" } };
    expect(canVisitStep("check-your-answers", state(badPhone), TODAY)).toBe(false);
  });

  it("keeps the services question closed until there is an eligible verdict", () => {
    expect(canVisitStep("services", state({ ...COMPLETE, verdict: undefined }), TODAY)).toBe(false);
  });
});

describe("findNextStep", () => {
  it("goes to the next question in order", () => {
    expect(findNextStep("contact-details", state(COMPLETE), TODAY, false)).toBe("registration");
  });

  it("returns to check your answers after a change when nothing else is missing", () => {
    expect(findNextStep("where-you-work", state(COMPLETE), TODAY, true)).toBe("check-your-answers");
  });

  it("after a change that needs follow-up questions, asks them before returning", () => {
    const changedGroup = {
      ...COMPLETE,
      eligibility: { ...DOCTOR, group: "healthcare_professional" as const, concerns: [] },
    };
    expect(findNextStep("your-group", state(changedGroup), TODAY, true)).toBe("band");
  });
});

describe("someone referring another person", () => {
  it("is asked nothing about themselves and sent straight to the page for them", () => {
    const journey = ["urgent-help", "who-is-referring", "referring-someone-else"];
    expect(listJourney(state({ eligibility: { referrer: "someone_else" } }))).toEqual(journey);
    // Earlier answers about "you" (given before changing who is referring) no longer count.
    expect(listJourney(state({ eligibility: { ...SOMEONE_ELSE }, verdict: ELIGIBLE }))).toEqual(journey);
  });

  it("goes from who is referring to the page for them, also when changing the answer from check your answers", () => {
    const someoneElse = state({ ...COMPLETE, eligibility: { ...SOMEONE_ELSE, concerns: [] } });
    expect(findNextStep("who-is-referring", someoneElse, TODAY, false)).toBe("referring-someone-else");
    expect(findNextStep("who-is-referring", someoneElse, TODAY, true)).toBe("referring-someone-else");
  });

  it("never asks the API for a verdict, however many questions were answered before", () => {
    expect(hasAllEligibilityAnswers(state({ eligibility: { ...SOMEONE_ELSE } }), TODAY)).toBe(false);
    expect(hasAllEligibilityAnswers(state({ eligibility: { ...DOCTOR } }), TODAY)).toBe(true);
  });

  it("can reach the page for them only after answering who is referring, and not the other questions", () => {
    const someoneElse = state({ eligibility: { ...SOMEONE_ELSE } });
    expect(canVisitStep("referring-someone-else", someoneElse, TODAY)).toBe(true);
    expect(canVisitStep("where-you-work", someoneElse, TODAY)).toBe(false);
    expect(canVisitStep("check-your-answers", state({ ...COMPLETE, eligibility: { ...SOMEONE_ELSE } }), TODAY)).toBe(
      false,
    );
    expect(canVisitStep("referring-someone-else", state({ eligibility: { ...DOCTOR } }), TODAY)).toBe(false);
    expect(
      canVisitStep("referring-someone-else", { ...INITIAL_WIZARD_STATE, eligibility: { ...SOMEONE_ELSE } }, TODAY),
    ).toBe(false);
  });

  it("lands on the page for them when coming back to the wizard", () => {
    expect(findFirstIncompleteStep(state({ eligibility: { referrer: "someone_else" } }), TODAY)).toBe(
      "referring-someone-else",
    );
  });
});
