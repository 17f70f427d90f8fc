import type { FormEvent } from "react";
import { TextInput } from "../../../components/text-input";
import { useFormFields } from "../../../components/use-form";
import type { FormError } from "../../../lib/form-errors";
import { PERIOD_FIELD_IDS, type ReportPeriod } from "./report-period";
import "./reports.css";

type PeriodFormProps = {
  /** The period shown, as it is in the URL (possibly wrong: the errors say why). */
  period: ReportPeriod;
  errors: readonly FormError[];
  onSubmit: (period: ReportPeriod) => void;
};

// The two ends of the period, asked the same way.
const MONTH_FIELDS = [
  { name: "from", label: "From month", hint: "For example, 2025-12" },
  { name: "to", label: "To month", hint: "For example, 2026-11" },
] as const;

/** The months a report covers: two "YYYY-MM" fields and a button. The page checks and applies them. */
export function PeriodForm({ period, errors, onSubmit }: PeriodFormProps) {
  // The page remounts the form when the URL's period changes (its key), so the fields start from it.
  const { values, field } = useFormFields(period, errors);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit({ from: values.from.trim(), to: values.to.trim() });
  }

  return (
    <form noValidate onSubmit={submit}>
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Period</legend>
        <div className="app-report-period">
          {MONTH_FIELDS.map(({ name, label, hint }) => (
            <TextInput
              key={name}
              {...field(name, PERIOD_FIELD_IDS[name])}
              label={label}
              hint={hint}
              width="10"
              spellCheck={false}
              autoComplete="off"
            />
          ))}
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            Show figures
          </button>
        </div>
      </fieldset>
    </form>
  );
}
