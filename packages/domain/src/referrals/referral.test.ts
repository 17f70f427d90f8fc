import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { TRAINEE_GROUPS } from "../catalogue/groups";
import { SERVICES } from "../catalogue/services";
import {
  FREE_TEXT_LIMITS,
  REQUESTED_SERVICES,
  ReferralDraftSchema,
  ReferralSubmissionSchema,
  type RequestedService,
  RequestedServicesSchema,
  resolveRequestedServices,
} from "./referral";

const ELIGIBILITY = {
  referrer: "self",
  region: "london",
  group: "doctor_or_dentist",
  trainingNumber: "current",
  concerns: [],
};
const DETAILS = {
  fullName: "Alex Example",
  personalEmail: "Alex.Example@Example.com",
  phone: "07700 900982",
  preferredContact: "email",
  safeContactTimes: "After 6pm, not on Mondays",
  registration: { register: "GMC", number: "1234 567" },
  programme: "General Practice",
  grade: "ST2",
  employer: "Example NHS Foundation Trust",
  workPattern: "less_than_full_time",
};
const STORY = {
  whatIsHappening: "I am finding it hard to keep up after returning from leave.",
  whatHasBeenTried: "I spoke to my educational supervisor.",
  whatWouldHelp: "Someone to talk it through with.",
  howSoon: "soon_within_a_month",
  accessNeeds: "",
};
const CONSENT = {
  acceptsConfidentialityPolicy: true,
  understandsSafetyOverride: true,
  consentsToSupervisorContact: false,
};
const SUBMISSION = {
  eligibility: ELIGIBILITY,
  services: ["spoc", "coaching"],
  details: DETAILS,
  story: STORY,
  consent: CONSENT,
};

type Section = "eligibility" | "details" | "story" | "consent";

function withField(section: Section, field: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...SUBMISSION[section] };
  if (value === undefined) delete copy[field];
  else copy[field] = value;
  return { ...SUBMISSION, [section]: copy };
}

function listIssues(input: unknown): { path: string; message: string }[] {
  const result = ReferralSubmissionSchema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

describe("ReferralSubmissionSchema accepts a complete referral", () => {
  it("parses it, tidying contact details and dropping blank optional answers", () => {
    const parsed = ReferralSubmissionSchema.parse(SUBMISSION);
    expect(parsed.details).toMatchObject({
      personalEmail: "Alex.Example@example.com",
      phone: "+447700900982",
      registration: { register: "GMC", number: "1234567" },
    });
    expect(parsed.story.accessNeeds).toBeUndefined();
    expect(parsed.story.whatIsHappening).toBe(STORY.whatIsHappening);
    expect(parsed.services).toEqual(["spoc", "coaching"]);
  });

  it.each([
    ["no optional answers at all", withField("story", "whatHasBeenTried", undefined)],
    ["no safe contact times", withField("details", "safeContactTimes", undefined)],
    ["not registered, with an empty number", withField("details", "registration", { register: "none", number: "" })],
    ["consent to contact the supervisor", withField("consent", "consentsToSupervisorContact", true)],
    ["not sure which service", { ...SUBMISSION, services: ["not_sure"] }],
    ["not sure as well as a service", { ...SUBMISSION, services: ["not_sure", "careers"] }],
  ])("with %s", (_case, input) => {
    expect(listIssues(input)).toEqual([]);
  });

  it("trims text answers", () => {
    const parsed = ReferralSubmissionSchema.parse(withField("details", "fullName", "  Alex Example  "));
    expect(parsed.details.fullName).toBe("Alex Example");
  });

  it("keeps line breaks and tabs in the trainee's own account", () => {
    const parsed = ReferralSubmissionSchema.parse(withField("story", "whatIsHappening", "Hard week.\r\n\tStill hard."));
    expect(parsed.story.whatIsHappening).toBe("Hard week.\r\n\tStill hard.");
  });
});

describe("ReferralSubmissionSchema refuses control characters, naming the field", () => {
  it.each([
    [
      "details",
      "fullName",
      "Alex\u0000Example",
      "Full name must not contain line breaks, tabs or hidden control characters",
    ],
    [
      "details",
      "fullName",
      "Alex\nExample",
      "Full name must not contain line breaks, tabs or hidden control characters",
    ],
    [
      "details",
      "personalEmail",
      "alex\u0000@example.com",
      "Email address must not contain line breaks, tabs or hidden control characters",
    ],
    [
      "details",
      "phone",
      "07700\u0007900982",
      "Phone number must not contain line breaks, tabs or hidden control characters",
    ],
    ["story", "whatIsHappening", "Hard\u0000 week", "What is happening must not contain hidden control characters"],
    ["story", "accessNeeds", "Ramp\u009b access", "Access needs must not contain hidden control characters"],
  ] as const)("%s.%s %j", (section, field, value, message) => {
    const result = ReferralSubmissionSchema.safeParse(withField(section, field, value));
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: [section, field], message }));
  });

  it("refuses them in a draft too", () => {
    const result = ReferralDraftSchema.safeParse({ story: { whatIsHappening: "Hard\u0000 week" } });
    expect(result.error?.issues[0]?.message).toBe("What is happening must not contain hidden control characters");
  });
});

