import { BANDS, type EligibilityVerdict } from "@psu/domain";
import { bindFields } from "../../../components/bind-fields";
import { Checkboxes } from "../../../components/checkboxes";
import { toChoiceOptions } from "../../../components/choice-list";
import { DateInput } from "../../../components/date-input";
import { ErrorMessage } from "../../../components/error-message";
import { InsetText } from "../../../components/inset-text";
import { Radios } from "../../../components/radios";
import { WarningCallout } from "../../../components/warning-callout";
import { YES_NO_OPTIONS } from "../../../components/yes-no";
import { type FormError, findFieldError } from "../../../lib/form-errors";
import type { RecordReferralForm } from "./record-referral-form";
import {
  CONCERN_LABELS,
  GROUP_LABELS,
  PHARMACY_ROUTE_LABELS,
  REFERRER_LABELS,
  REGION_LABELS,
  TRAINING_NUMBER_LABELS,
} from "./record-referral-labels";

type Eligibility = RecordReferralForm["eligibility"];

type EligibilityFieldsProps = {
  value: Eligibility;
  set: <Name extends keyof Eligibility & string>(name: Name, value: Eligibility[Name]) => void;
  errors: readonly FormError[];
  /** The verdict on the answers so far; null while some are missing. */
  verdict: EligibilityVerdict | null;
};

/**
 * The eligibility questions the trainee's wizard asks, on one page, with the questions of the
 * chosen group only, and the verdict as soon as every answer is in.
 */
export function EligibilityFields({ value, set, errors, verdict }: EligibilityFieldsProps) {
  const { choice, choices, date } = bindFields({ values: value, set, errors, prefix: "eligibility" });
  return (
    <>
      <h2>Eligibility</h2>
      <Radios
        legend="Who made the referral?"
        legendSize="s"
        options={toChoiceOptions(REFERRER_LABELS)}
        {...choice("referrer")}
      />
      <Radios
        legend="Where does the trainee work or train?"
        legendSize="s"
        options={toChoiceOptions(REGION_LABELS)}
        {...choice("region")}
      />
      <Radios
        legend="Which group is the trainee in?"
        legendSize="s"
        options={toChoiceOptions(GROUP_LABELS, { dividerBefore: "none_of_these" })}
        {...choice("group")}
      />

      {value.group === "doctor_or_dentist" && (
        <Radios
          legend="Do they hold a London or KSS training number (NTN or DRN)?"
          legendSize="s"
          hint="A doctor in a London or KSS foundation programme counts as holding one."
          options={toChoiceOptions(TRAINING_NUMBER_LABELS)}
          {...choice("trainingNumber")}
        >
          {value.trainingNumber === "ended" && (
            <DateInput
              legend="When did it end?"
              legendSize="s"
              hint="The day they completed training (CCT) or gave the number up. For example, 31 8 2025"
              {...date("trainingEndedOn")}
            />
          )}
        </Radios>
      )}
      {value.group === "healthcare_professional" && (
        <>
          <Radios
            legend="Which Agenda for Change band are they?"
            legendSize="s"
            inline
            options={BANDS.map((band) => ({ value: band, label: band }))}
            {...choice("band")}
          />
          <Radios
            legend="Are they in a recognised training scheme?"
            legendSize="s"
            hint="For example nurse preceptorship, or development for a specialised role."
            inline
            options={YES_NO_OPTIONS}
            {...choice("inRecognisedScheme")}
          />
        </>
      )}
      {value.group === "pharmacy" && (
        <Radios
          legend="Which pharmacy training route are they on?"
          legendSize="s"
          options={toChoiceOptions(PHARMACY_ROUTE_LABELS)}
          {...choice("pharmacyRoute")}
        />
      )}
      {value.group === "gp_scheme" && (
        <Radios
          legend="Have they passed the entry requirements and been offered a placement on the scheme?"
          legendSize="s"
          inline
          options={YES_NO_OPTIONS}
          {...choice("schemeOffered")}
        />
      )}

      <Checkboxes
        legend="Is it about any of these? (optional)"
        legendSize="s"
        hint="The unit's advice on these is shown to the trainee online; mention it to them."
        options={toChoiceOptions(CONCERN_LABELS)}
        {...choices("concerns")}
      />

      <Verdict verdict={verdict} error={findFieldError(errors, "eligibility-verdict")} />
    </>
  );
}

/** The verdict, said plainly: eligible, or not and why (the referral cannot then be recorded). */
function Verdict({ verdict, error }: { verdict: EligibilityVerdict | null; error: string | undefined }) {
  // The error summary links here (tabIndex -1) when an ineligible referral is submitted.
  return (
    <div id="eligibility-verdict" tabIndex={-1} aria-live="polite">
      {verdict === null ? null : verdict.eligible ? (
        <InsetText>
          <p>The trainee is eligible for the unit's support.</p>
        </InsetText>
      ) : (
        <WarningCallout heading="The trainee is not eligible">
          {error && (
            <p>
              <ErrorMessage id="eligibility-verdict-error">{error}</ErrorMessage>
            </p>
          )}
          <ul>
            {verdict.reasons.map((reason) => (
              <li key={reason.code}>{reason.message}</li>
            ))}
          </ul>
          {verdict.signposts.length > 0 && (
            <>
              <p>Where they can go instead:</p>
              <ul>
                {verdict.signposts.map((signpost) => (
                  <li key={signpost.code}>
                    <strong>{signpost.title}</strong>: {signpost.detail}
                  </li>
                ))}
              </ul>
            </>
          )}
        </WarningCallout>
      )}
    </div>
  );
}
