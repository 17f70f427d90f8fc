import { type FormEvent, useState } from "react";
import { TextInput } from "../../../components/text-input";
import { type FormError, findFieldError } from "../../../lib/form-errors";
import { PERIOD_FIELD_IDS, type ReportPeriod } from "./report-period";
import "./reports.css";

type PeriodFormProps = {
  /** The period shown, as it is in the URL (possibly wrong: the errors say why). */
  period: ReportPeriod;
  errors: readonly FormError[];
  onSubmit: (period: ReportPeriod) => void;
};

/** The months a report covers: two "YYYY-MM" fields and a button. The page checks and applies them. */
export function PeriodForm({ period, errors, onSubmit }: PeriodFormProps) {
  // The page remounts the form when the URL's period changes (its key), so the fields start from it.
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit({ from: from.trim(), to: to.trim() });
  }

  return (
    <form noValidate onSubmit={submit}>
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Period</legend>
        <div className="app-report-period">
          <TextInput
            id={PERIOD_FIELD_IDS.from}
            label="From month"
            hint="For example, 2025-12"
            width="10"
            spellCheck={false}
            autoComplete="off"
            value={from}
            onChange={setFrom}
            error={findFieldError(errors, PERIOD_FIELD_IDS.from)}
          />
          <TextInput
            id={PERIOD_FIELD_IDS.to}
            label="To month"
            hint="For example, 2026-11"
            width="10"
            spellCheck={false}
            autoComplete="off"
            value={to}
            onChange={setTo}
            error={findFieldError(errors, PERIOD_FIELD_IDS.to)}
          />
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            Show figures
          </button>
        </div>
      </fieldset>
    </form>
  );
}