describe("ReferralSubmissionSchema names what is missing, at its path", () => {
  it.each([
    ["details", "fullName", "Enter your full name"],
    ["details", "personalEmail", "Enter your personal email address"],
    ["details", "phone", "Enter your phone number"],
    ["details", "preferredContact", "Select how you would like us to contact you"],
    ["details", "registration", "Select the register you are on, or that you are not on one yet"],
    ["details", "programme", "Enter your specialty or training programme"],
    ["details", "grade", "Enter your grade, for example ST3, F2 or Band 6"],
    ["details", "employer", "Enter your Trust or employer"],
    ["details", "workPattern", "Select whether you work full time or less than full time"],
    ["story", "whatIsHappening", "Enter what is happening"],
    ["story", "howSoon", "Select how soon you would like support"],
    ["consent", "acceptsConfidentialityPolicy", "Confirm you have read the confidentiality policy"],
    [
      "consent",
      "understandsSafetyOverride",
      "Confirm you understand we may share information without your consent if someone is at risk of serious harm",
    ],
    ["consent", "consentsToSupervisorContact", "Select whether we may contact your supervisor"],
  ] as const)("%s.%s", (section, field, message) => {
    expect(listIssues(withField(section, field, undefined))).toEqual([{ path: `${section}.${field}`, message }]);
  });

  it.each([
    ["details", "fullName", "   ", "Enter your full name"],
    ["details", "programme", "", "Enter your specialty or training programme"],
    ["story", "whatIsHappening", " \n\t ", "Enter what is happening"],
    ["consent", "acceptsConfidentialityPolicy", false, "Confirm you have read the confidentiality policy"],
    ["details", "phone", "+1 202 555 0100", "Enter a UK phone number, like 07700 900 982 or 020 7946 0000"],
    ["details", "workPattern", "part_time", "Select whether you work full time or less than full time"],
    ["story", "howSoon", "yesterday", "Select how soon you would like support"],
  ] as const)("%s.%s given %j", (section, field, value, message) => {
    expect(listIssues(withField(section, field, value))).toEqual([{ path: `${section}.${field}`, message }]);
  });

  it("puts a bad registration number at details.registration.number", () => {
    const input = withField("details", "registration", { register: "GMC", number: "12345" });
    expect(listIssues(input)).toEqual([
      { path: "details.registration.number", message: "Enter your GMC number: 7 digits, for example 1234567" },
    ]);
  });

  it("names a missing section", () => {
    const { story: _story, ...withoutStory } = SUBMISSION;
    expect(listIssues(withoutStory).map((issue) => issue.path)).toEqual(["story"]);
  });
});

describe("ReferralSubmissionSchema limits the length of free text", () => {
  it.each([
    ["details", "fullName", "Full name", FREE_TEXT_LIMITS.short],
    ["details", "programme", "Specialty or programme", FREE_TEXT_LIMITS.short],
    ["details", "grade", "Grade", FREE_TEXT_LIMITS.short],
    ["details", "employer", "Trust or employer", FREE_TEXT_LIMITS.short],
    ["details", "safeContactTimes", "Safe times to contact you", FREE_TEXT_LIMITS.medium],
    ["story", "whatIsHappening", "What is happening", FREE_TEXT_LIMITS.long],
    ["story", "whatHasBeenTried", "What you have tried", FREE_TEXT_LIMITS.long],
    ["story", "whatWouldHelp", "What would help", FREE_TEXT_LIMITS.long],
    ["story", "accessNeeds", "Access needs", FREE_TEXT_LIMITS.long],
  ] as const)("%s.%s allows %s up to its limit", (section, field, label, limit) => {
    expect(listIssues(withField(section, field, "a".repeat(limit)))).toEqual([]);
    // Surrounding spaces are trimmed before the length is measured.
    expect(listIssues(withField(section, field, `  ${"a".repeat(limit)}  `))).toEqual([]);
    expect(listIssues(withField(section, field, "a".repeat(limit + 1)))).toEqual([
      { path: `${section}.${field}`, message: `${label} must be ${limit} characters or fewer` },
    ]);
  });
});

