import type { RecordReferralInput } from "./recorded-referral";
import type { ReferralSubmission } from "./referral";

// One complete, valid referral from an eligible doctor, for the API's and the browser's tests,
// the demo seed and the benchmarks. Fictional: the phone number is from Ofcom's drama range.

/** A person's name, address and the parts that tell examples apart; everything else is fixed. */
export interface ExampleReferralOptions {
  fullName?: string;
  personalEmail?: string;
  services?: ReferralSubmission["services"];
  howSoon?: ReferralSubmission["story"]["howSoon"];
}

/**
 * Eligible answers from a foundation pharmacist in Kent, Surrey or Sussex: a group some services
 * (mental health support among them) are not open to, for the tests of those rules.
 */
export const EXAMPLE_KSS_PHARMACIST_ELIGIBILITY: ReferralSubmission["eligibility"] = {
  referrer: "self",
  region: "kss",
  group: "pharmacy",
  pharmacyRoute: "foundation_pharmacist",
  concerns: [],
};

/** A complete, valid referral; override whole sections with spread as a test needs. */
export function buildExampleSubmission(options: ExampleReferralOptions = {}): ReferralSubmission {
  const fullName = options.fullName ?? "Alex Example";
  return {
    eligibility: {
      referrer: "self",
      region: "london",
      group: "doctor_or_dentist",
      trainingNumber: "current",
      concerns: [],
    },
    services: options.services ?? ["spoc", "coaching"],
    details: {
      fullName,
      personalEmail: options.personalEmail ?? `${fullName.toLowerCase().replaceAll(" ", ".")}@example.com`,
      phone: "07700 900982",
      preferredContact: "email",
      safeContactTimes: "After 6pm on weekdays",
      registration: { register: "GMC", number: "1234567" },
      programme: "General Practice",
      grade: "ST2",
      employer: "Example NHS Foundation Trust",
      workPattern: "less_than_full_time",
    },
    story: {
      whatIsHappening: "I am finding it hard to keep up after returning from leave.",
      whatHasBeenTried: "I spoke to my educational supervisor.",
      whatWouldHelp: "Someone to talk it through with.",
      howSoon: options.howSoon ?? "soon_within_a_month",
      accessNeeds: "",
    },
    consent: {
      acceptsConfidentialityPolicy: true,
      understandsSafetyOverride: true,
      consentsToSupervisorContact: false,
    },
  };
}

/** A referral phoned in to a coordinator, from the same example person, without an email address. */
export function buildExampleRecordedReferral(options: ExampleReferralOptions = {}): RecordReferralInput {
  const { eligibility, services, details, story } = buildExampleSubmission(options);
  const { personalEmail: _none, ...detailsWithoutEmail } = details;
  return {
    channel: "phone",
    eligibility,
    services,
    details: { ...detailsWithoutEmail, preferredContact: "phone" },
    story,
    consent: { confidentialityPolicyDiscussed: true, safetyOverrideDiscussed: true, consentsToSupervisorContact: true },
  };
}
