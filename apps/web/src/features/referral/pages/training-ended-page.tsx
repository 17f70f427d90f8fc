import { useState } from "react";
import { Navigate } from "react-router";
import { DateInput, type DatePart, type DateParts } from "../../../components/date-input";
import { FormPage } from "../../../components/form-page";
import { findFieldError } from "../../../lib/form-errors";
import { validateEligibilityField } from "../wizard/eligibility-answer";
import { ELIGIBILITY_QUESTION_FIELDS } from "../wizard/journey";
import { useVerdict } from "../wizard/use-verdict";
import { useWizardStep } from "../wizard/use-wizard-step";

const QUESTION = "When did your training number end?";
const FIELD = ELIGIBILITY_QUESTION_FIELDS["training-ended"];
const LABEL = "The date your training number ended";
const DATE_PARTS: readonly DatePart[] = ["day", "month", "year"];
const PART_NAMES: Record<DatePart, string> = { day: "a day", month: "a month", year: "a year" };

/** The date a doctor's or dentist's training number ended, for the 3-month grace period. */
export function TrainingEndedPage() {
  const wizard = useWizardStep("training-ended");
  const { state, store, today, redirectTo, errors, fail, formPage } = wizard;
  const [parts, setParts] = useState<DateParts>(() => splitDate(state.eligibility.trainingEndedOn));
  const [wrongParts, setWrongParts] = useState<DatePart[]>([]);
  const { saveAnswersAndContinue, isAsking } = useVerdict(wizard);

  if (redirectTo) return <Navigate to={redirectTo} replace />;

  async function submit() {
    const composed = composeDate(parts);
    if (!composed.ok) {
      setWrongParts(composed.wrongParts);
      return fail([{ field: `${FIELD}-${composed.wrongParts[0] ?? "day"}`, message: composed.message }]);
    }
    const answers = { ...store.getState().eligibility, trainingEndedOn: composed.date ?? undefined };
    const problem = validateEligibilityField(answers, FIELD, today);
    if (problem) {
      setWrongParts([]);
      // The domain's "real date" message shows the API's YYYY-MM-DD form; here people type day, month and year.
      const message = problem.code === "invalid_format" ? `${LABEL} must be a real date` : problem.message;
      return fail([{ field: `${FIELD}-day`, message }]);
    }
    await saveAnswersAndContinue(answers, FIELD);
  }

  const error = errors.find((candidate) => candidate.field.startsWith(FIELD))?.message;
  return (
    <FormPage title={QUESTION} {...formPage} onSubmit={() => void submit()} isSubmitting={isAsking}>
      <DateInput
        id={FIELD}
        legend={QUESTION}
        isPageHeading
        hint="The day you completed training (CCT) or gave your training number up. For example, 31 8 2025"
        value={parts}
        onChange={setParts}
        error={error ?? findFieldError(errors, FIELD)}
        errorParts={wrongParts}
      />
    </FormPage>
  );
}

function splitDate(date: string | undefined): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? "");
  if (!match) return { day: "", month: "", year: "" };
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] ?? "" };
}

// A date of null means nothing was typed: the domain's own "Enter the date" message then applies.
type ComposedDate = { ok: true; date: string | null } | { ok: false; message: string; wrongParts: DatePart[] };

/** Day, month and year as typed into "YYYY-MM-DD", or what is missing (GOV.UK's date input messages). */
function composeDate(parts: DateParts): ComposedDate {
  const trimmed = { day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() };
  const missing = DATE_PARTS.filter((part) => trimmed[part] === "");
  if (missing.length === DATE_PARTS.length) return { ok: true, date: null };
  if (missing.length > 0) {
    const names = missing.map((part) => PART_NAMES[part]).join(" and ");
    return { ok: false, message: `${LABEL} must include ${names}`, wrongParts: missing };
  }
  const notNumbers = DATE_PARTS.filter((part) => !/^\d+$/.test(trimmed[part]));
  if (notNumbers.length > 0) return { ok: false, message: `${LABEL} must be a real date`, wrongParts: notNumbers };
  if (trimmed.year.length !== 4) return { ok: false, message: "Year must include 4 numbers", wrongParts: ["year"] };
  const date = `${trimmed.year}-${trimmed.month.padStart(2, "0")}-${trimmed.day.padStart(2, "0")}`;
  return { ok: true, date };
}