describe("RequestedServicesSchema", () => {
  it.each([
    ["none", [], "Select at least one service, or select that you are not sure"],
    ["not a list", "spoc", "Select at least one service, or select that you are not sure"],
    ["an unknown service", ["massage"], "Select services from the list"],
    ["the same service twice", ["spoc", "spoc"], "Select each service only once"],
  ])("refuses %s", (_case, services, message) => {
    expect(RequestedServicesSchema.safeParse(services).error?.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it.each(SERVICES.filter((service) => service.access === "self_serve"))(
    "refuses the self-serve resource $id, which needs no referral",
    (service) => {
      expect(listIssues({ ...SUBMISSION, services: ["spoc", service.id] })).toEqual([
        {
          path: "services",
          message: `${service.name} can be used without a referral, so there is no need to ask for it`,
        },
      ]);
    },
  );
});

describe("ReferralSubmissionSchema checks the services are open to the trainee's group", () => {
  const GROUP_ELIGIBILITY = {
    doctor_or_dentist: ELIGIBILITY,
    gp_scheme: { referrer: "self", region: "kss", group: "gp_scheme", schemeOffered: true, concerns: [] },
    caps_or_msw: { referrer: "self", region: "london", group: "caps_or_msw", concerns: [] },
    healthcare_professional: {
      referrer: "self",
      region: "london",
      group: "healthcare_professional",
      band: "6",
      inRecognisedScheme: true,
      concerns: [],
    },
    pharmacy: {
      referrer: "self",
      region: "kss",
      group: "pharmacy",
      pharmacyRoute: "foundation_pharmacist",
      concerns: [],
    },
  } as const;

  it.each([
    ["pharmacy", false],
    ["healthcare_professional", false],
    ["doctor_or_dentist", true],
    ["gp_scheme", true],
    ["caps_or_msw", true],
  ] as const)("mental health services for %s: allowed %s", (group, allowed) => {
    const issues = listIssues({ ...SUBMISSION, eligibility: GROUP_ELIGIBILITY[group], services: ["mental_health"] });
    expect(issues).toEqual(
      allowed
        ? []
        : [{ path: "services", message: "Confidential mental health services are for doctors and dentists only" }],
    );
  });

  // Every referral service against every group, straight from the catalogue.
  const pairs = SERVICES.filter((service) => service.access === "referral").flatMap((service) =>
    TRAINEE_GROUPS.map((group) => ({ id: service.id, group, allowed: service.groups.includes(group) })),
  );
  it.each(pairs)("$id for $group: allowed $allowed", ({ id, group, allowed }) => {
    const issues = listIssues({ ...SUBMISSION, eligibility: GROUP_ELIGIBILITY[group], services: [id] });
    expect(issues.map((issue) => issue.path)).toEqual(allowed ? [] : ["services"]);
  });

  it("names every service that is not open, and leaves Supported Return to Training open to every group", () => {
    const issues = listIssues({
      ...SUBMISSION,
      eligibility: GROUP_ELIGIBILITY.healthcare_professional,
      services: ["mental_health", "supported_return", "coaching"],
    });
    expect(issues).toEqual([
      { path: "services", message: "Confidential mental health services are for doctors and dentists only" },
    ]);
  });

  it("refuses a referral from none of the groups at eligibility.group", () => {
    const eligibility = { referrer: "self", region: "london", group: "none_of_these", concerns: [] };
    expect(listIssues({ ...SUBMISSION, eligibility })).toEqual([
      {
        path: "eligibility.group",
        message: "Select the group you belong to: the PSU can only take referrals from the groups listed",
      },
    ]);
  });

  it("reports the services problem alongside problems in other sections", () => {
    const input = {
      ...withField("details", "phone", "not a phone"),
      eligibility: GROUP_ELIGIBILITY.pharmacy,
      services: ["mental_health"],
    };
    expect(listIssues(input).map((issue) => issue.path)).toEqual(["details.phone", "services"]);
  });
});

describe("resolveRequestedServices", () => {
  it.each<[RequestedService[], string[]]>([
    [["not_sure"], ["spoc"]],
    [
      ["coaching", "not_sure"],
      ["coaching", "spoc"],
    ],
    [["spoc", "not_sure"], ["spoc"]],
    [
      ["not_sure", "spoc", "careers"],
      ["spoc", "careers"],
    ],
    [["dyslexia"], ["dyslexia"]],
  ])("%j -> %j", (services, expected) => {
    expect(resolveRequestedServices(services)).toEqual(expected);
  });

  it("never returns not_sure or a service twice, and keeps every service asked for", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...REQUESTED_SERVICES)), (services) => {
        const resolved: string[] = resolveRequestedServices(services);
        expect(resolved).not.toContain("not_sure");
        expect(new Set(resolved).size).toBe(resolved.length);
        for (const service of services) expect(resolved).toContain(service === "not_sure" ? "spoc" : service);
      }),
    );
  });
});

