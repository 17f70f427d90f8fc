import { type CaseDetail, PROFESSIONAL_REGISTER_LABELS, ProfessionalRegisterSchema, SERVICES } from "@psu/domain";
import type { ReactNode } from "react";
import { SummaryList, type SummaryRow } from "../../../components/summary-list";
import { describeCode, labelFor, REGION_LABELS, URGENCY_LABELS } from "../../../lib/case-labels";
import { formatDateTime } from "../../../lib/format-dates";

type Referral = CaseDetail["referral"];

// The eligibility answers, in the order the wizard asks them, with the question's words.
const ELIGIBILITY_QUESTIONS: readonly [key: string, label: string][] = [
  ["referrer", "Who is referring"],
  ["region", "Where they work or train"],
  ["group", "Their group"],
  ["trainingNumber", "Training number"],
  ["trainingEndedOn", "Training ended on"],
  ["band", "Agenda for Change band"],
  ["inRecognisedScheme", "In a recognised training scheme"],
  ["pharmacyRoute", "Pharmacy route"],
  ["schemeOffered", "Offered a scheme placement"],
  ["concerns", "Other concerns"],
];

const REGION_NAMES: Readonly<Record<string, string>> = { ...REGION_LABELS, elsewhere: "Elsewhere" };

function describeAnswer(key: string, value: unknown): string {
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value))
    return value.length === 0 ? "None" : value.map((item) => describeCode(String(item))).join(", ");
  if (typeof value !== "string") return String(value);
  if (key === "region") return labelFor(REGION_NAMES, value);
  if (key === "band" || key === "trainingEndedOn") return value;
  return describeCode(value);
}

function orNotGiven(value: string | null): ReactNode {
  return value ? (
    <span className="app-pre-line">{value}</span>
  ) : (
    <span className="nhsuk-u-secondary-text-colour">Not given</span>
  );
}

function describeRegister(referral: Referral): string {
  const register = ProfessionalRegisterSchema.safeParse(referral.registerName);
  const name = register.success ? PROFESSIONAL_REGISTER_LABELS[register.data] : referral.registerName;
  return referral.registrationNumber ? `${name}: ${referral.registrationNumber}` : name;
}

/** The referral as the trainee made it: eligibility and its verdict, services, details and their story. */
export function ReferralDetails({ referral }: { referral: Referral }) {
  const eligibilityRows: SummaryRow[] = [
    {
      key: "Verdict",
      value: referral.verdict.eligible ? (
        "Eligible"
      ) : (
        <>
          Not eligible
          <ul className="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
            {referral.verdict.reasons.map((reason) => (
              <li key={reason.code}>{reason.message}</li>
            ))}
          </ul>
        </>
      ),
    },
    ...ELIGIBILITY_QUESTIONS.filter(([key]) => referral.eligibility[key] !== undefined).map(([key, label]) => ({
      key: label,
      value: describeAnswer(key, referral.eligibility[key]),
    })),
    ...(referral.verdict.signposts.length > 0
      ? [{ key: "Signposted to", value: referral.verdict.signposts.map((signpost) => signpost.title).join("; ") }]
      : []),
  ];

  const serviceNames = referral.services.map((id) => SERVICES.find((service) => service.id === id)?.name ?? id);

  return (
    <>
      <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">Submitted {formatDateTime(referral.submittedAt)}</p>

      <h3>Eligibility</h3>
      <SummaryList rows={eligibilityRows} />

      <h3>Services asked for</h3>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {serviceNames.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>

      {referral.anonymisedAt ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            The trainee's personal details and their own words were removed on {formatDateTime(referral.anonymisedAt)},
            under the retention policy or at their request. The eligibility answers, services, dates and the case's
            history are kept for the unit's figures.
          </p>
        </div>
      ) : (
        <PersonalDetails referral={referral} />
      )}
    </>
  );
}

/** Who the trainee is and what they told us: gone once the referral is anonymised. */
function PersonalDetails({ referral }: { referral: Referral }) {
  return (
    <>
      <h3>Contact details</h3>
      <SummaryList
        rows={[
          { key: "Name", value: referral.fullName },
          { key: "Email", value: orNotGiven(referral.email) },
          { key: "Phone", value: referral.phone },
          { key: "Preferred contact", value: describeCode(referral.preferredContact) },
          { key: "Safe times to contact", value: orNotGiven(referral.safeContactTimes) },
          { key: "May contact supervisor", value: referral.consentsToSupervisorContact ? "Yes" : "No" },
        ]}
      />

      <h3>Training and work</h3>
      <SummaryList
        rows={[
          { key: "Professional registration", value: describeRegister(referral) },
          { key: "Programme or specialty", value: referral.programme },
          { key: "Grade", value: referral.grade },
          { key: "Trust or employer", value: referral.employer },
          { key: "Working pattern", value: describeCode(referral.workPattern) },
        ]}
      />

      <h3>In their words</h3>
      <SummaryList
        rows={[
          { key: "What is happening", value: orNotGiven(referral.whatIsHappening) },
          { key: "What they have tried", value: orNotGiven(referral.whatHasBeenTried) },
          { key: "What would help", value: orNotGiven(referral.whatWouldHelp) },
          { key: "How soon", value: labelFor(URGENCY_LABELS, referral.howSoon) },
          { key: "Access needs", value: orNotGiven(referral.accessNeeds) },
        ]}
      />
    </>
  );
}