describe("ReferralDraftSchema accepts any half-filled wizard", () => {
  it.each([
    ["nothing yet", {}],
    ["only the step", { step: "services" }],
    ["the first answers", { eligibility: { referrer: "self", region: "kss" }, step: "group" }],
    ["a group that is not eligible", { eligibility: { group: "none_of_these" } }],
    ["a half-typed date", { eligibility: { group: "doctor_or_dentist", trainingEndedOn: "2025-0" } }],
    ["self-serve and repeated services", { services: ["spoc", "spoc", "wellbeing_resources"] }],
    ["a half-typed phone number", { details: { fullName: "Alex", phone: "0770" } }],
    ["a half-typed email", { details: { personalEmail: "alex@" } }],
    ["a register without its number", { details: { registration: { register: "NMC" } } }],
    ["empty story answers", { story: { whatIsHappening: "", howSoon: "when_possible" } }],
    ["consent not given yet", { consent: { acceptsConfidentialityPolicy: false } }],
    ["a complete submission", SUBMISSION],
  ])("%s", (_case, draft) => {
    expect(ReferralDraftSchema.parse(draft)).toEqual(draft);
  });

  it("drops keys it does not know", () => {
    expect(ReferralDraftSchema.parse({ step: "details", extra: "x".repeat(10_000) })).toEqual({ step: "details" });
  });

  it("can be sent back through the same schema, which is how the API returns a draft", () => {
    const draft = ReferralDraftSchema.parse(SUBMISSION);
    expect(z.encode(ReferralDraftSchema, draft)).toEqual(draft);
  });

  it("parses any text within the limits", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: FREE_TEXT_LIMITS.long }), (text) => {
        expect(ReferralDraftSchema.safeParse({ story: { whatIsHappening: text } }).success).toBe(true);
      }),
    );
  });
});

describe("ReferralDraftSchema refuses wrong types and oversized text", () => {
  it.each([
    ["a section that is not an object", { story: "I need help" }, "story"],
    ["a number for a name", { details: { fullName: 42 } }, "details.fullName"],
    [
      "a string for consent",
      { consent: { acceptsConfidentialityPolicy: "yes" } },
      "consent.acceptsConfidentialityPolicy",
    ],
    ["services that are not a list", { services: "spoc" }, "services"],
    ["an unknown service", { services: ["massage"] }, "services.0"],
    ["an unknown group", { eligibility: { group: "vet" } }, "eligibility.group"],
    ["an unknown register", { details: { registration: { register: "GOC" } } }, "details.registration.register"],
    ["too many services", { services: Array(REQUESTED_SERVICES.length + 1).fill("spoc") }, "services"],
    ["too many concerns", { eligibility: { concerns: Array(5).fill("other") } }, "eligibility.concerns"],
    ["a long name", { details: { fullName: "a".repeat(FREE_TEXT_LIMITS.short + 1) } }, "details.fullName"],
    ["a long phone", { details: { phone: "0".repeat(31) } }, "details.phone"],
    ["a long email", { details: { personalEmail: "a".repeat(255) } }, "details.personalEmail"],
    ["a long number", { details: { registration: { number: "1".repeat(21) } } }, "details.registration.number"],
    ["a long date", { eligibility: { trainingEndedOn: "2025-08-31T00:00" } }, "eligibility.trainingEndedOn"],
    ["a long story", { story: { whatIsHappening: "a".repeat(FREE_TEXT_LIMITS.long + 1) } }, "story.whatIsHappening"],
    ["a megabyte", { story: { accessNeeds: "a".repeat(1_000_000) } }, "story.accessNeeds"],
    ["a long step", { step: "a".repeat(101) }, "step"],
  ])("%s", (_case, draft, path) => {
    const result = ReferralDraftSchema.safeParse(draft);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual([path]);
  });
});
